"""The sorting family: properties against NumPy, the traps, bad input."""

from __future__ import annotations

import pytest
import torch

from cookbook.testing.checks import Check, checks_for


@pytest.mark.parametrize("check", checks_for("sorting"), ids=str)
def test_property(check: Check, device: torch.device) -> None:
    check.run(device)
