"""Site-wide settings that editors change in the Wagtail admin."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="warning")
class NetworkSettings(BaseSiteSetting):
    """The network's name, the emergency numbers shown on every page and the quick exit."""

    network_name = models.CharField(
        _("network name"),
        max_length=120,
        default="Rete Clos(H)er",
        help_text=_("Shown in the header of every page and in page titles."),
    )
    helpline_number = models.CharField(
        _("national anti-violence helpline"),
        max_length=20,
        default="1522",
        help_text=_("Free, 24/7 anti-violence and stalking helpline (1522 in Italy)."),
    )
    emergency_number = models.CharField(
        _("emergency number"),
        max_length=20,
        default="112",
        help_text=_("Single European emergency number (112)."),
    )
    quick_exit_url = models.URLField(
        _("quick exit destination"),
        default="https://www.meteoam.it/",
        help_text=_(
            "A neutral, fast page the quick exit leads to (a weather page works well). "
            "The QUICK_EXIT_URL environment variable overrides it."
        ),
    )

    panels = [
        FieldPanel("network_name"),
        MultiFieldPanel(
            [FieldPanel("helpline_number"), FieldPanel("emergency_number")],
            heading=_("Emergency numbers"),
        ),
        FieldPanel("quick_exit_url"),
    ]

    class Meta:
        verbose_name = _("network settings")

    @property
    def exit_url(self):
        """Where the quick exit goes: the environment wins over the admin setting."""
        return settings.QUICK_EXIT_URL or self.quick_exit_url
