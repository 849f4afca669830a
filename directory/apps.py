from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    """The protected resource directory for network operators."""

    name = "directory"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import permission_policies, signals  # noqa: F401 - they use models: apps are loaded now

        permission_policies.install()
