"""The Wagtail admin works under its own Content-Security-Policy: no violations."""

import subprocess
import sys

import pytest
from django_otp.oath import TOTP

from .helpers import ROOT

pytestmark = pytest.mark.browser

KEY = "3132333435363738393031323334353637383930"
PASSWORD = "a-long-test-passphrase"  # noqa: S105


@pytest.fixture(scope="module")
def editor_account(site_server):
    """A superuser with a confirmed authenticator device, and the guidance page's id."""
    script = (
        "from django.contrib.auth import get_user_model\n"
        "from django_otp.plugins.otp_totp.models import TOTPDevice\n"
        "from home.models import SafeBrowsingPage\n"
        "user = get_user_model().objects.create_superuser("
        f"'csp-editor', 'csp@example.org', '{PASSWORD}')\n"
        f"TOTPDevice.objects.create(user=user, name='app', key='{KEY}', confirmed=True)\n"
        "print(SafeBrowsingPage.objects.get(locale__language_code='it').pk)\n"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=site_server.env,
        check=True,
        capture_output=True,
        text=True,
    )
    return "csp-editor", int(result.stdout.strip().splitlines()[-1])


def record_violations(page):
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return violations


def test_admin_login_page_loads_without_csp_violations(page, base_url):
    violations = record_violations(page)

    response = page.goto(base_url + "/admin/login/")

    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert page.get_by_label("Password").is_visible()
    assert violations == []


def test_admin_page_editor_loads_without_csp_violations(page, base_url, editor_account):
    username, page_id = editor_account
    violations = record_violations(page)
    page.goto(base_url + "/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    page.locator("input[name=otp_token]").first.fill(f"{TOTP(bytes.fromhex(KEY)).token():06d}")
    page.locator("input[name=otp_token]").first.press("Enter")
    page.wait_for_url(base_url + "/admin/**")

    page.goto(base_url + "/admin/pages/")
    page.goto(f"{base_url}/admin/pages/{page_id}/edit/")
    page.wait_for_load_state("networkidle")

    assert page.locator("#id_title").input_value() == "Navigare in sicurezza"
    assert page.locator("[data-controller~='w-draftail'], .Draftail-Editor").first.is_visible()
    assert violations == []
