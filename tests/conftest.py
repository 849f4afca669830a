from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page

from .saved_rows import load_rows, save_rows


@pytest.fixture(scope="session")
def demo_dump(django_db_setup, django_db_blocker):
    return save_rows(django_db_blocker, lambda: call_command("load_demo", stdout=StringIO()))


@pytest.fixture
def demo(db, demo_dump):
    """The whole demo site, as `make run` builds it."""
    load_rows(demo_dump)


@pytest.fixture
def page_in():
    """page_in("fr", "chi-siamo") -> the live French page with that slug."""

    def find(language_code, slug):
        return Page.objects.live().get(locale__language_code=language_code, slug=slug).specific

    return find


@pytest.fixture
def login_as(client):
    """login_as(user): log the test client in as a fully authenticated staff user.

    Every staff account needs a second factor: this gives the user a confirmed TOTP
    device (if it has none) and marks the session as verified with it, as a real
    login with password and code does.
    """

    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    def login(user):
        client.force_login(user)
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
        return client

    return login


def pytest_collection_modifyitems(config, items):
    """Load benchmarks (`@pytest.mark.load`) run only when asked for: `make bench` runs
    `pytest -m load`."""
    if "load" in (config.getoption("markexpr") or ""):
        return
    kept = [item for item in items if item.get_closest_marker("load") is None]
    if len(kept) != len(items):
        config.hook.pytest_deselected(items=[i for i in items if i not in kept])
        items[:] = kept
