"""Checks of the splitting-and-padding family against ``np.split``, ``np.array_split``,
``np.pad`` and ``np.flip``."""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
import torch
from hypothesis import strategies as st

from cookbook.splitting import array_split, flip, pad, split
from cookbook.testing.checks import Bench, Case, Drawer, Example, Recipe, Workload
from cookbook.testing.strategies import ALL_DTYPES, shapes
from cookbook.testing.workloads import floats, side

DTYPES = st.sampled_from(ALL_DTYPES)
SHAPES = shapes(max_dims=3, max_side=3)
#: Widths up to 7, more than twice the longest axis drawn: the mirrors fold several times.
WIDTHS = st.integers(0, 7)
MODES = ("constant", "edge", "reflect", "symmetric", "wrap")
_FLOAT_WIDTHS: dict[torch.dtype, Literal[16, 32, 64]] = {
    torch.float16: 16,
    torch.float32: 32,
    torch.float64: 64,
}


def _axis(draw: Drawer, ndim: int) -> Any:
    """None, one axis, or a tuple of axes; now and then out of range or repeated."""
    one = st.integers(-ndim - 1, ndim)
    return draw(st.none() | one | st.lists(one, max_size=ndim + 1).map(tuple), label="axis")


def _flip_example(draw: Drawer) -> Example:
    x = draw.tensor(DTYPES, SHAPES, label="x")
    return (x,), {"axis": _axis(draw, x.ndim)}


def _cuts(draw: Drawer, sections: st.SearchStrategy[int]) -> Any:
    """A number of sections, or indices to cut at: negative, past the end, repeated, unsorted."""
    indices = st.lists(st.integers(-6, 6), max_size=4)
    return draw(sections | indices | indices.map(tuple), label="indices_or_sections")


def _split_example(draw: Drawer, sections: st.SearchStrategy[int]) -> Example:
    x = draw.tensor(DTYPES, shapes(min_dims=1, max_dims=3, max_side=4), label="x")
    axis = draw(st.integers(-x.ndim, x.ndim - 1), label="axis")
    return (x, _cuts(draw, sections)), {"axis": axis}


def _split_sections(draw: Drawer) -> Example:
    # Not 0: np.split(a, 0) raises ZeroDivisionError, where the recipe raises ValueError.
    return _split_example(draw, st.integers(-1, 5).filter(bool))


def _array_split_sections(draw: Drawer) -> Example:
    return _split_example(draw, st.integers(-1, 5))


def _pad_width(draw: Drawer, ndim: int) -> Any:
    """Every form np.pad takes: w, (w,), (b, a), ((b, a),), a column per axis, a pair per axis."""
    forms = [
        WIDTHS,
        st.tuples(WIDTHS),
        st.tuples(WIDTHS, WIDTHS),
        st.tuples(st.tuples(WIDTHS, WIDTHS)),
    ]
    if ndim:  # an empty tuple is a float array to NumPy: TypeError
        forms.append(st.lists(st.tuples(WIDTHS), min_size=ndim, max_size=ndim))
        forms.append(st.lists(st.tuples(WIDTHS, WIDTHS), min_size=ndim, max_size=ndim).map(tuple))
    return draw(st.one_of(forms), label="pad_width")


def _constants(dtype: torch.dtype) -> st.SearchStrategy[Any]:
    """Python numbers that ``dtype`` holds: exactly (NaN, infinities and -0.0 included), or
    for the floats after rounding once to nearest, as NumPy rounds."""
    if dtype == torch.bool:
        return st.booleans()
    if dtype.is_complex:
        return st.complex_numbers(width=128 if dtype == torch.complex128 else 64)
    if dtype.is_floating_point:
        largest = float(torch.finfo(dtype).max)
        return st.floats(width=_FLOAT_WIDTHS[dtype]) | st.floats(-largest, largest)
    info = torch.iinfo(dtype)
    return st.integers(info.min, info.max)


def _pad_example(draw: Drawer) -> Example:
    x = draw.tensor(DTYPES, SHAPES, label="x")
    mode = draw(st.sampled_from(MODES), label="mode")
    kwargs: dict[str, Any] = {}
    if mode == "constant" and draw(st.booleans(), label="given constant_values"):
        kwargs["constant_values"] = _constant_values(draw, x)
    return (x, _pad_width(draw, x.ndim), mode), kwargs


def _constant_values(draw: Drawer, x: torch.Tensor) -> Any:
    """One value, a pair, or a pair per axis."""
    one = _constants(x.dtype)
    if x.dtype == torch.uint64:
        # NumPy makes Python ints of int64 and of uint64 range alone a float64 array: rounded.
        one = draw(st.sampled_from([st.integers(0, 2**63 - 1), st.integers(2**63, 2**64 - 1)]))
    forms = [one, st.tuples(one, one), st.tuples(st.tuples(one, one))]
    if x.ndim:
        forms.append(st.tuples(*[st.tuples(one, one)] * x.ndim))
    return draw(st.one_of(forms), label="constant_values")


def _flip_workload(n: int, d: torch.device) -> Workload:
    x = floats(side(n), side(n), device=d)
    return (lambda: flip(x, 0)), (lambda: torch.flip(x, (0,)))


def _split_workload(n: int, d: torch.device) -> Workload:
    x = floats(4, max(1, n // 4), device=d)  # np.split needs sections that divide the axis
    return (lambda: split(x, 4)), (lambda: torch.tensor_split(x, 4))


def _array_split_workload(n: int, d: torch.device) -> Workload:
    x = floats(side(n), side(n), device=d)
    return (lambda: array_split(x, 3)), (lambda: torch.tensor_split(x, 3))


def _pad_workload(n: int, d: torch.device) -> Workload:
    x = floats(side(n), side(n), device=d)
    return (lambda: pad(x, 3, mode="symmetric")), (
        lambda: torch.from_numpy(np.pad(x.cpu().numpy(), 3, mode="symmetric")).to(d)
    )


RECIPES = [
    Recipe(
        split,
        numpy="np.split(a, n_or_indices, axis)",
        call="split(x, n_or_indices, axis)",
        torch="torch.split(x, n, dim)  # n is the size of each chunk, not their number",
        kind="view",
        bench=Bench("torch.tensor_split(x, 4)", _split_workload),
        cases=(Case(split, _split_sections, np.split, returns="view"),),
    ),
    Recipe(
        array_split,
        numpy="np.array_split(a, n_or_indices, axis)",
        call="array_split(x, n_or_indices, axis)",
        torch="torch.tensor_split(x, n_or_indices, dim)",
        kind="view",
        bench=Bench("torch.tensor_split(x, 3)", _array_split_workload),
        cases=(Case(array_split, _array_split_sections, np.array_split, returns="view"),),
    ),
    Recipe(
        pad,
        numpy="np.pad(a, pad_width, mode)",
        call="pad(x, pad_width, mode)",
        torch="F.pad(x, pad)  # last 3 axes, no 'symmetric', widths < size",
        kind="copy",
        bench=Bench(
            "np.pad(x.numpy(), 3, mode='symmetric') round trip",
            _pad_workload,
            overhead="pad_width's NumPy forms read in Python, then a copy and a flip per pad",
        ),
        cases=(Case(pad, _pad_example, np.pad),),
    ),
    Recipe(
        flip,
        numpy="np.flip(a, axis)",
        call="flip(x, axis)",
        torch="torch.flip(x, dims)  # a copy; no uint16-64 on CPU",
        kind="copy",
        bench=Bench(
            "torch.flip(x, (0,))",
            _flip_workload,
            overhead="normalises axis (int, tuple or None) and picks a kernel by dtype",
        ),
        cases=(Case(flip, _flip_example, np.flip),),
    ),
]
