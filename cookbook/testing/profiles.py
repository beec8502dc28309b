"""Hypothesis profiles: ``dev`` (the default), ``ci`` (what CI selects) and ``thorough``.

Importing this module registers each under its name, unless a profile of that name is
registered already: a project's own ``ci`` profile, registered in its conftest, stays.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis.errors import InvalidArgument

# A first CUDA call can take seconds, so no profile has a deadline.
PROFILES: dict[str, settings] = {
    "ci": settings(
        max_examples=100,
        derandomize=True,
        deadline=None,
        database=None,
        print_blob=True,
        suppress_health_check=[HealthCheck.too_slow],
    ),
    "dev": settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow]),
    "thorough": settings(
        max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    ),
}
for _name, _settings in PROFILES.items():
    try:
        settings.get_profile(_name)
    except InvalidArgument:
        settings.register_profile(_name, _settings)


def load_profile(name: str | None = None) -> str:
    """Load a profile by name, else the one ``HYPOTHESIS_PROFILE`` names, else ``dev``.

    Returns the name loaded; ValueError for an unknown name.
    """
    chosen = name or os.environ.get("HYPOTHESIS_PROFILE") or "dev"
    if chosen not in PROFILES:
        raise ValueError(
            f"unknown Hypothesis profile {chosen!r}; choose one of {', '.join(PROFILES)}"
        )
    settings.load_profile(chosen)
    return chosen
