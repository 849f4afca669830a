"""`python manage.py setup_site`: the skeleton of a network's site. Safe to run again."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from home.site_setup import build_site


def language_list(value):
    return [code.strip() for code in value.split(",") if code.strip()]


class Command(BaseCommand):
    help = (
        "Create what is missing of the network's site after `migrate`: the home page, the "
        "finder, the help points index, the workshops page, the contact page, the "
        "associations page, the about page, the safe-browsing guidance, the empty protected "
        "directory with its operators' groups and privacy, the Site record and the locales, "
        "translated into every configured language. Pages that exist are never changed "
        "(editors own them). Then add each association with `setup_association`."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--name",
            help="the network's name: title of the home page, site name and network setting "
            "(default: the Site's name, or WAGTAIL_SITE_NAME on a new site)",
        )
        parser.add_argument(
            "--hostname", help="the host name the site is served at, e.g. rete.example.org"
        )
        parser.add_argument(
            "--port",
            type=int,
            help="the port the site is served at (443 behind TLS, the default 80)",
        )
        parser.add_argument(
            "--languages",
            type=language_list,
            help="comma-separated language codes to translate the pages into "
            "(default: every language in LANGUAGES; the others show the default language)",
        )
        parser.add_argument(
            "--default-language",
            default=settings.LANGUAGE_CODE,
            help="the language pages are written in and translated from; it is the "
            f"LANGUAGE_CODE setting ({settings.LANGUAGE_CODE}) and cannot differ from it",
        )

    def handle(self, *args, name, hostname, port, languages, default_language, **options):
        configured = [code for code, _name in settings.LANGUAGES]
        if default_language != settings.LANGUAGE_CODE:
            raise CommandError(
                f"The default language is the LANGUAGE_CODE setting ({settings.LANGUAGE_CODE}); "
                f"{default_language!r} would need that setting changed first."
            )
        unknown = sorted(set(languages or []) - set(configured))
        if unknown:
            raise CommandError(
                f"Unknown language(s) {', '.join(unknown)}: choose among {', '.join(configured)}."
            )
        if port is not None and not 0 < port < 65536:
            raise CommandError(f"No such port: {port}.")
        if name is None:
            site = Site.objects.filter(is_default_site=True).first()
            name = site.site_name if site and site.site_name else settings.WAGTAIL_SITE_NAME
        result = build_site(name, hostname=hostname, port=port, languages=languages)
        site = result["site"]
        self.stdout.write(
            self.style.SUCCESS(
                f"Site ready at {site.root_url}/: {result['pages']} pages, "
                f"{result['translated']} newly translated."
            )
        )
