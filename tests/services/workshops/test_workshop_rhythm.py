"""The rhythm of a workshop in words, in each of the site's six languages.

The schedules are the ones an editor can store: weekly, every other week, every three
weeks, several days a week, a single session, and a series with a skipped, a moved, a
cancelled and an extra date. The model has no monthly rule ("the first Monday of the
month"), so there is no sentence for one.
"""

from datetime import date, datetime

import pytest
from django.utils import translation

from services.workshops.recurrence import CANCELLED, MOVED, Change, Recurrence
from services.workshops.rhythm import describe, notices


def thursdays(**fields):
    """Thursdays 18:00–19:30 from 20 November 2025."""
    fields.setdefault("weekdays", (3,))
    return Recurrence(
        start=datetime(2025, 11, 20, 18), end=datetime(2025, 11, 20, 19, 30), **fields
    )


def mondays_and_thursdays(**fields):
    """Mondays and Thursdays 10:00–12:00 from 17 November 2025."""
    return Recurrence(
        start=datetime(2025, 11, 17, 10), end=datetime(2025, 11, 17, 12), weekdays=(0, 3), **fields
    )


SCHEDULES = {
    "weekly": thursdays(),
    "every other week": thursdays(interval=2),
    "every three weeks": thursdays(interval=3),
    "several days": mondays_and_thursdays(),
    "several days, every other week": mondays_and_thursdays(interval=2),
    "one-off": thursdays(interval=None, weekdays=()),
    "weekly with a single session": thursdays(count=1),
}

RHYTHMS = {
    "it": {
        "weekly": "Ogni giovedì, 18:00–19:30",
        "every other week": "A settimane alterne, il giovedì, 18:00–19:30",
        "every three weeks": "Ogni 3 settimane, il giovedì, 18:00–19:30",
        "several days": "Ogni lunedì e ogni giovedì, 10:00–12:00",
        "several days, every other week": (
            "A settimane alterne, il lunedì e il giovedì, 10:00–12:00"
        ),
        "one-off": "Giovedì 20 novembre 2025, 18:00–19:30",
        "weekly with a single session": "Giovedì 20 novembre 2025, 18:00–19:30",
    },
    "en": {
        "weekly": "Every Thursday, 18:00–19:30",
        "every other week": "Every other week, on Thursday, 18:00–19:30",
        "every three weeks": "Every 3 weeks, on Thursday, 18:00–19:30",
        "several days": "Every Monday and every Thursday, 10:00–12:00",
        "several days, every other week": (
            "Every other week, on Monday and on Thursday, 10:00–12:00"
        ),
        "one-off": "Thursday 20 November 2025, 18:00–19:30",
        "weekly with a single session": "Thursday 20 November 2025, 18:00–19:30",
    },
    "fr": {
        "weekly": "Tous les jeudis, 18:00–19:30",
        "every other week": "Une semaine sur deux, le jeudi, 18:00–19:30",
        "every three weeks": "Toutes les 3 semaines, le jeudi, 18:00–19:30",
        "several days": "Tous les lundis et tous les jeudis, 10:00–12:00",
        "several days, every other week": (
            "Une semaine sur deux, le lundi et le jeudi, 10:00–12:00"
        ),
        "one-off": "Jeudi 20 novembre 2025, 18:00–19:30",
        "weekly with a single session": "Jeudi 20 novembre 2025, 18:00–19:30",
    },
    "ar": {
        "weekly": "كل يوم خميس، 18:00–19:30",
        "every other week": "كل أسبوعين، يوم الخميس، 18:00–19:30",
        "every three weeks": "كل 3 أسابيع، يوم الخميس، 18:00–19:30",
        "several days": "كل يوم اثنين وكل يوم خميس، 10:00–12:00",
        "several days, every other week": "كل أسبوعين، يوم الاثنين ويوم الخميس، 10:00–12:00",
        "one-off": "الخميس 20 نوفمبر 2025، 18:00–19:30",
        "weekly with a single session": "الخميس 20 نوفمبر 2025، 18:00–19:30",
    },
    "ro": {
        "weekly": "În fiecare joi, 18:00–19:30",
        "every other week": "O dată la două săptămâni, joia, 18:00–19:30",
        "every three weeks": "O dată la 3 săptămâni, joia, 18:00–19:30",
        "several days": "În fiecare luni și în fiecare joi, 10:00–12:00",
        "several days, every other week": ("O dată la două săptămâni, lunea și joia, 10:00–12:00"),
        "one-off": "Joi 20 noiembrie 2025, 18:00–19:30",
        "weekly with a single session": "Joi 20 noiembrie 2025, 18:00–19:30",
    },
    "uk": {
        "weekly": "Щочетверга, 18:00–19:30",
        "every other week": "Раз на два тижні, у четвер, 18:00–19:30",
        "every three weeks": "Раз на 3 тижні, у четвер, 18:00–19:30",
        "several days": "Щопонеділка і щочетверга, 10:00–12:00",
        "several days, every other week": ("Раз на два тижні, у понеділок і у четвер, 10:00–12:00"),
        "one-off": "Четвер 20 листопада 2025, 18:00–19:30",
        "weekly with a single session": "Четвер 20 листопада 2025, 18:00–19:30",
    },
}


@pytest.mark.parametrize("language", RHYTHMS)
@pytest.mark.parametrize("case", SCHEDULES)
def test_the_rhythm_is_said_in_her_language(language, case):
    with translation.override(language):
        assert describe(SCHEDULES[case]) == RHYTHMS[language][case]


def series_with_changes():
    """Thursdays from 20 November 2025: 4 December moved to Friday 5 at 10:00, 11 December
    cancelled (a public holiday), no session on Christmas Day, an extra Saturday 20
    December; and two stray changes on days without a session, which say nothing."""
    moved = Change(
        date(2025, 12, 4), MOVED, start=datetime(2025, 12, 5, 10), end=datetime(2025, 12, 5, 11, 30)
    )
    cancelled = Change(date(2025, 12, 11), CANCELLED, reason="holiday")
    stray = Change(date(2025, 12, 10), CANCELLED)
    return thursdays(
        skipped=(date(2025, 12, 25), date(2025, 12, 24)),
        extra=(date(2025, 12, 20),),
        changes={change.original_date: change for change in (moved, cancelled, stray)},
    )


CHANGES = {
    "it": [
        "gio 4 dic: incontro spostato a ven 5 dic, 10:00–11:30",
        "gio 11 dic: incontro annullato (holiday)",
        "sab 20 dic, 18:00–19:30: incontro in più",
        "gio 25 dic: nessun incontro",
    ],
    "en": [
        "Thu 4 Dec: moved to Fri 5 Dec, 10:00–11:30",
        "Thu 11 Dec: cancelled (holiday)",
        "Sat 20 Dec, 18:00–19:30: extra session",
        "Thu 25 Dec: no session",
    ],
    "fr": [
        "jeu. 4 déc. : séance déplacée au ven. 5 déc., 10:00–11:30",
        "jeu. 11 déc. : séance annulée (holiday)",
        "sam. 20 déc., 18:00–19:30 : séance supplémentaire",
        "jeu. 25 déc. : pas de séance",
    ],
    "ar": [
        "الخميس 4 ديسمبر: نُقل اللقاء إلى الجمعة 5 ديسمبر، 10:00–11:30",
        "الخميس 11 ديسمبر: أُلغي اللقاء (holiday)",
        "السبت 20 ديسمبر، 18:00–19:30: لقاء إضافي",
        "الخميس 25 ديسمبر: لا يوجد لقاء",
    ],
    "ro": [
        "joi 4 dec.: întâlnire mutată pe vin. 5 dec., 10:00–11:30",
        "joi 11 dec.: întâlnire anulată (holiday)",
        "sâm. 20 dec., 18:00–19:30: întâlnire în plus",
        "joi 25 dec.: nu are loc întâlnirea",
    ],
    "uk": [
        "чт 4 груд.: зустріч перенесено на пт 5 груд., 10:00–11:30",
        "чт 11 груд.: зустріч скасовано (holiday)",
        "сб 20 груд., 18:00–19:30: додаткова зустріч",
        "чт 25 груд.: зустрічі не буде",
    ],
}


@pytest.mark.parametrize("language", CHANGES)
def test_skipped_moved_cancelled_and_extra_dates_are_said_in_her_language(language):
    schedule = series_with_changes()
    with translation.override(language):
        assert describe(schedule) == RHYTHMS[language]["weekly"]
        found = notices(schedule, date(2025, 11, 20), date(2026, 1, 31))
    assert [notice.text for notice in found] == CHANGES[language]
    assert [notice.kind for notice in found] == ["moved", "cancelled", "extra", "skipped"]


def test_only_the_changes_in_the_range_are_told():
    schedule = series_with_changes()
    with translation.override("en"):
        december_first_half = notices(schedule, date(2025, 12, 5), date(2025, 12, 15))
    # The 4 December session counts: it moved to the 5th, inside the range.
    assert [notice.day for notice in december_first_half] == [
        date(2025, 12, 4),
        date(2025, 12, 11),
    ]
