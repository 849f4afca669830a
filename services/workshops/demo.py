"""Demo workshops: the Clos(H)er empowerment workshops and support group, and one demo
partner account per association.

The kinds of workshop come from the project (mindfulness, assertiveness, music therapy,
job-orientation coaching, a women's support group); days, times and places are
invented, so the pages are example data. Schedules start from the week the demo is
loaded, so the listing is never empty; each shows one kind of change: a skipped date,
a moved session and a cancelled one.
"""

from datetime import date, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model

from home.demo import get_or_create_child, paragraphs
from home.translation import Glossary
from services.associations.models import AssociationPage
from services.associations.partners import setup_partner_group
from services.help_points.models import HelpPointPage

from .models import WorkshopDateChange, WorkshopPage
from .pages import WorkshopIndexPage

T = Glossary()

ENTRY_POINT_TEXTS = {
    "laboratori": T(
        "Laboratori e gruppi di sostegno gratuiti: trova il prossimo incontro.",
        "Free workshops and support groups: find the next session.",
    ),
}

SESSIONS = 12

WORKSHOPS = [
    {
        "association": "mondodonna",
        "slug": "mindfulness",
        "kind": WorkshopPage.Kind.MINDFULNESS,
        "title": T("Mindfulness: ritrovare il respiro", "Mindfulness: finding your breath again"),
        "summary": T(
            "Un'ora e mezza per fermarsi, respirare e ascoltarsi, in un gruppo piccolo e "
            "riservato.",
            "An hour and a half to stop, breathe and listen to yourself, in a small, "
            "confidential group.",
        ),
        "description": paragraphs(
            T(
                "Esercizi semplici di attenzione al respiro e al corpo, che puoi ripetere "
                "anche a casa. Non serve esperienza.",
                "Simple exercises of attention to the breath and the body, which you can "
                "repeat at home too. No experience needed.",
            )
        ),
        "audience": T(
            "Donne di ogni età che vivono o hanno vissuto una situazione di violenza.",
            "Women of any age who are living or have lived through violence.",
        ),
        "weekday": 3,
        "start": time(18, 0),
        "end": time(19, 30),
        "languages": ["it", "en"],
        "childcare": False,
        "joining": WorkshopPage.Joining.DROP_IN,
        "change": (WorkshopDateChange.Kind.SKIPPED, 2, WorkshopDateChange.Reason.HOLIDAY),
    },
    {
        "association": "perledonne",
        "slug": "assertivita",
        "kind": WorkshopPage.Kind.ASSERTIVENESS,
        "title": T("Assertività: dire di no, dire di sì", "Assertiveness: saying no, saying yes"),
        "summary": T(
            "Impariamo insieme a dire ciò che vogliamo e ciò che non vogliamo, con rispetto "
            "per noi stesse.",
            "Together we learn to say what we want and what we do not want, with respect "
            "for ourselves.",
        ),
        "description": paragraphs(
            T(
                "Giochi di ruolo e confronto in gruppo, guidati da una psicologa.",
                "Role play and group discussion, led by a psychologist.",
            )
        ),
        "audience": T(
            "Donne che vogliono rafforzare la fiducia in se stesse.",
            "Women who want to build their self-confidence.",
        ),
        "weekday": 1,
        "start": time(17, 0),
        "end": time(18, 30),
        "languages": ["it", "fr", "ar"],
        "childcare": True,
        "joining": WorkshopPage.Joining.PHONE,
        "change": (WorkshopDateChange.Kind.MOVED, 3, WorkshopDateChange.Reason.ROOM),
    },
    {
        "association": "sos-donna",
        "slug": "musicoterapia",
        "kind": WorkshopPage.Kind.MUSIC_THERAPY,
        "title": T("Musicoterapia", "Music therapy"),
        "summary": T(
            "Suoni, voce e ritmo per esprimere ciò che a volte è difficile dire a parole.",
            "Sound, voice and rhythm to express what is sometimes hard to put into words.",
        ),
        "description": paragraphs(
            T(
                "Con una musicoterapeuta. Non serve saper suonare né cantare.",
                "With a music therapist. You do not need to play or sing.",
            )
        ),
        "audience": T(
            "Donne, anche con le loro bambine e i loro bambini dai 6 anni.",
            "Women, also with their children aged 6 and over.",
        ),
        "weekday": 0,
        "start": time(10, 0),
        "end": time(11, 30),
        "languages": ["it", "ro", "uk"],
        "childcare": False,
        "joining": WorkshopPage.Joining.DROP_IN,
        "change": (WorkshopDateChange.Kind.CANCELLED, 4, WorkshopDateChange.Reason.FACILITATOR),
    },
    {
        "association": "mondodonna",
        "slug": "orientamento-lavoro",
        "kind": WorkshopPage.Kind.JOB_ORIENTATION,
        "title": T("Orientamento al lavoro", "Job-orientation coaching"),
        "summary": T(
            "Curriculum, colloqui, corsi e servizi per il lavoro: un percorso a piccoli "
            "passi verso l'autonomia.",
            "CVs, interviews, courses and employment services: a step-by-step path "
            "towards independence.",
        ),
        "description": "",
        "audience": T(
            "Donne che cercano lavoro o vogliono cambiarlo.",
            "Women looking for a job or wanting to change job.",
        ),
        "weekday": 2,
        "start": time(9, 30),
        "end": time(11, 30),
        "interval": 2,
        "languages": ["it", "en", "ar"],
        "childcare": True,
        "joining": WorkshopPage.Joining.PHONE,
        "change": None,
    },
    {
        "association": "isola-che-ce",
        "slug": "gruppo-sostegno",
        "kind": WorkshopPage.Kind.SUPPORT_GROUP,
        "title": T("Gruppo di sostegno tra donne", "Women's support group"),
        "summary": T(
            "Un cerchio di donne che si ascoltano e si sostengono, con una facilitatrice.",
            "A circle of women who listen to and support each other, with a facilitator.",
        ),
        "description": "",
        "audience": T(
            "Donne che hanno vissuto la violenza, in qualsiasi momento del loro percorso.",
            "Women who have lived through violence, at any point on their journey.",
        ),
        "weekday": 4,
        "start": time(15, 0),
        "end": time(16, 30),
        "languages": ["it", "en", "fr", "ar", "ro", "uk"],
        "childcare": True,
        "joining": WorkshopPage.Joining.DROP_IN,
        "change": None,
    },
]


def next_weekday(after, weekday):
    """The first date after `after` falling on `weekday` (0 = Monday)."""
    return after + timedelta(days=(weekday - after.weekday() - 1) % 7 + 1)


def date_change(kind, week, reason, first):
    """A change to the session `week` weeks after the first one."""
    day = first + timedelta(weeks=week)
    if kind == WorkshopDateChange.Kind.MOVED:
        return WorkshopDateChange(
            kind=kind, date=day, new_date=day + timedelta(days=1), reason=reason
        )
    return WorkshopDateChange(kind=kind, date=day, reason=reason)


def place(association):
    """Where the workshops of `association` meet: its first help point, or an address."""
    help_point = (
        HelpPointPage.objects.filter(association=association, locale=association.locale)
        .order_by("path")
        .first()
    )
    if help_point is not None:
        return {"help_point": help_point}
    return {
        "venue_name": "Casa delle donne",
        "street_address": "Via dell'Esempio 1",
        "comune": association.based_in,
    }


def load(home, today=None):
    """The workshops page and the demo workshops, in Italian."""
    first_week = today or date.today()
    index, _ = get_or_create_child(
        home,
        WorkshopIndexPage,
        "laboratori",
        title=T("Laboratori e gruppi", "Workshops and groups"),
        intro=T(
            "Laboratori di empowerment e gruppi di sostegno delle associazioni della rete. "
            "Sono gratuiti: scegli quello che fa per te.",
            "Empowerment workshops and support groups run by the network's associations. "
            "They are free: choose the one that suits you.",
        ),
    )
    pages = [index]
    for data in WORKSHOPS:
        association = AssociationPage.objects.get(slug=data["association"], locale=home.locale)
        first = next_weekday(first_week, data["weekday"])
        changes = [date_change(*data["change"], first)] if data["change"] else []
        page, _ = get_or_create_child(
            association,
            WorkshopPage,
            data["slug"],
            example_data=True,
            title=data["title"],
            kind=data["kind"],
            summary=data["summary"],
            description=data["description"],
            audience=data["audience"],
            languages=data["languages"],
            childcare=data["childcare"],
            joining=data["joining"],
            join_phone="+39 051 000 0099" if data["joining"] == WorkshopPage.Joining.PHONE else "",
            capacity=12,
            first_date=first,
            start_time=data["start"],
            end_time=data["end"],
            repeats=WorkshopPage.Repeats.WEEKLY,
            repeat_every=data.get("interval", 1),
            weekdays=[data["weekday"]],
            repeat_count=SESSIONS,
            date_changes=changes,
            **place(association),
        )
        pages.append(page)
    return pages


def after_sync():
    """Once every language exists: a partner group and a demo account per association."""
    users = get_user_model()
    for association in AssociationPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE):
        group = setup_partner_group(association)
        user, created = users.objects.get_or_create(
            username=f"partner-{association.slug}",
            defaults={"email": f"partner-{association.slug}@example.org", "is_staff": False},
        )
        if created:
            if settings.DEMO_PARTNER_PASSWORD:
                user.set_password(settings.DEMO_PARTNER_PASSWORD)
            else:
                user.set_unusable_password()
            user.save()
        user.groups.add(group)
