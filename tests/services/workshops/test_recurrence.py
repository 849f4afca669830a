"""The schedule engine: weekly rules expanded by dateutil, wall time kept across DST."""

from datetime import UTC, date, datetime

from services.workshops.recurrence import CANCELLED, MOVED, SCHEDULED, Change, Recurrence


def utc(*args):
    return datetime(*args, tzinfo=UTC)


def thursdays(**fields):
    """A Thursday 18:00–19:30 weekly workshop from 19 March 2026."""
    return Recurrence(
        start=datetime(2026, 3, 19, 18, 0), end=datetime(2026, 3, 19, 19, 30), **fields
    )


def starts(sessions):
    return [session.start.astimezone(UTC) for session in sessions]


def test_wall_time_is_kept_across_the_spring_clock_change():
    sessions = thursdays(weekdays=(3,)).sessions(utc(2026, 3, 25), utc(2026, 4, 3))
    assert starts(sessions) == [utc(2026, 3, 26, 17), utc(2026, 4, 2, 16)]
    assert [s.end.astimezone(UTC) for s in sessions] == [
        utc(2026, 3, 26, 18, 30),
        utc(2026, 4, 2, 17, 30),
    ]
    assert all(s.start.hour == 18 for s in sessions)


def test_wall_time_is_kept_across_the_autumn_clock_change():
    sessions = thursdays().sessions(utc(2026, 10, 21), utc(2026, 10, 30))
    assert starts(sessions) == [utc(2026, 10, 22, 16), utc(2026, 10, 29, 17)]


def test_skipped_dates_vanish():
    sessions = thursdays(skipped=(date(2026, 3, 26),)).sessions(utc(2026, 3, 18), utc(2026, 4, 3))
    assert [s.start.date() for s in sessions] == [date(2026, 3, 19), date(2026, 4, 2)]


def test_a_moved_session_is_listed_at_its_new_time_and_says_so():
    moved = Change(
        date(2026, 3, 26),
        MOVED,
        start=datetime(2026, 3, 27, 10, 0),
        end=datetime(2026, 3, 27, 11, 0),
        reason="room",
    )
    sessions = thursdays(changes={moved.original_date: moved}).sessions(
        utc(2026, 3, 18), utc(2026, 4, 3)
    )
    assert [(s.start.date(), s.status) for s in sessions] == [
        (date(2026, 3, 19), SCHEDULED),
        (date(2026, 3, 27), MOVED),
        (date(2026, 4, 2), SCHEDULED),
    ]
    assert sessions[1].start.astimezone(UTC) == utc(2026, 3, 27, 9)
    assert sessions[1].original_start.astimezone(UTC) == utc(2026, 3, 26, 17)
    assert sessions[1].reason == "room"


def test_a_session_moved_into_or_out_of_the_window_follows_its_new_time():
    out = Change(date(2026, 4, 2), MOVED, datetime(2026, 4, 10, 18), datetime(2026, 4, 10, 19))
    schedule = thursdays(changes={out.original_date: out})
    assert date(2026, 4, 2) not in [
        s.start.date() for s in schedule.sessions(utc(2026, 4, 1), utc(2026, 4, 3))
    ]
    later = schedule.sessions(utc(2026, 4, 10), utc(2026, 4, 11))
    assert [(s.start.date(), s.status) for s in later] == [(date(2026, 4, 10), MOVED)]


def test_a_cancelled_session_stays_listed_as_cancelled():
    cancelled = Change(date(2026, 3, 26), CANCELLED, reason="holiday")
    sessions = thursdays(changes={cancelled.original_date: cancelled}).sessions(
        utc(2026, 3, 25), utc(2026, 3, 27)
    )
    assert len(sessions) == 1
    assert sessions[0].is_cancelled and sessions[0].reason == "holiday"


def test_a_change_to_a_date_without_a_session_is_ignored():
    stray = Change(date(2026, 3, 25), CANCELLED)
    sessions = thursdays(changes={stray.original_date: stray}).sessions(
        utc(2026, 3, 18), utc(2026, 3, 27)
    )
    assert [s.status for s in sessions] == [SCHEDULED, SCHEDULED]


def test_until_is_inclusive_and_count_limits_the_sessions():
    until = thursdays(until=date(2026, 4, 2)).sessions(utc(2026, 3, 1), utc(2026, 6, 1))
    assert [s.start.date() for s in until][-1] == date(2026, 4, 2)
    assert len(thursdays(count=3).sessions(utc(2026, 3, 1), utc(2027, 1, 1))) == 3


def test_every_other_week_on_two_days_with_an_extra_date():
    schedule = thursdays(interval=2, weekdays=(0, 3), extra=(date(2026, 3, 28),))
    days = [s.start.date() for s in schedule.sessions(utc(2026, 3, 18), utc(2026, 4, 10))]
    assert days == [date(2026, 3, 19), date(2026, 3, 28), date(2026, 3, 30), date(2026, 4, 2)]


def test_a_single_session():
    schedule = thursdays(interval=None)
    assert len(schedule.sessions(utc(2026, 1, 1), utc(2027, 1, 1))) == 1


def test_next_sessions_are_limited_and_in_order():
    sessions = thursdays().next_sessions(utc(2026, 3, 20), 3)
    assert [s.start.date() for s in sessions] == [
        date(2026, 3, 26),
        date(2026, 4, 2),
        date(2026, 4, 9),
    ]


def test_the_first_session_counts_even_off_the_chosen_days():
    schedule = thursdays(weekdays=(0,))  # first session Thursday, then Mondays
    days = [s.start.date() for s in schedule.sessions(utc(2026, 3, 18), utc(2026, 3, 31))]
    assert days == [date(2026, 3, 19), date(2026, 3, 23), date(2026, 3, 30)]
