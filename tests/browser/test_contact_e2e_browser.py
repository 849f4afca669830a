"""End to end in Chromium: her words and her photo leave her browser only as age ciphertext.

One site of its own for this module (tests/browser/canary_settings.py): its cache in
files, its logs at DEBUG (SQL included) in a file, its temporary files in a folder of
its own, so that after a message sent without JavaScript all of them can be searched.
Every association has a key; the private keys stay with the test, as with the staff.
"""

import base64
import hashlib
import json
import time
import uuid
from io import BytesIO
from pathlib import Path

import pyrage
import pytest
from PIL import Image
from pyrage import x25519

from ..services.contact.test_contact_e2e import has_gps, photo_with_gps
from ..services.contact.test_contact_load import stored_messages
from .helpers import (
    OriginRecorder,
    SiteServer,
    admin_login,
    assert_accessible,
    create_staff_user,
    throwaway_database,
)
from .test_page_weight import LIMIT, first_view_bytes

pytestmark = pytest.mark.browser

ASSOCIATIONS = ["mondodonna", "perledonne", "sos-donna", "isola-che-ce", "mia"]
GROUP = "Inbox – MondoDonna Onlus"
PLACE = "Gaggio Montano"  # nearest help points: Vergato and Alto Reno Terme, S.O.S. Donna
MIN_SECONDS = 3.2  # a person takes longer than the anti-robot minimum


class CanarySite(SiteServer):
    settings = "tests.browser.canary_settings"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("e2e")
    with throwaway_database(folder) as env:
        places = {name: folder / name for name in ("tmp", "cache")}
        for path in places.values():
            path.mkdir()
        env.update(
            TMPDIR=str(places["tmp"]),
            CANARY_CACHE_DIR=str(places["cache"]),
            CONTACT_RATE_LIMIT="1000",
        )
        server = CanarySite(env)
        server.prepare()
        identities = {}
        for slug in ASSOCIATIONS:
            identities[slug] = x25519.Identity.generate()
            server.manage("set_inbox_key", slug, str(identities[slug].to_public()))
        log = folder / "site.log"
        with log.open("wb") as output:
            server.log = output
            server.start()
            try:
                yield server, env, identities, {**places, "log": log}
            finally:
                server.stop()


def posts(requests, ending="/scrivici/"):
    """The bodies of the POSTs to addresses ending so (the message's own request)."""
    return [body for url, method, body in requests if method == "POST" and url.endswith(ending)]


def recorded_requests(page):
    """Every request the page sends: (url, method, body bytes)."""
    requests = []
    page.on("request", lambda r: requests.append((r.url, r.method, r.post_data_buffer or b"")))
    return requests


def opened_messages(env, identities):
    """Every stored message that one of `identities` opens, as (payload, ciphertext)."""
    found = []
    for ciphertext in stored_messages(env):
        for identity in identities:
            try:
                found.append((json.loads(pyrage.decrypt(ciphertext, [identity])), ciphertext))
            except pyrage.DecryptError:
                continue
    return found


def message_with(env, identities, canary):
    opened = opened_messages(env, identities)
    matches = [payload for payload, _ in opened if payload["message"] == canary]
    assert len(matches) == 1
    return matches[0]


def fingerprint(recipient):
    digest = hashlib.sha256(str(recipient).encode()).hexdigest()[:16]
    return " ".join(digest[start : start + 4] for start in range(0, 16, 4))


def photo_file(data, name="ferita.jpg"):
    return {"name": name, "mimeType": "image/jpeg", "buffer": data}


def pdf(name, padding=0):
    return {"name": name, "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n" + bytes(padding)}


def test_with_javascript_her_words_and_photo_leave_the_browser_only_encrypted(browser, site):
    server, env, identities, _places = site
    canary = f"canary-{uuid.uuid4().hex}"
    photo = photo_with_gps()
    context = browser.new_context(locale="it-IT")
    page = context.new_page()
    origins = OriginRecorder(context, server.url)
    requests = recorded_requests(page)

    page.goto(f"{server.url}/it/scrivici/")
    page.select_option("select[name=association]", label="MondoDonna Onlus")
    page.wait_for_selector("[data-contact-keys]:not([hidden])")
    expected = fingerprint(identities["mondodonna"].to_public())
    assert page.locator("[data-contact-keys-list]").inner_text().strip() == expected
    assert_accessible(page)
    page.fill("textarea[name=message]", canary)
    page.check("input[name=channel][value=phone]")
    page.fill("input[name=contact_detail]", f"{canary}-phone")
    page.fill("input[name=safe_times]", f"{canary}-times")
    page.set_input_files("input[name=attachments]", [photo_file(photo)])
    time.sleep(MIN_SECONDS)
    page.locator("form.contact-form button[type=submit]").click()
    page.wait_for_url("**/scrivici/grazie/**")
    assert "cifrato sul tuo dispositivo" in page.locator(".lead").inner_text()

    # What the browser sent: no canary, no photo, in any request's address or body.
    sent = b"".join(url.encode() + body for url, _method, body in requests)
    assert canary.encode() not in sent
    assert base64.b64encode(canary.encode()) not in sent
    assert photo[200:264] not in sent and b"CanaryPhone" not in sent and b"JFIF" not in sent
    [message] = posts(requests)
    assert b'name="ciphertext"' in message and b"age-encryption.org/v1" in message
    assert b'name="message"' not in message and b'name="comune"' not in message
    origins.assert_none()
    context.close()

    # What was stored opens with the association's key: her words, and the photo, without EXIF.
    payload = message_with(env, [identities["mondodonna"]], canary)
    assert payload["contact"]["detail"] == f"{canary}-phone"
    assert payload["contact"]["safe_times"] == f"{canary}-times"
    [attachment] = payload["attachments"]
    image = base64.b64decode(attachment["data"])
    assert attachment["name"] == "ferita.jpg" and attachment["type"] == "image/jpeg"
    assert not has_gps(image) and b"CanaryPhone" not in image
    assert Image.open(BytesIO(image)).size == (40, 30)


def test_the_staff_open_the_browser_encrypted_message_and_its_photo_in_the_inbox(
    browser, site, tmp_path
):
    server, env, identities, _places = site
    canary = f"canary-inbox-{uuid.uuid4().hex}"
    visitor = browser.new_context(locale="it-IT")
    page = visitor.new_page()
    page.goto(f"{server.url}/it/scrivici/")
    page.select_option("select[name=association]", label="MondoDonna Onlus")
    page.fill("textarea[name=message]", canary)
    page.set_input_files("input[name=attachments]", [photo_file(photo_with_gps())])
    time.sleep(MIN_SECONDS)
    page.locator("form.contact-form button[type=submit]").click()
    page.wait_for_url("**/scrivici/grazie/**")
    visitor.close()

    key_file = tmp_path / "mondodonna.txt"  # a plain identity file, as age-keygen writes it
    identity = identities["mondodonna"]
    key_file.write_text(f"# public key: {identity.to_public()}\n{identity}\n")
    password = uuid.uuid4().hex
    totp = create_staff_user(server, "inbox-e2e", password, groups=[GROUP])
    staff = browser.new_context(locale="it-IT")
    admin = staff.new_page()
    admin_login(admin, server.url, "inbox-e2e", password, totp, next_url="/admin/inbox/")
    links = admin.locator("table.listing a.button")
    details = links.evaluate_all("links => links.map((a) => a.href)")
    for detail in details:  # the newest first: find the one with the canary
        admin.goto(detail)
        admin.set_input_files("#inbox-key-file", str(key_file))
        admin.locator("[data-inbox-decrypt]").click()
        admin.wait_for_selector("[data-inbox-message]:not([hidden])", timeout=30000)
        if admin.locator("[data-field=message]").inner_text() == canary:
            break
    assert admin.locator("[data-field=message]").inner_text() == canary
    image = admin.locator("[data-inbox-attachments] img")
    assert image.get_attribute("alt") == "ferita.jpg"
    assert image.evaluate("img => img.complete && img.naturalWidth") == 40
    assert "ferita.jpg" in admin.locator("[data-inbox-attachments] a[download]").inner_text()
    staff.close()


def test_routing_by_comune_sends_her_place_only_in_the_body_of_the_route_request(browser, site):
    server, env, identities, _places = site
    canary = f"canary-route-{uuid.uuid4().hex}"
    context = browser.new_context(locale="it-IT")
    page = context.new_page()
    requests = recorded_requests(page)
    page.goto(f"{server.url}/it/scrivici/")
    page.fill("input[name=comune]", PLACE)
    page.fill("textarea[name=message]", canary)
    time.sleep(MIN_SECONDS)
    page.locator("form.contact-form button[type=submit]").click()
    page.wait_for_url("**/scrivici/grazie/**")
    context.close()

    spellings = [PLACE, PLACE.replace(" ", "+"), PLACE.replace(" ", "%20")]
    for url, _method, _body in requests:
        assert not any(spelling.lower() in url.lower() for spelling in spellings)
    route = posts(requests, "/destinazione/")
    [message] = posts(requests)
    assert route and PLACE.encode() in route[-1]  # the one request that carries it
    assert PLACE.encode() not in message
    payload = message_with(env, [identities["sos-donna"]], canary)
    assert payload["comune"] == PLACE  # inside the ciphertext only


@pytest.mark.parametrize(
    ("files", "error"),
    [
        ([pdf(f"{n}.pdf") for n in range(4)], "Puoi allegare al massimo 3 file."),
        ([photo_file(b"just text, not a photo", "note.jpg")], "«note.jpg» non si può allegare"),
        ([pdf("big.pdf", 10 * 1024 * 1024)], "più grandi di 10 MB"),
    ],
)
def test_attachment_limits_are_shown_and_her_text_is_kept(browser, site, files, error):
    server, _env, _identities, _places = site
    context = browser.new_context(locale="it-IT")
    page = context.new_page()
    requests = recorded_requests(page)
    page.goto(f"{server.url}/it/scrivici/")
    page.select_option("select[name=association]", label="MondoDonna Onlus")
    page.fill("textarea[name=message]", "Il mio testo resta qui.")
    page.set_input_files("input[name=attachments]", files)
    page.locator("form.contact-form button[type=submit]").click()

    alert = page.locator("[data-contact-alert]")
    alert.wait_for(state="visible")
    assert error in alert.inner_text()
    assert page.input_value("textarea[name=message]") == "Il mio testo resta qui."
    assert not posts(requests)
    context.close()


@pytest.mark.parametrize(
    "answer",
    [{"keys": []}, {"keys": [{"recipient": "age1notakey"}]}, "not json at all"],
)
def test_an_empty_or_malformed_key_list_is_refused_with_the_phone_numbers(browser, site, answer):
    server, _env, _identities, _places = site
    context = browser.new_context(locale="it-IT")
    page = context.new_page()
    body = answer if isinstance(answer, str) else json.dumps(answer)
    page.route("**/contact/keys/**", lambda route: route.fulfill(body=body))
    requests = recorded_requests(page)
    page.goto(f"{server.url}/it/scrivici/")
    page.select_option("select[name=association]", label="MondoDonna Onlus")
    page.fill("textarea[name=message]", "Non deve partire.")
    time.sleep(MIN_SECONDS)
    page.locator("form.contact-form button[type=submit]").click()

    alert = page.locator("[data-contact-alert]")
    alert.wait_for(state="visible")
    assert "non è stato inviato" in alert.inner_text()
    phones = page.locator("[data-contact-alert-phones]")
    assert phones.is_visible() and "1522" in phones.inner_text() and "112" in phones.inner_text()
    assert page.locator("[data-contact-keys]").is_hidden()
    assert page.input_value("textarea[name=message]") == "Non deve partire."
    assert not posts(requests)
    context.close()


def test_in_arabic_the_keys_box_reads_right_to_left_and_passes_axe(browser, site):
    server, _env, _identities, _places = site
    context = browser.new_context(locale="ar")
    page = context.new_page()
    page.goto(f"{server.url}/ar/scrivici/")
    page.locator("select[name=association]").select_option(index=1)
    box = page.locator("[data-contact-keys]")
    box.wait_for(state="visible")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    widths = "b => ['Right', 'Left'].map((side) => getComputedStyle(b)[`border${side}Width`])"
    style = box.evaluate(widths)
    assert style == ["6px", "0px"]  # the bar on the starting side, the right
    assert page.locator("[data-contact-keys-list]").get_attribute("dir") == "ltr"
    assert_accessible(page)
    context.close()


def test_the_age_library_is_not_part_of_the_first_view(browser, site):
    server, _env, _identities, _places = site
    context = browser.new_context(locale="it-IT")
    page = context.new_page()
    requests = recorded_requests(page)
    page.goto(f"{server.url}/it/scrivici/", wait_until="networkidle")
    assert not [url for url, _method, _body in requests if "vendor/age" in url]
    with page.expect_request("**/vendor/age*.js"):  # she starts writing: now it is loaded
        page.fill("textarea[name=message]", "a")
    context.close()
    assert first_view_bytes(browser, f"{server.url}/it/scrivici/") < LIMIT


def files_text(folder, pattern="*"):
    return b"".join(path.read_bytes() for path in Path(folder).rglob(pattern) if path.is_file())


def test_without_javascript_it_is_encrypted_on_the_server_and_leaves_no_trace(browser, site):
    server, env, identities, places = site
    canary = f"canary-nojs-{uuid.uuid4().hex}"
    photo_canary = f"CanaryCam-{uuid.uuid4().hex[:12]}"
    # larger than FILE_UPLOAD_MAX_MEMORY_SIZE: Django's default handlers would write it to disk
    photo = photo_with_gps(size=(1800, 1300), make=photo_canary)
    assert len(photo) > 2.5 * 1024 * 1024
    context = browser.new_context(locale="it-IT", java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server.url}/it/scrivici/")
    page.select_option("select[name=association]", label="MondoDonna Onlus")
    page.fill("textarea[name=message]", canary)
    page.check("input[name=channel][value=email]")
    page.fill("input[name=contact_detail]", f"{canary}@example.net")
    page.set_input_files("input[name=attachments]", [photo_file(photo)])
    time.sleep(MIN_SECONDS)
    page.locator("form.contact-form button[type=submit]").click()
    page.wait_for_url("**/scrivici/grazie/**")
    assert "JavaScript" in page.locator(".lead").inner_text()
    context.close()

    payload = message_with(env, [identities["mondodonna"]], canary)
    image = base64.b64decode(payload["attachments"][0]["data"])
    assert not has_gps(image) and photo_canary.encode() not in image

    database = server.manage("dumpdata", "--format", "json")
    if "SQLITE_PATH" in env and "DATABASE_URL" not in env:
        sqlite = Path(env["SQLITE_PATH"])
        database += files_text(sqlite.parent, f"{sqlite.name}*").decode("latin-1")
    traces = {
        "database": database.encode(),
        "log": places["log"].read_bytes(),
        "temporary files": files_text(places["tmp"]),
        "cache": files_text(places["cache"]),
    }
    assert b"services_encryptedmessage" in traces["log"]  # the log holds the SQL it ran
    for where, text in traces.items():
        for secret in (canary, photo_canary):
            assert secret.encode() not in text, f"{secret} found in the {where}"
        assert photo[400:464] not in text, f"the photo found in the {where}"
