from django.apps import AppConfig
from django.db.models.signals import post_migrate
from wagtail.signals import page_published


class HomeConfig(AppConfig):
    """Home page, content pages, project pages and the safe-browsing guidance."""

    name = "home"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import locales, wagtail_localize_numchild  # they use models: apps are loaded now

        post_migrate.connect(locales.ensure_locales_after_migrate, sender=self)
        page_published.connect(
            wagtail_localize_numchild.restore_numchild, dispatch_uid="wagtail_localize_numchild"
        )
