from django.apps import AppConfig


class CloserConfig(AppConfig):
    """The project package: settings, URLs, base templates and the site-wide safety layer."""

    name = "closher"
    label = "closher"
    verbose_name = "Clos(H)er"

    def ready(self):
        from . import page_cache  # needs the apps loaded: Wagtail's models and signals

        page_cache.connect_signals()
