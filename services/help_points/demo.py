"""Demo help points, from demo.toml beside this module: the help points of the network's
associations, below the skeleton's help points index."""

from pathlib import Path

from home.content import ContentData, ContentPart, get_or_create_child
from services import gazetteer
from services.associations.demo import ASSOCIATIONS_DEMO
from services.associations.models import AssociationPage

from .models import (
    HelpPointIndexPage,
    HelpPointPage,
    HelpPointPhone,
    OpeningException,
    OpeningRule,
)

DATA = ContentData(Path(__file__).with_name("demo.toml"))


def opening_rule(spec):
    mode = spec.get("mode", OpeningRule.Mode.IN_PERSON)
    return OpeningRule.on_days(spec["days"], opens=spec["opens"], closes=spec["closes"], mode=mode)


def help_point(index, spec, data):
    every = data["every_help_point"]
    comune = gazetteer.lookup(spec["comune"]).comune
    patron_month, patron_day = spec.get("patron_day", (None, None))
    fields = {
        **data.texts(spec, "title", "how_to_get_there"),
        "association": AssociationPage.objects.get(slug=spec["association"], locale=index.locale),
        "kind": spec.get("kind", HelpPointPage.Kind.DESK),
        "summary": data.text(spec.get("summary", every["summary"])),
        "address": spec["address"],
        "address_visibility": spec.get(
            "address_visibility", HelpPointPage.AddressVisibility.PUBLIC
        ),
        "comune": comune.name,
        "istat_code": comune.istat_code,
        "province": comune.province,
        "latitude": comune.latitude,
        "longitude": comune.longitude,
        "languages": spec["languages"],
        "service_codes": spec.get("service_codes", []),
        "services": data.lines(every["services"]),
        "access": spec.get("access", HelpPointPage.Access.WALK_IN),
        "accessibility": data.text(every["accessibility"]),
        "example_data": True,
        "patron_month": patron_month,
        "patron_day": patron_day,
        "phones": [HelpPointPhone(number=spec["phone"])],
        "opening_rules": [opening_rule(rule) for rule in spec["rules"]],
        "opening_exceptions": [OpeningException(**exception) for exception in every["exceptions"]],
    }
    page, _created = get_or_create_child(index, HelpPointPage, spec["slug"], **fields)
    return page


def build(home, data):
    """The demo help points, in Italian, below the skeleton's index.

    Help points belong to associations: those are made first (their own part, built
    later, finds them in place).
    """
    ASSOCIATIONS_DEMO.build(home, ASSOCIATIONS_DEMO.data)
    index = HelpPointIndexPage.objects.child_of(home).get()
    return [help_point(index, spec, data) for spec in data["help_points"]]


HELP_POINTS_DEMO = ContentPart(data=DATA, build=build)
