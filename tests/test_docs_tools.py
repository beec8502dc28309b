"""The site's build-time helpers: the side-by-side badge says exactly what differs."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "docs" / "_tools"))

from compare import difference, side_by_side


@pytest.mark.parametrize(
    ("expected", "actual", "badge"),
    [
        (np.arange(3), torch.arange(3), "identical"),
        (np.zeros((3, 2)), torch.zeros(2, 3, dtype=torch.float64), "shape (3, 2) vs (2, 3)"),
        (np.arange(3, dtype=np.uint64), torch.arange(3), "dtype uint64 vs int64"),
        (
            np.array([1.0, 2.0, 3.0]),
            torch.tensor([1.0, 0.0, 0.0], dtype=torch.float64),
            "values differ at 2 positions",
        ),
        (np.array([-0.0]), torch.tensor([0.0], dtype=torch.float64), "values differ at 1 position"),
        (np.array([np.nan]), torch.tensor([float("nan")], dtype=torch.float64), "identical"),
        (np.split(np.arange(6), 2), torch.split(torch.arange(6), 2), "2 pieces vs 3"),
        ((np.arange(2),), (torch.arange(2),), "identical"),
    ],
)
def test_difference_names_what_differs(expected: object, actual: object, badge: str) -> None:
    assert difference(expected, actual) == badge


def test_a_badge_that_changed_fails_the_build() -> None:
    setup = "a = np.array([[1, 2], [3, 4]])\nx = torch.from_numpy(a)"
    text = side_by_side(
        "np.tile(a, 2)",
        "x.repeat(2)",
        setup=setup,
        expect="torch raises RuntimeError",
        recipe="cookbook.tile(x, 2)",
    )
    assert "Number of dimensions of repeat dims" in text  # torch's own words, run at build time
    assert "NumPy vs cookbook: <strong>identical</strong>" in text
    with pytest.raises(AssertionError, match="expected the badge 'identical'"):
        side_by_side("np.tile(a, 2)", "x.repeat(2)", setup=setup, expect="identical")
    with pytest.raises(AssertionError, match="the recipe's badge"):
        side_by_side(
            "np.tile(a, 2)",
            "x.repeat(2)",
            setup=setup,
            expect="torch raises RuntimeError",
            recipe="x.repeat(2, 1)",
        )
