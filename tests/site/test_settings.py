import os
import secrets
import subprocess
import sys
from pathlib import Path

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


def test_check_deploy_is_clean_with_production_settings_and_a_real_secret():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="closher.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="example.org",
        RECAPTCHA_PUBLIC_KEY="site-key-of-the-deployment",
        RECAPTCHA_PRIVATE_KEY=secrets.token_urlsafe(30),
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", DJANGO_SETTINGS_MODULE="closher.settings.production")

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr
