"""How many examples the property tests run: a few hundred in CI, more with
CERCLE_HYPOTHESIS_EXAMPLES=5000 (README, Tests)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings


def examples(default: int) -> int:
    return int(os.environ.get("CERCLE_HYPOTHESIS_EXAMPLES", str(default)))


def properties(default: int) -> settings:
    """The settings of a property test over whole histories: no deadline (a history is slow
    to build), and slow generation is expected."""
    return settings(max_examples=examples(default), deadline=None, suppress_health_check=[HealthCheck.too_slow])
