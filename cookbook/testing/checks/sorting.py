"""Checks of the sorting family against ``np.sort``, ``np.unique`` and ``np.nonzero`` and kin."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import torch
from hypothesis import strategies as st

from cookbook.sorting import argsort, argwhere, flatnonzero, nonzero, sort, unique
from cookbook.testing.checks import Bench, Case, Drawer, Example, Recipe, Route, Workload
from cookbook.testing.strategies import ALL_DTYPES, shapes
from cookbook.testing.workloads import floats, side

DTYPES = st.sampled_from(ALL_DTYPES)
SHAPES = shapes(max_dims=3, max_side=3)
# Where sorting goes wrong: ties, both zeros, both infinities, NaN.
TRAPS = (0.0, -0.0, 1.0, -1.0, 0.5, math.inf, -math.inf, math.nan)
# Any value at all, now and then: subnormals, large magnitudes, NaN payloads.
_ANY_VALUE: dict[torch.dtype, st.SearchStrategy[Any]] = {
    torch.float16: st.floats(width=16),
    torch.float32: st.floats(width=32),
    torch.float64: st.floats(width=64),
    torch.complex64: st.complex_numbers(width=64),
    torch.complex128: st.complex_numbers(width=128),
}


def _elements(dtype: torch.dtype) -> st.SearchStrategy[Any]:
    """Mostly the trap values (so ties are common), now and then any value of ``dtype``."""
    if dtype == torch.bool:
        return st.booleans()
    if dtype.is_complex:
        part = st.sampled_from(TRAPS)
        return st.builds(complex, part, part) | _ANY_VALUE[dtype]
    if dtype.is_floating_point:
        return st.sampled_from(TRAPS) | _ANY_VALUE[dtype]
    info = torch.iinfo(dtype)
    edges = sorted({info.min, info.min + 1, 0, 1, 2, info.max // 2, info.max // 2 + 1, info.max})
    return st.sampled_from(edges) | st.integers(info.min, info.max)


def _tensor(draw: Drawer) -> torch.Tensor:
    dtype = draw(DTYPES, label="dtype")
    return draw.tensor(dtype, SHAPES, elements=_elements(dtype), label="x")


def _axis(draw: Drawer, ndim: int) -> int | None:
    """None, an axis, or now and then one out of range."""
    axis: int | None = draw(st.none() | st.integers(-ndim - 1, ndim), label="axis")
    return axis


def _sort_example(draw: Drawer) -> Example:
    x = _tensor(draw)
    return (x,), {"axis": _axis(draw, x.ndim)}


def _np_sort(a: np.ndarray, axis: int | None = -1) -> np.ndarray:
    return np.sort(a, axis=axis, kind="stable")


def _np_argsort(a: np.ndarray, axis: int | None = -1) -> np.ndarray:
    return np.argsort(a, axis=axis, kind="stable")


def _unique_example(draw: Drawer) -> Example:
    x = _tensor(draw)
    axis = draw(st.none() | st.integers(-x.ndim - 1, x.ndim), label="axis")
    flags = ("return_index", "return_inverse", "return_counts", "equal_nan")
    return (x,), {"axis": axis, **{flag: draw(st.booleans(), label=flag) for flag in flags}}


def _np_unique(a: np.ndarray, *, return_index: bool, **kwargs: Any) -> Any:
    """``np.unique`` as NumPy answers with ``return_index=True``: from a stable sort.

    Without it NumPy sorts unstably, so which of ``-0.0`` and ``0.0`` stands for
    both, and the order of slices holding NaN, are not defined; the recipe
    always gives the stable answer.
    """
    result = np.unique(a, return_index=True, **kwargs)
    if return_index:
        return result
    rest = (result[0], *result[2:])
    return rest if len(rest) > 1 else rest[0]


def _searching_example(draw: Drawer) -> Example:
    return (_tensor(draw),), {}


def _sort_workload(n: int, d: torch.device) -> Workload:
    x = floats(n, device=d)
    return (lambda: sort(x)), (lambda: torch.sort(x, stable=True).values)


def _argsort_workload(n: int, d: torch.device) -> Workload:
    x = floats(n, device=d)
    return (lambda: argsort(x)), (lambda: torch.argsort(x, stable=True))


def _ties(n: int, d: torch.device) -> torch.Tensor:
    """``n`` floats taking about 1000 values: ties that make ``return_index`` matter."""
    return torch.floor(floats(n, device=d) * 1000)


def _unique_workload(n: int, d: torch.device) -> Workload:
    x = _ties(n, d)

    def round_trip() -> tuple[torch.Tensor, ...]:
        return tuple(
            torch.from_numpy(a).to(d) for a in np.unique(x.cpu().numpy(), return_index=True)
        )

    return (lambda: unique(x, return_index=True)), round_trip


def _unique_route(d: torch.device) -> Workload:
    x = _ties(10**6, d)
    return (lambda: unique(x)), (lambda: torch.unique(x, sorted=True))


def _sparse(n: int, d: torch.device) -> torch.Tensor:
    """About ``n`` floats, half of them zero."""
    x = floats(side(n), side(n), device=d)
    return torch.where(x < 0.5, 0.0, x)


def _nonzero_workload(n: int, d: torch.device) -> Workload:
    x = _sparse(n, d)
    return (lambda: nonzero(x)), (lambda: torch.nonzero(x, as_tuple=True))


def _argwhere_workload(n: int, d: torch.device) -> Workload:
    x = _sparse(n, d)
    return (lambda: argwhere(x)), (lambda: torch.argwhere(x))


def _flatnonzero_workload(n: int, d: torch.device) -> Workload:
    x = _sparse(n, d)
    return (lambda: flatnonzero(x)), (lambda: torch.flatten(x).nonzero().squeeze(1))


RECIPES = [
    Recipe(
        sort,
        numpy='np.sort(a, axis, kind="stable")',
        call="sort(x, axis)",
        torch="torch.sort(x, dim, stable=True).values  # no complex; no large uint16-64 on CPU",
        kind="compute",
        bench=Bench(
            "torch.sort(x, stable=True).values",
            _sort_workload,
            overhead="an integer key of six kernels, which makes 10**6 floats 6x faster to sort",
        ),
        cases=(Case(sort, _sort_example, _np_sort),),
    ),
    Recipe(
        argsort,
        numpy='np.argsort(a, axis, kind="stable")',
        call="argsort(x, axis)",
        torch="torch.argsort(x, dim=dim)  # unstable by default",
        kind="compute",
        bench=Bench(
            "torch.argsort(x, stable=True)",
            _argsort_workload,
            overhead="an integer key of six kernels, which makes 10**6 floats 8x faster to sort",
        ),
        cases=(Case(argsort, _sort_example, _np_argsort),),
    ),
    Recipe(
        unique,
        numpy="np.unique(a, return_index=True, return_inverse=True, return_counts=True)",
        call="unique(x, return_index=True, return_inverse=True, return_counts=True)",
        torch="torch.unique(x, return_inverse=True, return_counts=True)  # no return_index",
        kind="compute",
        bench=Bench(
            "np.unique(x.numpy(), return_index=True), round trip",
            _unique_workload,
            overhead="a keyed stable sort, then run starts, cumsum and scatter: about 15 kernels",
        ),
        cases=(Case(unique, _unique_example, _np_unique),),
        routes=(Route("torch.unique(x, sorted=True)", 10**6, _unique_route),),
        host_sync="the result's length depends on the values",
    ),
    Recipe(
        nonzero,
        numpy="np.nonzero(a)",
        call="nonzero(x)",
        torch="torch.nonzero(x)  # an (N, ndim) matrix, not a tuple",
        kind="compute",
        bench=Bench("torch.nonzero(x, as_tuple=True)", _nonzero_workload),
        cases=(Case(nonzero, _searching_example, np.nonzero),),
        host_sync="the result's length depends on the values",
    ),
    Recipe(
        argwhere,
        numpy="np.argwhere(a)",
        call="argwhere(x)",
        torch="torch.argwhere(x)  # no uint16-64 on CPU",
        kind="compute",
        bench=Bench("torch.argwhere(x)", _argwhere_workload),
        cases=(Case(argwhere, _searching_example, np.argwhere),),
        host_sync="the result's length depends on the values",
    ),
    Recipe(
        flatnonzero,
        numpy="np.flatnonzero(a)",
        call="flatnonzero(x)",
        torch="torch.flatten(x).nonzero().squeeze(1)",
        kind="compute",
        bench=Bench("torch.flatten(x).nonzero().squeeze(1)", _flatnonzero_workload),
        cases=(Case(flatnonzero, _searching_example, np.flatnonzero),),
        host_sync="the result's length depends on the values",
    ),
]
