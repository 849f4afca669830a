"""Demo help points: the Clos(H)er proximity desks in outlying comuni of the Città
Metropolitana di Bologna and the M.I.A. anti-violence centre in Casalmaggiore.

The comuni and the associations come from the source projects; addresses, phone
numbers (reserved example numbers) and hours are invented, so every help point is
marked as example data.
"""

import datetime as dt

from home.demo import get_or_create_child
from home.translation import Glossary
from services import gazetteer
from services.associations import demo as associations_demo
from services.associations.models import AssociationPage

from .models import (
    HelpPointIndexPage,
    HelpPointPage,
    HelpPointPhone,
    OpeningException,
    OpeningRule,
)
from .pages import FinderPage

T = Glossary()

ENTRY_POINT_TEXTS = {
    "trova-aiuto": T(
        "Trova il punto di aiuto più vicino a te e scopri se è aperto adesso.",
        "Find the help point nearest to you and see whether it is open now.",
    ),
    "punti-di-aiuto": T(
        "Tutti i centri e gli sportelli della rete, provincia per provincia.",
        "All the network's centres and desks, province by province.",
    ),
}


def lines(italian, english):
    """A one-item-per-line text; wagtail-localize offers it as one segment with <br/>."""
    T("<br/>".join(italian), "<br/>".join(english))
    return "\n".join(italian)


DESK_SERVICES = lines(
    ["Ascolto e primo colloquio", "Orientamento ai servizi del territorio", "Consulenza legale"],
    ["Listening and a first talk", "Guidance to local services", "Legal advice"],
)
DESK_ACCESS = T(
    "Ingresso al piano terra, senza gradini. Bagno accessibile.",
    "Ground-floor entrance, no steps. Accessible toilet.",
)
CHRISTMAS = (dt.date(2026, 12, 24), dt.date(2027, 1, 6))


def rule(days, opens, closes, mode=OpeningRule.Mode.IN_PERSON):
    names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    flags = {name: name[:2] in days for name in names}
    return OpeningRule(
        opens=dt.time.fromisoformat(opens), closes=dt.time.fromisoformat(closes), mode=mode, **flags
    )


DESKS = [
    {
        "slug": "sportello-budrio",
        "comune": "Budrio",
        "association": "mondodonna",
        "title": T("Sportello di prossimità di Budrio", "Budrio proximity desk"),
        "address": "Via Garibaldi 10",
        "how_to_get_there": T(
            "A cinque minuti a piedi dalla stazione di Budrio.",
            "Five minutes' walk from Budrio station.",
        ),
        "languages": "it en ar",
        "rules": [rule("tu", "09:00", "13:00"), rule("th", "15:00", "19:00")],
        "phone": "+39 051 000 0101",
    },
    {
        "slug": "sportello-molinella",
        "comune": "Molinella",
        "association": "mondodonna",
        "title": T("Sportello di prossimità di Molinella", "Molinella proximity desk"),
        "address": "Piazza Martoni 1",
        "how_to_get_there": T(
            "In centro, vicino alla fermata degli autobus.",
            "In the town centre, near the bus stop.",
        ),
        "languages": "it fr",
        "rules": [rule("mo", "14:30", "18:30"), rule("we", "18:00", "21:00")],
        "phone": "+39 051 000 0102",
    },
    {
        "slug": "sportello-vergato",
        "comune": "Vergato",
        "association": "sos-donna",
        "title": T("Sportello di prossimità di Vergato", "Vergato proximity desk"),
        "address": "Via Marconi 5",
        "how_to_get_there": T(
            "Treno Bologna–Porretta, fermata Vergato.",
            "Bologna–Porretta train, Vergato stop.",
        ),
        "languages": "it ro uk",
        "rules": [rule("we", "09:00", "13:00")],
        "phone": "+39 051 000 0103",
    },
    {
        "slug": "sportello-alto-reno-terme",
        "comune": "Alto Reno Terme",
        "association": "sos-donna",
        "title": T("Sportello di prossimità di Alto Reno Terme", "Alto Reno Terme proximity desk"),
        "address": "",
        "address_visibility": HelpPointPage.AddressVisibility.ON_REQUEST,
        "how_to_get_there": T(
            "Ti diamo l'indirizzo quando chiami.",
            "We give you the address when you call.",
        ),
        "languages": "it",
        "access": HelpPointPage.Access.PHONE_FIRST,
        "rules": [rule("fr", "10:00", "13:00")],
        "phone": "+39 0534 000 104",
    },
    {
        "slug": "sportello-valsamoggia",
        "comune": "Valsamoggia",
        "association": "isola-che-ce",
        "title": T("Sportello di prossimità di Valsamoggia", "Valsamoggia proximity desk"),
        "address": "Piazza Garibaldi 1, Bazzano",
        "how_to_get_there": T(
            "Nella frazione di Bazzano, vicino al municipio.",
            "In the village of Bazzano, near the town hall.",
        ),
        "languages": "it en",
        "rules": [rule("tu", "15:00", "18:00"), rule("sa", "09:30", "12:30")],
        "phone": "+39 051 000 0105",
    },
    {
        "slug": "sportello-san-giovanni-in-persiceto",
        "comune": "San Giovanni in Persiceto",
        "association": "perledonne",
        "title": T(
            "Sportello di prossimità di San Giovanni in Persiceto",
            "San Giovanni in Persiceto proximity desk",
        ),
        "address": "Corso Italia 20",
        "how_to_get_there": T(
            "Dalla stazione, dieci minuti a piedi verso il centro.",
            "From the station, ten minutes' walk towards the centre.",
        ),
        "languages": "it ar",
        "rules": [rule("th", "09:00", "12:00")],
        "patron_day": (6, 24),  # San Giovanni Battista
        "phone": "+39 051 000 0106",
    },
    {
        "slug": "centro-antiviolenza-casalmaggiore",
        "comune": "Casalmaggiore",
        "association": "mia",
        "kind": HelpPointPage.Kind.CENTRE,
        "title": T(
            "Centro antiviolenza M.I.A. di Casalmaggiore",
            "M.I.A. anti-violence centre, Casalmaggiore",
        ),
        "summary": T(
            "Il centro antiviolenza di M.I.A.: ascolto, sostegno psicologico, consulenza "
            "legale e accompagnamento all'autonomia.",
            "M.I.A.'s anti-violence centre: listening, psychological support, legal advice and "
            "help towards independence.",
        ),
        "address": "Via Cairoli 3",
        "how_to_get_there": T(
            "In centro, a due passi da piazza Garibaldi.",
            "In the centre, a short walk from Piazza Garibaldi.",
        ),
        "languages": "it en fr ar",
        "rules": [
            rule("mo tu we th fr", "09:00", "13:00"),
            rule("tu th", "15:00", "18:00"),
            # The listening line answers late on Friday and Saturday nights.
            rule("fr sa", "21:00", "01:00", OpeningRule.Mode.PHONE),
        ],
        "phone": "+39 0375 000 107",
    },
]

DESK_SUMMARY = T(
    "Uno sportello vicino a casa: ascolto riservato e gratuito, senza bisogno di denunciare.",
    "A desk close to home: free and confidential listening, no need to report to the police.",
)


def help_point(index, data):
    comune = gazetteer.lookup(data["comune"]).comune
    fields = {
        "title": data["title"],
        "association": AssociationPage.objects.get(slug=data["association"], locale=index.locale),
        "kind": data.get("kind", HelpPointPage.Kind.DESK),
        "summary": data.get("summary", DESK_SUMMARY),
        "address": data["address"],
        "address_visibility": data.get(
            "address_visibility", HelpPointPage.AddressVisibility.PUBLIC
        ),
        "comune": comune.name,
        "istat_code": comune.istat_code,
        "province": comune.province,
        "latitude": comune.latitude,
        "longitude": comune.longitude,
        "languages": data["languages"],
        "services": DESK_SERVICES,
        "access": data.get("access", HelpPointPage.Access.WALK_IN),
        "how_to_get_there": data["how_to_get_there"],
        "accessibility": DESK_ACCESS,
        "example_data": True,
        "patron_month": data.get("patron_day", (None, None))[0],
        "patron_day": data.get("patron_day", (None, None))[1],
        "phones": [HelpPointPhone(number=data["phone"])],
        "opening_rules": data["rules"],
        "opening_exceptions": [
            OpeningException(
                date_from=CHRISTMAS[0],
                date_to=CHRISTMAS[1],
                closed=True,
                reason=OpeningException.Reason.HOLIDAY,
            ),
            OpeningException(
                date_from=dt.date(2026, 12, 22),
                closed=False,
                opens=dt.time(9),
                closes=dt.time(18),
                reason=OpeningException.Reason.SPECIAL_HOURS,
                note="Apertura straordinaria prima delle feste",
            ),
        ],
    }
    page, _created = get_or_create_child(index, HelpPointPage, data["slug"], **fields)
    return page


def load(home):
    """The finder, the help point index and the demo help points, in Italian.

    Help points belong to associations: those are made first (their own loader, run
    later, finds them in place).
    """
    associations_demo.load(home)
    finder, _created = get_or_create_child(
        home,
        FinderPage,
        "trova-aiuto",
        title=T("Trova aiuto vicino a te", "Find help near you"),
        intro=T(
            "Scrivi il tuo comune o il CAP. La ricerca avviene sul nostro sito: non la "
            "salviamo e non la inviamo a nessuno.",
            "Type your comune or postcode. The search happens on our own site: we do not "
            "save it or send it to anyone.",
        ),
    )
    index, _created = get_or_create_child(
        home,
        HelpPointIndexPage,
        "punti-di-aiuto",
        title=T("Centri e sportelli", "Centres and desks"),
        intro=T(
            "I luoghi dove puoi trovare ascolto e aiuto, gratuito e riservato.",
            "The places where you can find someone to listen and help, free and confidential.",
        ),
    )
    return [finder, index, *(help_point(index, data) for data in DESKS)]
