import pytest
from django.core.management import call_command
from wagtail.models import Page


@pytest.fixture
def demo(db, django_capture_on_commit_callbacks):
    """The whole demo site, as `make run` builds it.

    wagtail-localize publishes translations on commit; the test transaction never
    commits, so the callbacks are run here as a real commit would.
    """
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


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
