"""Timers computed from timestamps only: a reload, a second window or a merge shows the same
time, because nothing ticks in the state."""

from __future__ import annotations

from app.model import Timer


def start(budget_ms: int | None, now: int) -> Timer:
    return Timer(budget_ms=budget_ms, started_at=now)


def elapsed(timer: Timer, now: int) -> int:
    running = max(0, now - timer.started_at) if timer.started_at is not None else 0
    return timer.elapsed_ms + running


def remaining(timer: Timer, now: int) -> int | None:
    """Milliseconds left, negative in overtime; None for an untimed step."""
    if timer.budget_ms is None:
        return None
    return timer.budget_ms + timer.extra_ms - elapsed(timer, now)


def ends_at(timer: Timer) -> int | None:
    """When a running countdown reaches zero (epoch ms); None if untimed or paused."""
    if timer.budget_ms is None or timer.started_at is None:
        return None
    return timer.started_at + timer.budget_ms + timer.extra_ms - timer.elapsed_ms


def overtime(timer: Timer, now: int) -> int:
    left = remaining(timer, now)
    return -left if left is not None and left < 0 else 0


def running(timer: Timer) -> bool:
    return timer.started_at is not None


def pause(timer: Timer, now: int) -> Timer:
    if timer.started_at is None:
        return timer
    return timer.model_copy(update={"elapsed_ms": elapsed(timer, now), "started_at": None})


def resume(timer: Timer, now: int) -> Timer:
    if timer.started_at is not None:
        return timer
    return timer.model_copy(update={"started_at": now})


def extend(timer: Timer, ms: int) -> Timer:
    return timer.model_copy(update={"extra_ms": timer.extra_ms + ms})
