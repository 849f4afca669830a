"""End to end: a key made in the admin, a message written on the public page, read back
in the inbox with the key file and its passphrase, all inside Chromium; the inbox pages
work under their strict CSP (no inline scripts or styles)."""

import hashlib
import json
import secrets
import time

import pyrage
import pytest

from .helpers import OriginRecorder, admin_login, assert_accessible, create_staff_user

pytestmark = pytest.mark.browser

GROUP = "Inbox – MondoDonna Onlus"
MESSAGE = "Ho paura di tornare a casa stasera. Potete richiamarmi domani?"
# Records what the page's Content-Security-Policy blocks (the browser would only log it).
WATCH_CSP = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}`);
});
"""


def assert_strict_csp(page, response=None):
    """Nothing on `page` was blocked, and (given its response) no inline code was allowed."""
    page.wait_for_load_state("load")
    if response is not None:
        assert "unsafe-inline" not in response.headers["content-security-policy"]
    assert page.evaluate("window.cspViolations") == []


@pytest.mark.parametrize("language", ["it", "ar"])
def test_without_javascript_she_can_write_and_send(browser, site_server, base_url, language):
    recipient = pyrage.x25519.Identity.generate().to_public()
    site_server.manage("set_inbox_key", "mondodonna", str(recipient))
    context = browser.new_context(locale="it-IT", java_script_enabled=False)
    page = context.new_page()
    origins = OriginRecorder(context, base_url)

    page.goto(f"{base_url}/{language}/scrivici/")
    assert page.locator("select[name=help_point] option").count() > 1
    page.fill("textarea[name=message]", "Scrivo senza JavaScript.")
    time.sleep(3.2)
    page.locator("form.contact-form button[type=submit]").click()

    page.wait_for_url(f"**/{language}/scrivici/grazie/**")
    assert "Scrivo senza JavaScript." not in page.content()
    origins.assert_none()
    context.close()


def test_the_contact_page_passes_axe(page, context, base_url):
    origins = OriginRecorder(context, base_url)

    page.goto(f"{base_url}/it/scrivici/")

    assert_accessible(page)
    origins.assert_none()


def test_key_in_the_admin_message_on_the_site_read_back_in_the_inbox(
    browser, site_server, base_url, tmp_path
):
    password = secrets.token_urlsafe(16)
    passphrase = "lunga frase segreta 42"
    totp = create_staff_user(site_server, "inbox-mondodonna", password, groups=[GROUP])
    staff = browser.new_context(locale="it-IT", accept_downloads=True)
    staff.add_init_script(WATCH_CSP)
    admin = staff.new_page()
    admin_login(admin, base_url, "inbox-mondodonna", password, totp, next_url="/admin/inbox/")

    # 1. The key pair is made in the browser; the key file is downloaded.
    assert_strict_csp(admin, admin.goto(f"{base_url}/admin/inbox/"))
    with admin.expect_navigation() as keys_page:
        admin.locator(".inbox__nav a[href$='/keys/']").click()
    assert_strict_csp(admin, keys_page.value)
    admin.fill("#keygen-passphrase", passphrase)
    admin.fill("#keygen-passphrase-again", passphrase)
    with admin.expect_download() as download:
        admin.locator("[data-keygen-start]").click()
    key_file = tmp_path / download.value.suggested_filename
    download.value.save_as(key_file)
    admin.wait_for_load_state()
    admin.wait_for_selector("code.inbox__recipient")
    recipient = admin.locator("code.inbox__recipient").first.inner_text()
    assert recipient.startswith("age1")
    digest = hashlib.sha256(recipient.encode()).hexdigest()[:16]
    fingerprint = " ".join(digest[start : start + 4] for start in range(0, 16, 4))
    assert admin.locator("code.inbox__fingerprint").first.inner_text() == fingerprint
    assert_strict_csp(admin)
    # the file is an age file locked with the passphrase, holding the matching private key
    identity_text = pyrage.passphrase.decrypt(key_file.read_bytes(), passphrase).decode()
    assert f"# public key: {recipient}" in identity_text

    # 2. She writes from the public site, in a context of her own.
    visitor = browser.new_context(locale="it-IT")
    public = visitor.new_page()
    origins = OriginRecorder(visitor, base_url)
    public.goto(f"{base_url}/it/scrivici/")
    public.select_option("select[name=association]", label="MondoDonna Onlus")
    public.fill("textarea[name=message]", MESSAGE)
    public.check("input[name=channel][value=phone]")
    public.fill("input[name=contact_detail]", "+39 333 555 0101")
    public.fill("input[name=safe_times]", "dopo le 18")
    time.sleep(3.5)  # a person takes longer than the anti-robot minimum
    public.locator("form.contact-form button[type=submit]").click()
    public.wait_for_url("**/scrivici/grazie/**")
    assert MESSAGE not in public.content()
    origins.assert_none()
    visitor.close()

    # 3. The staff open it with the key file and passphrase.
    assert_strict_csp(admin, admin.goto(f"{base_url}/admin/inbox/"))
    assert fingerprint in admin.locator(".inbox__keys").inner_text()
    with admin.expect_navigation() as detail_page:
        admin.locator("table.listing a.button").first.click()
    admin.set_input_files("#inbox-key-file", str(key_file))
    admin.fill("#inbox-passphrase", passphrase)
    admin.locator("[data-inbox-decrypt]").click()
    admin.wait_for_selector("[data-inbox-message]:not([hidden])", timeout=30000)
    assert admin.locator("[data-field=message]").inner_text() == MESSAGE
    assert admin.locator("[data-field='contact.detail']").inner_text() == "+39 333 555 0101"
    assert admin.locator("[data-field='contact.safe_times']").inner_text() == "dopo le 18"
    assert_strict_csp(admin, detail_page.value)

    # 4. The same ciphertext, exported, opens with the key file as `age -d -i` would.
    identity = pyrage.x25519.Identity.from_str(identity_text.strip().splitlines()[-1])
    export = tmp_path / "export"
    site_server.manage("export_messages", "mondodonna", "--out", str(export))
    readable = []
    for exported in export.glob("*.age"):  # other tests' messages are for other keys
        try:
            readable.append(json.loads(pyrage.decrypt(exported.read_bytes(), [identity])))
        except pyrage.DecryptError:
            continue
    assert [message["message"] for message in readable] == [MESSAGE]
    staff.close()
