"""The cycle collector's switch (app/startup/collector.py): off while the first screen is built,
on again once it is up, and on again after a start that fails."""

from __future__ import annotations

import gc

import pytest

from app.startup import collector


def test_the_collector_is_off_for_the_start_and_on_once_the_first_screen_is_up():
    with collector.held_off():
        assert not gc.isenabled()
        collector.resume()
        assert gc.isenabled()
    assert gc.isenabled()


def test_a_start_that_fails_turns_the_collector_back_on():
    with pytest.raises(RuntimeError), collector.held_off():
        assert not gc.isenabled()
        raise RuntimeError("the start failed")
    assert gc.isenabled()
