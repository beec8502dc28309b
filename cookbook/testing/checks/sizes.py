"""Checks of the numel family against ``ndarray.size`` and ``ndarray.nbytes``."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import torch
from hypothesis import strategies as st

from cookbook.sizes import nbytes, numel
from cookbook.testing.checks import Bench, Case, Drawer, Example, Recipe, Workload
from cookbook.testing.strategies import ALL_DTYPES, shapes
from cookbook.testing.workloads import floats

DTYPES = st.sampled_from(ALL_DTYPES)


def _tensor_example(draw: Drawer) -> Example:
    return (draw.tensor(DTYPES, shapes(max_dims=4), label="x"),), {}


def _shape_example(draw: Drawer) -> Example:
    shape = draw(shapes(max_dims=5, max_side=6), label="shape")
    kind = draw(st.sampled_from((tuple, list, torch.Size)), label="kind")
    return (kind(shape),), {}


def _size(x: np.ndarray) -> int:
    return int(x.size)


def _nbytes(x: np.ndarray) -> int:
    return int(x.nbytes)


def _shape_size(shape: Any) -> int:
    return (
        int(np.zeros(tuple(shape), dtype=np.uint8).size)
        if math.prod(shape) < 10**6
        else math.prod(shape)
    )


def _numel_workload(n: int, d: torch.device) -> Workload:
    x = floats(n, device=d)
    return (lambda: numel(x)), x.numel


def _nbytes_workload(n: int, d: torch.device) -> Workload:
    x = floats(n, device=d)
    return (lambda: nbytes(x)), (lambda: x.nbytes)


RECIPES = [
    Recipe(
        numel,
        compiles="plain Python: returns an int, not tensors",
        numpy="a.size",
        call="numel(x)",
        torch="x.numel()",
        kind="metadata",
        bench=Bench("x.numel()", _numel_workload),
        cases=(
            Case(numel, _tensor_example, _size, returns="value", variant="tensor"),
            Case(
                numel,
                _shape_example,
                _shape_size,
                returns="value",
                takes_tensors=False,
                variant="shape",
            ),
        ),
    ),
    Recipe(
        nbytes,
        compiles="plain Python: returns an int, not tensors",
        numpy="a.nbytes",
        call="nbytes(x)",
        torch="x.numel() * x.element_size()",
        kind="metadata",
        bench=Bench("x.nbytes", _nbytes_workload),
        cases=(Case(nbytes, _tensor_example, _nbytes, returns="value"),),
    ),
]
