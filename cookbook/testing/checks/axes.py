"""Checks of the transpose-and-permute family against ``np.transpose`` and ``np.moveaxis``."""

from __future__ import annotations

import numpy as np
import torch
from hypothesis import strategies as st

from cookbook.axes import chw_to_hwc, hwc_to_chw, inverse_permutation, moveaxis, permute
from cookbook.testing.checks import Bench, Case, Drawer, Example, Recipe, Workload
from cookbook.testing.strategies import ALL_DTYPES, shapes
from cookbook.testing.workloads import floats, side

DTYPES = st.sampled_from(ALL_DTYPES)


def _with_negatives(draw: Drawer, axes: list[int], ndim: int) -> list[int]:
    """Each axis either as is or counted from the end."""
    flips = draw(st.lists(st.booleans(), min_size=len(axes), max_size=len(axes)), label="negative")
    return [axis - ndim if flip else axis for axis, flip in zip(axes, flips, strict=True)]


def _permutation(draw: Drawer, ndim: int) -> tuple[int, ...]:
    order = draw(st.permutations(range(ndim)), label="dims")
    return tuple(_with_negatives(draw, list(order), ndim))


def _inverse_example(draw: Drawer) -> Example:
    ndim = draw(st.integers(0, 6), label="ndim")
    if draw(st.booleans(), label="valid"):
        return (_permutation(draw, ndim),), {}
    return (
        tuple(
            draw(st.lists(st.integers(-ndim - 1, ndim), min_size=ndim, max_size=ndim), label="dims")
        ),
    ), {}


def _inverse_oracle(dims: tuple[int, ...]) -> tuple[int, ...]:
    ndim = len(dims)
    normalized = [axis + ndim if -ndim <= axis < 0 else axis for axis in dims]
    if sorted(normalized) != list(range(ndim)):
        raise ValueError("not a permutation")
    return tuple(int(axis) for axis in np.argsort(normalized))


def _permute_example(draw: Drawer) -> Example:
    x = draw.tensor(DTYPES, shapes(max_dims=4), label="x")
    return (x, _permutation(draw, x.ndim)), {}


def _moveaxis_example(draw: Drawer) -> Example:
    x = draw.tensor(DTYPES, shapes(max_dims=4), label="x")
    count = draw(st.integers(0, x.ndim), label="count")
    axes = st.lists(st.integers(0, max(x.ndim - 1, 0)), min_size=count, max_size=count, unique=True)
    source = _with_negatives(draw, draw(axes, label="source"), x.ndim)
    destination = _with_negatives(draw, draw(axes, label="destination"), x.ndim)
    if count == 1 and draw(st.booleans(), label="as ints"):
        return (x, source[0], destination[0]), {}
    return (x, tuple(source), tuple(destination)), {}


def _image_example(draw: Drawer) -> Example:
    return (draw.tensor(DTYPES, shapes(min_dims=3, max_dims=5), label="x"),), {}


def _chw_to_hwc_oracle(x: np.ndarray) -> np.ndarray:
    return np.moveaxis(x, -3, -1)


def _hwc_to_chw_oracle(x: np.ndarray) -> np.ndarray:
    return np.moveaxis(x, -1, -3)


def _image(n: int, d: torch.device) -> torch.Tensor:
    return floats(3, side(n // 3), side(n // 3), device=d)


def _inverse_permutation_workload(n: int, d: torch.device) -> Workload:
    dims = (2, 0, 1)
    return (lambda: inverse_permutation(dims)), (
        lambda: tuple(torch.argsort(torch.tensor(dims)).tolist())
    )


def _permute_workload(n: int, d: torch.device) -> Workload:
    x = _image(n, d)
    return (lambda: permute(x, (1, 2, 0))), (lambda: x.permute(1, 2, 0))


def _moveaxis_workload(n: int, d: torch.device) -> Workload:
    x = _image(n, d)
    return (lambda: moveaxis(x, 0, -1)), (lambda: torch.movedim(x, 0, -1))


def _chw_to_hwc_workload(n: int, d: torch.device) -> Workload:
    x = _image(n, d)
    return (lambda: chw_to_hwc(x)), (lambda: x.permute(1, 2, 0))


def _hwc_to_chw_workload(n: int, d: torch.device) -> Workload:
    x = _image(n, d).permute(1, 2, 0)
    return (lambda: hwc_to_chw(x)), (lambda: x.permute(2, 0, 1))


RECIPES = [
    Recipe(
        inverse_permutation,
        compiles="plain Python: returns a permutation, not tensors",
        numpy="np.argsort(dims)",
        call="inverse_permutation(dims)",
        torch="torch.argsort(torch.tensor(dims))",
        kind="metadata",
        bench=Bench("torch.argsort(torch.tensor(dims))", _inverse_permutation_workload),
        cases=(
            Case(
                inverse_permutation,
                _inverse_example,
                _inverse_oracle,
                returns="value",
                takes_tensors=False,
            ),
        ),
    ),
    Recipe(
        permute,
        numpy="np.transpose(a, dims)",
        call="permute(x, dims)",
        torch="x.permute(*dims)",
        kind="view",
        bench=Bench("x.permute(1, 2, 0)", _permute_workload),
        cases=(Case(permute, _permute_example, np.transpose, returns="view"),),
    ),
    Recipe(
        moveaxis,
        numpy="np.moveaxis(a, s, d)",
        call="moveaxis(x, s, d)",
        torch="torch.movedim(x, s, d)",
        kind="view",
        bench=Bench("torch.movedim", _moveaxis_workload),
        cases=(Case(moveaxis, _moveaxis_example, np.moveaxis, returns="view"),),
    ),
    Recipe(
        chw_to_hwc,
        numpy="np.transpose(a, (1, 2, 0))",
        call="chw_to_hwc(x)",
        torch="x.permute(1, 2, 0)",
        kind="view",
        bench=Bench("x.permute(1, 2, 0)", _chw_to_hwc_workload),
        cases=(Case(chw_to_hwc, _image_example, _chw_to_hwc_oracle, returns="view"),),
    ),
    Recipe(
        hwc_to_chw,
        numpy="np.transpose(a, (2, 0, 1))",
        call="hwc_to_chw(x)",
        torch="x.permute(2, 0, 1)",
        kind="view",
        bench=Bench("x.permute(2, 0, 1)", _hwc_to_chw_workload),
        cases=(Case(hwc_to_chw, _image_example, _hwc_to_chw_oracle, returns="view"),),
    ),
]
