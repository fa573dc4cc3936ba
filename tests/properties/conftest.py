"""Hypothesis profiles for the property tests.

``make test`` runs the ``default`` profile: few examples per property, derandomised
(the same examples on every run, so the suite is reproducible) and without an example
database, about 30 seconds in all. ``make fuzz`` sets ``HYPOTHESIS_PROFILE=fuzz``:
``FUZZ_EXAMPLES`` random examples for each of the seven properties (100,000 in all),
with failing examples kept in ``.hypothesis/`` so that a rerun replays them first.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

FUZZ_EXAMPLES = 14_286  # x 7 properties >= 100,000 cases
_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large]

settings.register_profile("default", max_examples=40, deadline=None, derandomize=True,
                          database=None, print_blob=True, suppress_health_check=_QUIET)
settings.register_profile("fuzz", max_examples=FUZZ_EXAMPLES, deadline=None,
                          print_blob=True, suppress_health_check=_QUIET)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
