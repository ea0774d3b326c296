"""What the page does besides showing: the chime when time is up (Web Audio, no sound
file), and keeping the screen awake while a round runs (Screen Wake Lock). Both are
silently skipped where the browser cannot do them."""

from __future__ import annotations

import asyncio

import js

_audio = None
_lock = None
_want_lock = False


def unlock_audio() -> None:
    """Browsers start sound only after a gesture: make (or wake) the audio context on a click."""
    global _audio
    try:
        if _audio is None:
            _audio = js.AudioContext.new()
        elif str(_audio.state) == "suspended":
            _audio.resume()
    except Exception:  # no Web Audio here: no chime
        _audio = None


def chime() -> None:
    """Two soft notes, descending: noticeable, not alarming."""
    if _audio is None or str(_audio.state) != "running":
        return
    start = _audio.currentTime
    for offset, pitch in ((0.0, 880.0), (0.28, 659.25)):
        oscillator = _audio.createOscillator()
        gain = _audio.createGain()
        oscillator.type = "sine"
        oscillator.frequency.value = pitch
        at = start + offset
        gain.gain.setValueAtTime(0.0001, at)
        gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02)
        gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.7)
        oscillator.connect(gain)
        gain.connect(_audio.destination)
        oscillator.start(at)
        oscillator.stop(at + 0.75)


def keep_awake(wanted: bool) -> None:
    """Hold a screen wake lock while `wanted` (a round is on screen), release it otherwise."""
    global _want_lock
    if wanted == _want_lock and (not wanted or (_lock is not None and not _lock.released)):
        return
    _want_lock = wanted
    if hasattr(js.navigator, "wakeLock"):
        asyncio.ensure_future(_update_lock())


async def _update_lock() -> None:
    global _lock
    try:
        if _want_lock and (_lock is None or _lock.released) and str(js.document.visibilityState) == "visible":
            _lock = await js.navigator.wakeLock.request("screen")
        elif not _want_lock and _lock is not None:
            await _lock.release()
            _lock = None
    except Exception:  # refused (page hidden, policy): the screen may sleep, nothing else changes
        _lock = None


def on_visible() -> None:
    """A wake lock is released when the page is hidden: take it again on return."""
    if _want_lock:
        asyncio.ensure_future(_update_lock())
