from app import timers
from app.clock import format_stamp, next_stamp, parse_stamp, new_id, new_device_id
from support.room import Room


def test_a_countdown_runs_pauses_resumes_and_goes_into_overtime():
    t = timers.start(60_000, now=1_000)
    assert timers.remaining(t, 31_000) == 30_000
    assert timers.running(t)
    t = timers.pause(t, 31_000)
    assert not timers.running(t)
    assert timers.remaining(t, 500_000) == 30_000  # paused: time stands still
    assert timers.pause(t, 600_000) == t  # pausing twice changes nothing
    t = timers.resume(t, 500_000)
    assert timers.resume(t, 510_000) == t
    assert timers.remaining(t, 540_000) == -10_000
    assert timers.overtime(t, 540_000) == 10_000
    t = timers.extend(t, 60_000)
    assert timers.remaining(t, 540_000) == 50_000
    assert timers.overtime(t, 540_000) == 0


def test_an_untimed_step_counts_up_and_has_no_remaining_time():
    t = timers.start(None, now=0)
    assert timers.remaining(t, 90_000) is None
    assert timers.elapsed(t, 90_000) == 90_000
    assert timers.overtime(t, 90_000) == 0


def test_a_clock_going_backwards_never_makes_elapsed_negative():
    t = timers.start(60_000, now=10_000)
    assert timers.elapsed(t, 5_000) == 0


def test_stamps_order_changes_even_when_the_wall_clock_stalls():
    a = next_stamp("", 1_000)
    b = next_stamp(a, 1_000)
    c = next_stamp(b, 900)  # the wall clock went back
    d = next_stamp(c, 2_000)
    assert a < b < c < d
    assert parse_stamp(c) == (1_000, 2)
    assert parse_stamp("") == (0, 0)
    assert next_stamp(format_stamp(5, 999_999), 5) == format_stamp(6, 0)


def test_ids_are_random_and_url_safe():
    ids = {new_id() for _ in range(100)}
    assert len(ids) == 100
    assert all(len(i) >= 20 and "/" not in i and "+" not in i for i in ids)
    assert new_device_id().startswith("d-")


def test_a_timer_paused_in_overtime_says_it_is_paused():
    from app.views.parts import clock_text, timer_state

    room = Room()
    room.group()
    room.session()
    room.do({"type": "start_round", "session_id": "s-1", "id": "r-1"})
    room.wait(11 * 60)
    timer = room.ws.rounds["r-1"].step_timers[0]
    assert timer_state(timer, room.now) == "overtime"
    room.do({"type": "pause_timer", "round_id": "r-1"})
    timer = room.ws.rounds["r-1"].step_timers[0]
    assert timer_state(timer, room.now) == "paused" and clock_text(timer, room.now).startswith("+")
