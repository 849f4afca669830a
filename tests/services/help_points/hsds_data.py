"""Help points for the HSDS and OpenAPI tests: one of each kind of address and hours."""

import datetime as dt

from services.models import HelpPointPhone, OpeningException, OpeningRule

from .help_points_data import add_help_point, make_site

HIDDEN_POSITION = (44.7001, 11.8002)  # not Molinella's centre: must never be published


def hsds_network():
    """An association and four help points: public (Budrio, with weekly rules, a night
    opening, a closure and special hours), hidden, on request, and a phone line."""
    _home, index, association = make_site()
    association.website = ""
    association.email = "info@mondodonna.example"
    association.save()
    budrio = add_help_point(
        index,
        association,
        "budrio",
        "Budrio",
        44.5642,
        11.5425,
        istat_code="037008",
        province="BO",
        address="Via Garibaldi 10",
        how_to_get_there="Dalla stazione, cinque minuti a piedi.",
        accessibility="Ingresso senza gradini.",
        languages="it ar",
        services="Ascolto\nConsulenza legale",
        phones=[HelpPointPhone(number="+39 051 000 0101")],
        opening_rules=[
            OpeningRule(monday=True, opens=dt.time(9), closes=dt.time(13)),
            OpeningRule(saturday=True, opens=dt.time(22), closes=dt.time(2)),
        ],
        opening_exceptions=[
            OpeningException(
                date_from=dt.date(2026, 12, 24), date_to=dt.date(2026, 12, 26), reason="holiday"
            ),
            OpeningException(
                date_from=dt.date(2026, 5, 4),
                closed=False,
                opens=dt.time(10),
                closes=dt.time(12),
                reason="special_hours",
                note="Assemblea",
            ),
        ],
    )
    hidden = add_help_point(
        index,
        association,
        "riservato",
        "Molinella",
        *HIDDEN_POSITION,
        istat_code="037039",
        province="BO",
        address="Via Segreta 1",
        how_to_get_there="Citofono Rossi.",
        address_visibility="hidden",
        opening_rules=[OpeningRule(tuesday=True, opens=dt.time(15), closes=dt.time(18))],
    )
    on_request = add_help_point(
        index,
        association,
        "su-richiesta",
        "Medicina",
        44.4771,
        11.6372,
        istat_code="037037",
        province="BO",
        address="Via Nascosta 2",
        address_visibility="on_request",
    )
    line = add_help_point(
        index,
        association,
        "linea",
        "Bologna",
        44.4949,
        11.3426,
        istat_code="037006",
        province="BO",
        kind="helpline",
        phones=[HelpPointPhone(number="+39 051 000 0202")],
    )
    return {"budrio": budrio, "hidden": hidden, "on_request": on_request, "line": line}
