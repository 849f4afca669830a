"""Keep one Wagtail locale per configured language, each synchronised from Italian.

Adding a language is then one line in LANGUAGES (plus its catalogues): the next
`migrate` creates the locale and wagtail-localize fills its tree with aliases.
"""

from django.conf import settings
from wagtail.models import Locale
from wagtail_localize.models import LocaleSynchronization


def ensure_locales():
    """Create missing locales and their sync-from-default rule; return the new ones."""
    source, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    created = []
    for code, _name in settings.LANGUAGES:
        if code == source.language_code:
            continue
        locale, was_created = Locale.objects.get_or_create(language_code=code)
        if was_created:
            created.append(locale)
        LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": source})
    return created


def ensure_locales_after_migrate(**kwargs):
    ensure_locales()
