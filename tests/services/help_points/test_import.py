"""import_help_points: all rows checked, bad rows reported by index, all or nothing."""

import json

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from services.models import HelpPointPage, HelpPointPhone

from .help_points_data import add_help_point, make_site

pytestmark = pytest.mark.django_db

GOOD = {
    "slug": "sportello-medicina",
    "name": "Sportello di Medicina",
    "association": {"slug": "mondodonna"},
    "kind": "desk",
    "address": "Via Libertà 1",
    "address_visibility": "public",
    "comune": "Medicina",
    "phones": ["+39 051 000 0200"],
    "languages": ["it", "uk"],
    "services": ["Ascolto"],
    "opening_hours": [
        {
            "days": ["mo", "th"],
            "opens": "09:00",
            "closes": "13:00",
            "valid_from": None,
            "valid_to": None,
            "mode": "in_person",
        }
    ],
    "patron_day": "11-11",
    "exceptions": [
        {
            "date_from": "2026-12-24",
            "date_to": "2026-12-26",
            "closed": True,
            "opens": None,
            "closes": None,
            "reason": "holiday",
        }
    ],
    # Computed fields are ignored.
    "distance_km": 3.2,
    "open_now": True,
}


@pytest.fixture
def site(db):
    return make_site()


def write(tmp_path, rows):
    path = tmp_path / "help_points.json"
    path.write_text(json.dumps({"help_points": rows}))
    return str(path)


def test_import_creates_then_updates_by_slug(site, tmp_path, capsys):
    call_command("import_help_points", write(tmp_path, [GOOD]))
    page = HelpPointPage.objects.get(slug="sportello-medicina")
    assert page.live
    assert (page.comune, page.istat_code, page.province) == ("Medicina", "037037", "BO")
    assert page.latitude is not None
    assert [rule.day_codes for rule in page.opening_rules.all()] == [["mo", "th"]]
    assert page.opening_exceptions.get().closed
    assert (page.patron_month, page.patron_day) == (11, 11)
    assert "1 created, 0 updated" in capsys.readouterr().out

    call_command("import_help_points", write(tmp_path, [{**GOOD, "name": "Sportello Medicina"}]))
    assert HelpPointPage.objects.get(slug="sportello-medicina").title == "Sportello Medicina"
    assert HelpPointPage.objects.filter(slug="sportello-medicina").count() == 1


def test_a_file_with_a_bad_row_imports_nothing_and_names_every_bad_row(site, tmp_path, capsys):
    rows = [
        GOOD,
        {**GOOD, "slug": "b", "association": {"slug": "nobody"}},
        {**GOOD, "slug": "c", "comune": "Castro"},
        {**GOOD, "slug": "d", "opening_hours": [{"days": ["xx"], "opens": "9", "closes": "1"}]},
        {**GOOD, "slug": "e", "latitude": "north", "longitude": 11},
        {**GOOD, "slug": "f", "patron_day": "02-30"},
    ]
    with pytest.raises(CommandError, match="5 bad row"):
        call_command("import_help_points", write(tmp_path, rows))
    errors = capsys.readouterr().err
    assert "row 1: association 'nobody' does not exist" in errors
    assert "row 2: comune 'Castro' is unknown or ambiguous" in errors
    assert "row 3: opening_hours[0].days" in errors
    assert "row 4: latitude must be a number" in errors
    assert "row 5: patron_day '02-30' is not a month and day like 06-24" in errors
    assert not HelpPointPage.objects.exists()


TITLE_MAX = HelpPointPage._meta.get_field("title").max_length
ADDRESS_MAX = HelpPointPage._meta.get_field("address").max_length
PHONE_MAX = HelpPointPhone._meta.get_field("number").max_length


@pytest.mark.parametrize(
    ("bad", "expected"),
    [
        ({"kind": []}, "row 1: kind must be one of centre, desk"),
        ({"kind": {"a": 1}}, "row 1: kind must be one of centre, desk"),
        ({"comune": {}}, "row 1: comune must be text"),
        ({"comune": ["Medicina"]}, "row 1: comune must be text"),
        ({"istat_code": 37037}, "row 1: istat_code must be text"),
        ({"opening_hours": "abc"}, "row 1: opening_hours must be a list"),
        ({"opening_hours": ["abc"]}, "row 1: opening_hours[0] must be an object"),
        (
            {"opening_hours": [{"days": "mo", "opens": "09:00", "closes": "12:00"}]},
            "row 1: opening_hours[0].days",
        ),
        (
            {"opening_hours": [{"days": [[]], "opens": "09:00", "closes": "12:00"}]},
            "row 1: opening_hours[0].days",
        ),
        (
            {"opening_hours": [{**GOOD["opening_hours"][0], "mode": ["x"]}]},
            "row 1: opening_hours[0].mode must be one of",
        ),
        ({"exceptions": {"date_from": "2026-12-24"}}, "row 1: exceptions must be a list"),
        (
            {"exceptions": [{**GOOD["exceptions"][0], "reason": []}]},
            "row 1: exceptions[0].reason must be text",
        ),
        (
            {"exceptions": [{**GOOD["exceptions"][0], "reason": "x" * 201}]},
            "row 1: exceptions[0].reason is longer than 200 characters",
        ),
        ({"name": "S" * (TITLE_MAX + 1)}, f"row 1: name is longer than {TITLE_MAX} characters"),
        ({"name": ["Sportello"]}, "row 1: name must be text"),
        ({"slug": 12}, "row 1: slug must be text"),
        ({"address": {"street": "Via Roma"}}, "row 1: address must be text"),
        (
            {"address": "V" * (ADDRESS_MAX + 1)},
            f"row 1: address is longer than {ADDRESS_MAX} characters",
        ),
        ({"association": ["mondodonna"]}, "row 1: association ['mondodonna'] does not exist"),
        ({"association": {"slug": {}}}, "row 1: association {} does not exist"),
        ({"phones": "+39 051 000 0200"}, "row 1: phones must be a list"),
        (
            {"phones": ["1" * (PHONE_MAX + 1)]},
            f"row 1: phones[0] is longer than {PHONE_MAX} characters",
        ),
        ({"phones": [3905100]}, "row 1: phones[0] must be text"),
        ({"languages": [["it"]]}, "row 1: languages must be a list of known language codes"),
        ({"languages": ["it"] * 60}, "row 1: languages is longer than 100 characters"),
        ({"services": {"a": 1}}, "row 1: services must be a list"),
        ({"address_visibility": True}, "row 1: address_visibility must be one of"),
        ({"patron_day": {"month": 6}}, "row 1: patron_day {'month': 6} is not a month and day"),
    ],
)
def test_a_value_of_the_wrong_type_or_too_long_names_its_row_and_field(
    site, tmp_path, capsys, bad, expected
):
    rows = [GOOD, {**GOOD, "slug": "sportello-due", **bad}]

    with pytest.raises(CommandError, match="1 bad row"):
        call_command("import_help_points", write(tmp_path, rows))

    errors = capsys.readouterr().err
    assert expected in errors
    assert "Traceback" not in errors
    assert not HelpPointPage.objects.exists()


def test_a_slug_taken_by_another_page_names_the_row_and_imports_nothing(site, tmp_path):
    _home, index, _association = site
    index.add_child(instance=Page(title="Altro", slug="sportello-due"))
    rows = [GOOD, {**GOOD, "slug": "sportello-due"}]

    with pytest.raises(CommandError, match="row 1: .*sportello-due"):
        call_command("import_help_points", write(tmp_path, rows))

    assert not HelpPointPage.objects.exists()


def test_dry_run_changes_nothing(site, tmp_path, capsys):
    call_command("import_help_points", write(tmp_path, [GOOD]), "--dry-run")
    assert "1 row(s) are valid" in capsys.readouterr().out
    assert not HelpPointPage.objects.exists()


def test_api_output_can_be_imported_back(site, tmp_path, client):
    _home, index, association = site
    add_help_point(
        index,
        association,
        "budrio",
        "Budrio",
        44.56,
        11.54,
        istat_code="037008",
        province="BO",
        patron_month=8,
        patron_day=10,
    )
    exported = client.get("/api/help-points/").json()["results"]
    assert exported[0]["patron_day"] == "08-10"
    HelpPointPage.objects.get(slug="budrio").delete()
    call_command("import_help_points", write(tmp_path, exported))
    page = HelpPointPage.objects.get(slug="budrio")
    assert (page.comune, page.patron_month, page.patron_day) == ("Budrio", 8, 10)
