"""Build (or complete) the demo site: `python manage.py load_demo`. Safe to run again."""

from django.core.management.base import BaseCommand

from directory.demo import DIRECTORY_DEMO
from home.demo import HOME_DEMO
from home.site_setup import build_site
from services.associations.demo import ASSOCIATIONS_DEMO
from services.help_points.demo import HELP_POINTS_DEMO
from services.workshops.demo import WORKSHOPS_DEMO

NAME = "Rete Clos(H)er"
# The demo's parts (home.content.ContentPart), built in this order after the skeleton
# that `setup_site` makes; their `after_sync` run in this order too (the associations'
# groups before the demo accounts put in them).
PARTS = [ASSOCIATIONS_DEMO, HELP_POINTS_DEMO, WORKSHOPS_DEMO, HOME_DEMO, DIRECTORY_DEMO]


class Command(BaseCommand):
    help = (
        "Build the demo: the site's skeleton (as setup_site makes it) plus invented "
        "associations, help points, workshops, projects and directory entries. Safe to run "
        "again: what exists is left as it is."
    )

    def handle(self, *args, **options):
        result = build_site(NAME, parts=PARTS)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {result['pages']} pages, {result['translated']} newly "
                "translated."
            )
        )
