"""The numel family: properties and bad input."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from cookbook import nbytes, numel
from cookbook.testing.checks import Check, checks_for


@pytest.mark.parametrize("check", checks_for("numel"), ids=str)
def test_property(check: Check, device: torch.device) -> None:
    check.run(device)


def test_numel_of_everything_shaped() -> None:
    assert numel(np.zeros((2, 3))) == 6
    assert numel(torch.Size([2, 3])) == 6
    assert numel(torch.tensor(1.0)) == 1
    assert nbytes(np.zeros(3, dtype=np.int16)) == 6


@pytest.mark.parametrize("bad", ["abc", b"ab", 5, 2.5, None, {2: 3}])
def test_numel_rejects(bad: object) -> None:
    with pytest.raises(
        TypeError, match="numel: x must be a tensor, an ndarray or a sequence of sizes"
    ):
        numel(bad)  # type: ignore[arg-type]


def test_numel_rejects_bad_sizes() -> None:
    with pytest.raises(ValueError, match=r"numel: x must not hold negative sizes, got \(2, -1\)"):
        numel((2, -1))
    with pytest.raises(TypeError, match="numel: x must hold integers"):
        numel([2, 1.5])


@pytest.mark.parametrize("bad", [[1, 2], (3,), "x", 4])
def test_nbytes_rejects(bad: object) -> None:
    with pytest.raises(TypeError, match="nbytes: x must be a tensor or an ndarray"):
        nbytes(bad)
