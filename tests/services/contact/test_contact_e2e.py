"""End to end on the server's side: a message her browser encrypted is stored as it came,
only if it is an age file for the association's keys; attachments without JavaScript
are checked, cleaned of EXIF and encrypted in memory; the keys and route endpoints."""

import base64
import json
import os
from html import unescape
from io import BytesIO

import pyrage
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation
from django.utils.translation import gettext
from PIL import Image
from pyrage import x25519

from services.models import EncryptedMessage

from .test_contact import MESSAGE, form_data, opened, shows, stamp

GPS = 0x8825  # the EXIF tag of the GPS block
CANARY_PLACE = "Molinella"
WRONG_TYPE = "“%(name)s” cannot be attached: only photos (JPEG or PNG) and PDF documents."
TOO_LARGE = "Your files are larger than %(megabytes)s MB together. Choose fewer or smaller files."


def photo_with_gps(size=(40, 30), make="CanaryPhone"):
    """A JPEG with the phone's make and a GPS position in its EXIF; noise past 100 000
    pixels, so that a large size makes a large file."""
    width, height = size
    if width * height > 100_000:
        image = Image.frombytes("RGB", size, os.urandom(width * height * 3))
    else:
        image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = make
    exif[GPS] = {1: "N", 2: (44.0, 37.0, 1.0), 3: "E", 4: (11.0, 40.0, 2.0)}
    out = BytesIO()
    image.save(out, "JPEG", exif=exif, quality=95)
    return out.getvalue()


def has_gps(data):
    with Image.open(BytesIO(data)) as image:
        exif = image.getexif()
        return GPS in exif or bool(exif.get_ifd(GPS))


def encrypted_data(inbox, association="a", ciphertext=None, **overrides):
    recipients = [identity.to_public() for identity in inbox.keys[association].values()]
    if ciphertext is None:
        ciphertext = pyrage.encrypt(json.dumps({"message": MESSAGE}).encode(), recipients)
    data = {
        "encryption": "browser",
        "association": str(inbox.a.pk if association == "a" else inbox.b.pk),
        "started": stamp(),
        "website": "",
        "ciphertext": SimpleUploadedFile("message.age", ciphertext),
    }
    data.update(overrides)
    return data


def send_encrypted(client, inbox, **kwargs):
    return client.post(inbox.page.url, encrypted_data(inbox, **kwargs), REMOTE_ADDR="198.51.100.9")


def test_a_message_encrypted_in_her_browser_is_stored_as_it_came(client, inbox):
    response = send_encrypted(client, inbox)

    assert response.status_code == 200
    message = EncryptedMessage.objects.get()
    assert message.association == inbox.a
    assert message.encrypted_in == "browser"
    assert opened(message, inbox.keys["a"]["working"]) == {"message": MESSAGE}
    thanks = client.get(response.json()["thanks"])
    assert shows(
        thanks,
        "Thank you for writing. Your message was encrypted on your device before it was sent: "
        "only the association's staff can read it, not even this website's server.",
    )


@pytest.mark.parametrize(
    ("ciphertext", "reason"),
    [
        (b"hello, not age", "not an age file"),
        (pyrage.passphrase.encrypt(b"x", "secret"), "not an X25519 key"),
        (b"age-encryption.org/v1\n-> X25519 abc\n", "does not end"),
    ],
)
def test_what_is_not_an_age_file_for_x25519_keys_is_refused_with_a_reason(
    client, inbox, ciphertext, reason
):
    response = send_encrypted(client, inbox, ciphertext=ciphertext)

    assert response.status_code == 400
    assert reason in response.json()["error"]
    assert not EncryptedMessage.objects.exists()


def test_an_age_file_for_the_wrong_number_of_keys_is_refused(client, inbox):
    one_key = pyrage.encrypt(b"x", [x25519.Identity.generate().to_public()])

    response = send_encrypted(client, inbox, ciphertext=one_key)

    assert response.status_code == 400
    assert "1 recipients where the association has 2 active keys" in response.json()["error"]


@override_settings(CONTACT_CIPHERTEXT_MAX_BYTES=1000, CONTACT_ATTACHMENTS_MAX_BYTES=1000)
def test_a_ciphertext_larger_than_the_bound_is_refused(client, inbox):
    recipients = [identity.to_public() for identity in inbox.keys["a"].values()]
    big = pyrage.encrypt(b"x" * 5000, recipients)

    response = send_encrypted(client, inbox, ciphertext=big)

    assert response.status_code == 400
    assert not EncryptedMessage.objects.exists()


def test_the_anti_abuse_checks_apply_to_the_encrypted_submission(client, inbox, settings):
    too_fast = send_encrypted(client, inbox, started=stamp(seconds_ago=0))
    assert too_fast.status_code == 400
    assert too_fast.json()["started"]  # a fresh stamp, so pressing Send again works

    robot = send_encrypted(client, inbox, website="http://spam.example")
    assert robot.status_code == 200
    assert not EncryptedMessage.objects.exists()

    settings.CONTACT_RATE_LIMIT = 1
    assert send_encrypted(client, inbox).status_code == 200
    assert send_encrypted(client, inbox).status_code == 429
    assert EncryptedMessage.objects.count() == 1


def test_without_javascript_a_photo_is_encrypted_with_the_message_without_its_exif(client, inbox):
    photo = SimpleUploadedFile("ferita.jpg", photo_with_gps(), content_type="image/jpeg")
    document = SimpleUploadedFile("denuncia.pdf", b"%PDF-1.4\n%canary\n", "application/pdf")

    response = client.post(
        inbox.page.url,
        form_data(association=str(inbox.a.pk), attachments=[photo, document]),
        REMOTE_ADDR="198.51.100.10",
    )

    assert response.status_code == 302
    message = EncryptedMessage.objects.get()
    assert message.encrypted_in == "server"
    payload = opened(message, inbox.keys["a"]["recovery"])
    assert payload["message"] == MESSAGE
    names = [item["name"] for item in payload["attachments"]]
    assert names == ["ferita.jpg", "denuncia.pdf"]
    image = base64.b64decode(payload["attachments"][0]["data"])
    assert not has_gps(image)
    assert b"CanaryPhone" not in image
    assert Image.open(BytesIO(image)).size == (40, 30)
    thanks = client.get(response["Location"])
    assert shows(
        thanks,
        "Thank you for writing. JavaScript was off, so your message was encrypted by our "
        "server the moment it arrived: only the association's staff can read it.",
    )


@pytest.mark.parametrize(
    ("files", "error"),
    [
        (
            [SimpleUploadedFile(f"{n}.pdf", b"%PDF-1.4\n") for n in range(4)],
            ("You can attach at most %(count)s files.", {"count": 3}),
        ),
        (
            [SimpleUploadedFile("virus.exe", b"MZ\x90\x00")],
            (WRONG_TYPE, {"name": "virus.exe"}),
        ),
        (
            [SimpleUploadedFile("broken.jpg", b"\xff\xd8\xff\xe0 not really")],
            (WRONG_TYPE, {"name": "broken.jpg"}),
        ),
        (
            [SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * 2000)],
            (TOO_LARGE, {"megabytes": 0}),
        ),
    ],
)
@override_settings(CONTACT_ATTACHMENTS_MAX_BYTES=1000)
def test_attachment_limits_are_form_errors_that_keep_her_text(client, inbox, files, error):
    response = client.post(
        inbox.page.url,
        form_data(association=str(inbox.a.pk), attachments=files),
        REMOTE_ADDR="198.51.100.11",
    )

    msgid, params = error
    with translation.override("it"):
        text = gettext(msgid) % params
    assert response.status_code == 200
    assert text in unescape(response.content.decode())
    assert MESSAGE in response.content.decode()
    assert not EncryptedMessage.objects.exists()


def test_the_keys_endpoint_lists_the_active_public_keys_cacheable_for_a_short_time(client, inbox):
    response = client.get(f"/contact/keys/{inbox.a.pk}/")

    assert response.status_code == 200
    assert "max-age=300" in response["Cache-Control"]
    keys = response.json()["keys"]
    assert sorted(key["recipient"] for key in keys) == sorted(
        str(identity.to_public()) for identity in inbox.keys["a"].values()
    )
    assert all("AGE-SECRET" not in json.dumps(key) for key in keys)
    assert client.get("/contact/keys/999999/", follow=True).status_code == 404


def test_the_route_is_resolved_from_her_place_in_the_body_and_answers_only_the_association(
    client, inbox
):
    url = inbox.page.url + inbox.page.reverse_subpage("route")

    found = client.post(url, {"comune": CANARY_PLACE})
    unknown = client.post(url, {"comune": "Nessunpaese"})

    assert found.status_code == 200
    assert found.json()["association"] == inbox.a.pk  # Budrio is nearest to Molinella
    assert CANARY_PLACE not in found.content.decode()
    assert "no-store" in found["Cache-Control"]
    assert unknown.status_code == 400
    assert client.get(url).status_code == 405


def test_export_with_a_key_file_writes_each_message_and_its_files(client, inbox, tmp_path):
    photo = SimpleUploadedFile("../../ferita.jpg", photo_with_gps(), content_type="image/jpeg")
    client.post(
        inbox.page.url,
        form_data(association=str(inbox.a.pk), attachments=[photo]),
        REMOTE_ADDR="198.51.100.12",
    )
    send_encrypted(client, inbox, association="b")  # another association's: not exported
    identity = inbox.keys["a"]["working"]
    key_file = tmp_path / "key.txt"
    key_file.write_text(f"# public key: {identity.to_public()}\n{identity}\n")

    call_command(
        "export_messages", "alfa", "--out", str(tmp_path / "out"), "--identity", str(key_file)
    )

    [folder] = [path for path in (tmp_path / "out").iterdir() if path.is_dir()]
    message = json.loads((folder / "message.json").read_text())
    assert message["message"] == MESSAGE
    assert message["files"] == ["1-ferita.jpg"]  # the name cannot climb out of the folder
    assert not has_gps((folder / "1-ferita.jpg").read_bytes())
    assert len(list((tmp_path / "out").glob("*.age"))) == 1
