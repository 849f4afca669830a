from django.apps import AppConfig
from django.db.models.signals import post_migrate


class HomeConfig(AppConfig):
    """Home page, content pages, project pages and the safe-browsing guidance."""

    name = "home"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published

        from .locales import ensure_locales_after_migrate
        from .wagtail_localize_numchild import restore_numchild

        post_migrate.connect(ensure_locales_after_migrate, sender=self)
        page_published.connect(restore_numchild, dispatch_uid="wagtail_localize_numchild")
