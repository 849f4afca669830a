"""`manage.py check` with the production settings: clean, and refusing a bad environment."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, **env):
    unset = {"SECRET_KEY", "DJANGO_SETTINGS_MODULE"}
    clean = {key: value for key, value in os.environ.items() if key not in unset}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
    )


@pytest.mark.parametrize(
    "deployment",
    [
        {"RECAPTCHA_PUBLIC_KEY": "x", "RECAPTCHA_PRIVATE_KEY": "y"},
        {
            "ALLOWED_HOSTS": "example.org",
            "FORWARDED_ALLOW_IPS": "127.0.0.1,10.0.0.0/8",
            "RECAPTCHA_PUBLIC_KEY": "site-key-of-the-deployment",
            "RECAPTCHA_PRIVATE_KEY": secrets.token_urlsafe(30),
        },
    ],
    ids=["minimal", "behind-a-proxy"],
)
def test_check_deploy_is_clean_with_production_settings_and_a_real_secret(deployment):
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="closher.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        **deployment,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", DJANGO_SETTINGS_MODULE="closher.settings.production")

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_a_proxy_list_that_is_not_addresses_refuses_to_start():
    result = manage("check", FORWARDED_ALLOW_IPS="127.0.0.1,proxy.example.org")

    assert result.returncode != 0
    assert "FORWARDED_ALLOW_IPS: 'proxy.example.org' is not an address" in result.stderr
