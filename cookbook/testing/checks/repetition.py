"""Checks of the repeat family against ``np.tile``, ``np.repeat`` and ``np.broadcast_to``."""

from __future__ import annotations

import numpy as np
import torch
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from cookbook.repetition import broadcast_to, repeat_elements, tile
from cookbook.testing.checks import Bench, Case, Drawer, Example, Recipe, Route, Workload
from cookbook.testing.strategies import ALL_DTYPES, shapes
from cookbook.testing.workloads import floats, side

DTYPES = st.sampled_from(ALL_DTYPES)
COUNTS = st.integers(0, 3)


def _tile_example(draw: Drawer) -> Example:
    x = draw.tensor(DTYPES, shapes(max_dims=3, max_side=3), label="x")
    reps = draw(COUNTS | st.lists(COUNTS, max_size=4).map(tuple), label="reps")
    return (x, reps), {}


def _repeat_example(draw: Drawer) -> Example:
    x = draw.tensor(DTYPES, shapes(max_dims=3, max_side=3), label="x")
    axis = draw(st.none() | st.integers(-x.ndim, x.ndim - 1) if x.ndim else st.none(), label="axis")
    length = x.numel() if axis is None else x.shape[axis]
    per_element = st.lists(COUNTS, min_size=length, max_size=length).map(tuple)
    repeats = draw(COUNTS | per_element | st.tuples(COUNTS), label="repeats")
    return (x, repeats), {"axis": axis}


def _broadcast_example(draw: Drawer) -> Example:
    x = draw.tensor(DTYPES, shapes(max_dims=3, max_side=3), label="x")
    if draw(st.booleans(), label="valid"):
        leading = draw(shapes(max_dims=2, max_side=3), label="leading")
        sizes = [draw(st.integers(0, 3)) if size == 1 else size for size in x.shape]
        shape: tuple[int, ...] = (*leading, *sizes)
    else:  # anything that broadcasts with x, in either direction: often not to x's shape
        shape = draw(
            hnp.broadcastable_shapes(tuple(x.shape), min_side=0, max_side=3), label="shape"
        )
    return (x, shape), {}


def _tile_workload(n: int, d: torch.device) -> Workload:
    x = floats(side(n), side(n), device=d)
    return (lambda: tile(x, (2, 2))), (lambda: x.repeat(2, 2))


def _repeat_elements_workload(n: int, d: torch.device) -> Workload:
    x = floats(n, device=d)
    return (lambda: repeat_elements(x, 2)), (lambda: x.repeat_interleave(2))


def _broadcast_to_workload(n: int, d: torch.device) -> Workload:
    x = floats(1, n, device=d)
    return (lambda: broadcast_to(x, (4, n))), (lambda: x.expand(4, n))


def _tile_einops(d: torch.device) -> Workload:
    import einops

    square = floats(1000, 1000, device=d)
    return (lambda: tile(square, (2, 2))), (
        lambda: einops.repeat(square, "h w -> (a h) (b w)", a=2, b=2)
    )


def _repeat_elements_einops(d: torch.device) -> Workload:
    import einops

    x = floats(10**6, device=d)
    return (lambda: repeat_elements(x, 2)), (lambda: einops.repeat(x, "n -> (n r)", r=2))


RECIPES = [
    Recipe(
        tile,
        numpy="np.tile(a, reps)",
        call="tile(x, reps)",
        torch="x.repeat(*reps)",
        kind="copy",
        bench=Bench(
            "x.repeat(2, 2)",
            _tile_workload,
            overhead="pads reps to x.ndim, np.tile's rule, where x.repeat raises",
        ),
        cases=(Case(tile, _tile_example, np.tile),),
        routes=(
            Route(
                "einops.repeat(x, 'h w -> (a h) (b w)', a=2, b=2)",
                10**6,
                _tile_einops,
                needs="einops",
            ),
        ),
    ),
    Recipe(
        repeat_elements,
        numpy="np.repeat(a, r, axis)",
        call="repeat_elements(x, r, axis)",
        torch="x.repeat_interleave(r, dim)",
        kind="copy",
        bench=Bench("x.repeat_interleave(2)", _repeat_elements_workload),
        cases=(Case(repeat_elements, _repeat_example, np.repeat),),
        routes=(
            Route(
                "einops.repeat(x, 'n -> (n r)', r=2)",
                10**6,
                _repeat_elements_einops,
                needs="einops",
            ),
        ),
    ),
    Recipe(
        broadcast_to,
        numpy="np.broadcast_to(a, shape)",
        call="broadcast_to(x, shape)",
        torch="x.expand(*shape)",
        kind="view",
        bench=Bench(
            "x.expand",
            _broadcast_to_workload,
            overhead="looks for -1 in shape: x.expand keeps that size, NumPy refuses it",
        ),
        cases=(Case(broadcast_to, _broadcast_example, np.broadcast_to, returns="view"),),
    ),
]
