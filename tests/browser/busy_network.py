"""A busy network for the workshops page's browser test: 45 weekly workshops besides the
demo's five (50 in all), in Italian and in Arabic, spread over the week, the associations
and their help points, three in four with a skipped, moved or cancelled date in the
coming weeks.

It runs in the site server's own process, on its database:
`manage.py shell -c "from tests.browser.busy_network import build; build()"`.
"""

import datetime as dt

import factory
import wagtail_factories

from services.models import AssociationPage, HelpPointPage, WorkshopDateChange, WorkshopPage

COUNT = 45
KINDS = [
    (WorkshopPage.Kind.SUPPORT_GROUP, "Gruppo di sostegno", "مجموعة دعم"),
    (WorkshopPage.Kind.MINDFULNESS, "Mindfulness", "اليقظة الذهنية"),
    (WorkshopPage.Kind.ASSERTIVENESS, "Assertività", "الثقة بالنفس"),
    (WorkshopPage.Kind.JOB_ORIENTATION, "Orientamento al lavoro", "التوجيه المهني"),
    (WorkshopPage.Kind.MUSIC_THERAPY, "Musicoterapia", "العلاج بالموسيقى"),
]
LANGUAGES = [["it"], ["it", "ar"], ["it", "en", "fr"], ["it", "uk", "ro"]]
CHANGES = [
    WorkshopDateChange.Kind.SKIPPED,
    WorkshopDateChange.Kind.MOVED,
    WorkshopDateChange.Kind.CANCELLED,
    None,
]


class WorkshopFactory(wagtail_factories.PageFactory):
    summary = "Un gruppo piccolo e riservato."
    first_date = factory.LazyFunction(dt.date.today)
    start_time = dt.time(17, 30)
    end_time = dt.time(19, 0)
    repeats = WorkshopPage.Repeats.WEEKLY

    class Meta:
        model = WorkshopPage


def title(number, language):
    _kind, italian, arabic = KINDS[number % len(KINDS)]
    name = arabic if language == "ar" else italian
    return f"{name} {number + 1}"


def titles(language):
    return [title(number, language) for number in range(COUNT)]


def build():
    today = dt.date.today()
    for language in ("it", "ar"):
        points = list(HelpPointPage.objects.filter(locale__language_code=language).order_by("path"))
        for number in range(COUNT):
            point = points[number % len(points)]
            parent = AssociationPage.objects.get(
                locale__language_code=language, translation_key=point.association.translation_key
            )
            first = today + dt.timedelta(days=1 + number % 6)
            workshop = WorkshopFactory(
                parent=parent,
                title=title(number, language),
                slug=f"laboratorio-{number + 1}",
                kind=KINDS[number % len(KINDS)][0],
                help_point=point,
                languages=LANGUAGES[number % len(LANGUAGES)],
                joining=WorkshopPage.Joining.PHONE if number % 3 else WorkshopPage.Joining.DROP_IN,
                join_phone="+39 051 000 0000" if number % 3 else "",
                first_date=first,
                weekdays=[first.weekday()],
            )
            change = CHANGES[number % len(CHANGES)]
            if change is not None:
                day = first + dt.timedelta(weeks=2)
                WorkshopDateChange.objects.create(
                    workshop=workshop,
                    kind=change,
                    date=day,
                    new_date=day + dt.timedelta(days=1) if change == "moved" else None,
                )
