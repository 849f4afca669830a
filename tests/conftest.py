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
