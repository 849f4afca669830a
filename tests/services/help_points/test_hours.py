"""The opening-hours engine on the hard cases: clock changes, past midnight, exceptions."""

import datetime as dt

import pytest
from django.utils import translation

from services.help_points.hours import ROME, Exception, OpeningHours, Rule

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


def rule(days, opens, closes, **extra):
    return Rule(
        weekdays=frozenset(days),
        opens=dt.time.fromisoformat(opens),
        closes=dt.time.fromisoformat(closes),
        **extra,
    )


def utc(text):
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


MONDAY_MORNING = OpeningHours(rules=[rule({MON}, "09:00", "13:00")], holidays=False)


@pytest.mark.parametrize(
    ("instant", "is_open"),
    [
        # Monday 30 March 2026, the day after clocks went forward (CEST, UTC+2).
        ("2026-03-30T06:30:00Z", False),  # 08:30
        ("2026-03-30T07:30:00Z", True),  # 09:30
        ("2026-03-30T10:59:00Z", True),  # 12:59
        ("2026-03-30T11:30:00Z", False),  # 13:30
        # Monday 26 October 2026, the day after clocks went back (CET, UTC+1).
        ("2026-10-26T07:30:00Z", False),  # 08:30
        ("2026-10-26T08:30:00Z", True),  # 09:30
        ("2026-10-26T12:30:00Z", False),  # 13:30
    ],
)
def test_monday_after_each_clock_change_uses_local_time(instant, is_open):
    assert MONDAY_MORNING.is_open(utc(instant)) is is_open


def test_open_until_message_and_next_change_in_rome_time():
    status = MONDAY_MORNING.status(utc("2026-03-30T07:30:00Z"))
    assert status.open_now
    assert status.message == "Open until 13:00"
    assert status.next_change == dt.datetime(2026, 3, 30, 13, 0, tzinfo=ROME)
    assert status.next_change.isoformat() == "2026-03-30T13:00:00+02:00"


SATURDAY_NIGHT = OpeningHours(rules=[rule({SAT}, "22:00", "02:00")], holidays=False)


@pytest.mark.parametrize(
    ("instant", "is_open"),
    [
        # Night of 28-29 March 2026: at 02:00 CET clocks jump to 03:00 CEST.
        ("2026-03-28T20:30:00Z", False),  # 21:30 CET
        ("2026-03-28T21:00:00Z", True),  # 22:00 CET
        ("2026-03-29T00:30:00Z", True),  # 01:30 CET
        ("2026-03-29T01:00:00Z", False),  # 03:00 CEST: 02:00 never happened, closed
        # Night of 24-25 October 2026: at 03:00 CEST clocks go back to 02:00 CET.
        ("2026-10-24T19:30:00Z", False),  # 21:30 CEST
        ("2026-10-24T20:00:00Z", True),  # 22:00 CEST
        ("2026-10-24T23:30:00Z", True),  # 01:30 CEST
        ("2026-10-25T00:30:00Z", False),  # 02:30 CEST: closed at the first 02:00
        ("2026-10-25T01:30:00Z", False),  # 02:30 CET, the repeated hour
    ],
)
def test_saturday_night_rule_on_both_clock_change_nights(instant, is_open):
    assert SATURDAY_NIGHT.is_open(utc(instant)) is is_open


def test_saturday_night_closes_at_the_real_end_on_the_short_night():
    status = SATURDAY_NIGHT.status(utc("2026-03-28T23:00:00Z"))
    assert status.next_change.astimezone(dt.UTC) == utc("2026-03-29T01:00:00Z")


def test_overnight_rule_belongs_to_the_day_it_starts():
    schedule = OpeningHours(rules=[rule({FRI}, "21:00", "01:00")], holidays=False)
    # Saturday 7 March 2026 at 00:30: still Friday's opening.
    status = schedule.status(dt.datetime(2026, 3, 7, 0, 30, tzinfo=ROME))
    assert status.open_now
    assert status.message == "Open until 01:00"
    # Thursday at 00:30 is not open: Wednesday has no rule.
    assert not schedule.is_open(dt.datetime(2026, 3, 5, 0, 30, tzinfo=ROME))


def test_exception_beats_rule():
    schedule = OpeningHours(
        rules=[rule({TUE}, "09:00", "13:00")],
        exceptions=[Exception(dt.date(2026, 3, 10), dt.date(2026, 3, 10), reason="training")],
        holidays=False,
    )
    at = dt.datetime(2026, 3, 10, 10, 0, tzinfo=ROME)
    status = schedule.status(at)
    assert not status.open_now
    assert status.message == "Closed today (staff training). Opens 17 March at 09:00"


def test_special_hours_exception_opens_outside_the_rules():
    schedule = OpeningHours(
        rules=[rule({TUE}, "09:00", "13:00")],
        exceptions=[
            Exception(
                dt.date(2026, 3, 11),
                dt.date(2026, 3, 11),
                closed=False,
                opens=dt.time(15),
                closes=dt.time(18),
                reason="special_hours",
            )
        ],
        holidays=False,
    )
    assert schedule.is_open(dt.datetime(2026, 3, 11, 16, 0, tzinfo=ROME))
    assert not schedule.is_open(dt.datetime(2026, 3, 11, 10, 0, tzinfo=ROME))


def test_valid_to_is_inclusive():
    schedule = OpeningHours(
        rules=[rule({TUE}, "09:00", "13:00", valid_to=dt.date(2026, 6, 30))], holidays=False
    )
    assert schedule.is_open(dt.datetime(2026, 6, 30, 10, 0, tzinfo=ROME))
    assert not schedule.is_open(dt.datetime(2026, 7, 7, 10, 0, tzinfo=ROME))


def test_valid_from_starts_the_rule():
    schedule = OpeningHours(
        rules=[rule({TUE}, "09:00", "13:00", valid_from=dt.date(2026, 9, 15))], holidays=False
    )
    assert not schedule.is_open(dt.datetime(2026, 9, 8, 10, 0, tzinfo=ROME))
    assert schedule.is_open(dt.datetime(2026, 9, 15, 10, 0, tzinfo=ROME))


def test_national_holiday_closes_with_a_message():
    # 2 June 2026 (Republic Day) is a Tuesday.
    schedule = OpeningHours(rules=[rule({TUE, THU}, "09:00", "13:00")], province="BO")
    status = schedule.status(dt.datetime(2026, 6, 2, 10, 0, tzinfo=ROME))
    assert not status.open_now
    assert status.message == "Closed today (holiday). Opens on Thursday at 09:00"
    assert status.closed_reason == "holiday"


def test_exception_with_hours_beats_a_holiday():
    schedule = OpeningHours(
        rules=[rule({TUE}, "09:00", "13:00")],
        exceptions=[
            Exception(
                dt.date(2026, 6, 2),
                dt.date(2026, 6, 2),
                closed=False,
                opens=dt.time(9),
                closes=dt.time(12),
                reason="special_hours",
            )
        ],
    )
    assert schedule.is_open(dt.datetime(2026, 6, 2, 10, 0, tzinfo=ROME))


def test_patron_day_of_a_provincial_capital():
    # Sant'Omobono, 13 November, is Cremona's patron day; 13 November 2026 is a Friday.
    rules = [rule({FRI}, "09:00", "13:00")]
    at = dt.datetime(2026, 11, 13, 10, 0, tzinfo=ROME)
    assert not OpeningHours(rules=rules, province="CR", is_capital=True).is_open(at)
    assert OpeningHours(rules=rules, province="CR", is_capital=False).is_open(at)


def test_patron_day_given_as_data_closes_a_comune_that_is_not_a_capital():
    # San Giovanni Battista, 24 June, in San Giovanni in Persiceto; a Wednesday in 2026.
    rules = [rule({WED}, "09:00", "13:00")]
    at = dt.datetime(2026, 6, 24, 10, 0, tzinfo=ROME)
    schedule = OpeningHours(rules=rules, province="BO", patron_day=(6, 24))
    assert not schedule.is_open(at)
    assert schedule.closed_reason(at.date()) == "holiday"
    assert schedule.is_open(at + dt.timedelta(days=7))
    assert OpeningHours(rules=rules, province="BO").is_open(at)


def test_a_29_february_patron_day_only_closes_in_leap_years():
    rules = [rule({MON, TUE, WED, THU, FRI, SAT, SUN}, "09:00", "13:00")]
    schedule = OpeningHours(rules=rules, patron_day=(2, 29))
    assert not schedule.is_open(dt.datetime(2028, 2, 29, 10, 0, tzinfo=ROME))
    assert schedule.is_open(dt.datetime(2027, 2, 28, 10, 0, tzinfo=ROME))
    assert schedule.is_open(dt.datetime(2027, 3, 1, 10, 0, tzinfo=ROME))


def test_help_point_open_on_holidays_ignores_them():
    schedule = OpeningHours(rules=[rule({TUE}, "09:00", "13:00")], holidays=False)
    assert schedule.is_open(dt.datetime(2026, 6, 2, 10, 0, tzinfo=ROME))


@pytest.mark.parametrize(
    ("at", "message"),
    [
        (dt.datetime(2026, 3, 10, 8, 0, tzinfo=ROME), "Opens today at 09:00"),
        (dt.datetime(2026, 3, 9, 18, 0, tzinfo=ROME), "Opens tomorrow at 09:00"),
        (dt.datetime(2026, 3, 11, 14, 0, tzinfo=ROME), "Opens on Tuesday at 09:00"),
    ],
)
def test_opens_messages(at, message):
    schedule = OpeningHours(rules=[rule({TUE}, "09:00", "13:00")], holidays=False)
    assert schedule.status(at).message == message


def test_no_rules_means_call_for_hours():
    assert OpeningHours().status(dt.datetime(2026, 3, 10, 8, 0, tzinfo=ROME)).message == (
        "Call for hours"
    )


def test_week_highlights_today_and_shows_hours():
    schedule = OpeningHours(rules=[rule({TUE}, "09:00", "13:00")], holidays=False)
    week = schedule.week(dt.datetime(2026, 3, 10, 8, 0, tzinfo=ROME))
    assert [day.is_today for day in week] == [True] + [False] * 6
    assert week[0].intervals == [("09:00", "13:00", "in_person")]
    assert week[1].intervals == []


def test_messages_are_translated():
    with translation.override("it"):
        status = MONDAY_MORNING.status(utc("2026-03-30T07:30:00Z"))
        closed = MONDAY_MORNING.status(dt.datetime(2026, 3, 31, 10, 0, tzinfo=ROME))
    assert status.message == "Aperto fino alle 13:00"
    assert closed.message == "Apre lunedì alle 09:00"
    with translation.override("ar"):
        assert MONDAY_MORNING.status(dt.datetime(2026, 3, 31, 10, 0, tzinfo=ROME)).message == (
            "يفتح يوم الاثنين الساعة 09:00"
        )
