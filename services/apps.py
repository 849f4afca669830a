from django.apps import AppConfig


class ServicesConfig(AppConfig):
    """Associations, help points and hours, workshops, finder, contact, open-data API."""

    name = "services"
    default_auto_field = "django.db.models.BigAutoField"
