"""Checks of the contiguous-versus-view family against NumPy and torch's own ``view``."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import torch
from hypothesis import strategies as st

from cookbook.strides import contiguous_strides, is_contiguous, shares_storage, view_strides
from cookbook.testing.assertions import assert_matches_numpy
from cookbook.testing.checks import Bench, Case, Drawer, Example, Recipe, Workload
from cookbook.testing.strategies import ALL_DTYPES, shapes
from cookbook.testing.workloads import floats, side


def _shape_example(draw: Drawer) -> Example:
    return (draw(shapes(max_dims=5), label="shape"),), {}


def _contiguous_strides_oracle(shape: tuple[int, ...]) -> tuple[int, ...]:
    if 0 in shape:  # NumPy reports zero strides here; torch's rule is the contract
        return tuple(torch.empty(shape).stride())
    array = np.empty(shape, dtype=np.float32)
    return tuple(stride // array.itemsize for stride in array.strides)


def _strided_example(draw: Drawer) -> tuple[tuple[int, ...], tuple[int, ...]]:
    shape = draw(shapes(max_dims=4), label="shape")
    strides = draw(
        st.lists(st.integers(0, 30), min_size=len(shape), max_size=len(shape)).map(tuple),
        label="strides",
    )
    return shape, strides


def _on_device(
    shape: tuple[int, ...], strides: tuple[int, ...], device: torch.device
) -> torch.Tensor:
    return torch.empty_strided(shape, strides, device=device)


def _check_is_contiguous(draw: Drawer) -> None:
    shape, strides = _strided_example(draw)
    if draw(st.booleans(), label="use contiguous strides"):
        strides = tuple(torch.empty(shape).stride())
    expected = _on_device(shape, strides, draw.device).is_contiguous()
    assert_matches_numpy(
        is_contiguous(shape, strides), expected, where=f"is_contiguous{shape, strides}"
    )


def _factor(numel: int) -> list[int]:
    factors, candidate = [], 2
    while numel > 1:
        while numel % candidate == 0:
            factors.append(candidate)
            numel //= candidate
        candidate += 1
    return factors


def _check_view_strides(draw: Drawer) -> None:
    shape, strides = _strided_example(draw)
    if draw(st.booleans(), label="start contiguous"):
        strides = tuple(torch.empty(shape).stride())
    numel = math.prod(shape)
    # A new shape of the same numel: the prime factors of numel spread over the
    # new axes (a zero-size axis where numel is 0), with 1s in between.
    ndim = draw(st.integers(1 if numel != 1 else 0, 5), label="new ndim")
    new_shape = [1] * ndim
    for factor in _factor(numel) if numel else [0]:
        new_shape[draw(st.integers(0, ndim - 1))] *= factor
    if numel and ndim and draw(st.booleans(), label="infer one size"):
        new_shape[draw(st.integers(0, ndim - 1))] = -1
    tensor = _on_device(shape, strides, draw.device)
    try:
        expected: tuple[int, ...] | None = tuple(tensor.view(new_shape).stride())
    except RuntimeError:
        expected = None
    actual = view_strides(shape, strides, tuple(new_shape))
    assert_matches_numpy(actual, expected, where=f"view_strides{shape, strides, tuple(new_shape)}")


def _shares_storage_example(draw: Drawer) -> Example:
    x = draw.tensor(st.sampled_from(ALL_DTYPES), shapes(min_dims=1, max_dims=3), label="x")
    relatives: dict[str, tuple[Callable[[torch.Tensor], torch.Tensor], bool]] = {
        "itself": (lambda t: t, True),
        "detach": (torch.Tensor.detach, True),
        "transpose": (lambda t: t.transpose(0, -1), True),
        "slice": (lambda t: t[1:], True),
        "expand": (lambda t: t.unsqueeze(0).expand(2, *t.shape), True),
        "clone": (torch.Tensor.clone, False),
        "empty_like": (torch.empty_like, False),
        "contiguous copy": (lambda t: t.clone(memory_format=torch.contiguous_format), False),
    }
    relation = draw(st.sampled_from(sorted(relatives)), label="relation")
    make, expected = relatives[relation]
    y = make(x)
    if draw(st.booleans(), label="swap"):
        return (y, x), {}, expected
    return (x, y), {}, expected


def _contiguous_strides_workload(n: int, d: torch.device) -> Workload:
    shape = (10, side(n), side(n) // 10 or 1)
    return (lambda: contiguous_strides(shape)), (lambda: torch.empty(shape, device="meta").stride())


def _is_contiguous_workload(n: int, d: torch.device) -> Workload:
    x = floats(side(n), side(n), device=d).t()
    return (lambda: is_contiguous(x.shape, x.stride())), x.is_contiguous


def _view_strides_workload(n: int, d: torch.device) -> Workload:
    x = floats(side(n), side(n), device=d)
    return (lambda: view_strides(x.shape, x.stride(), (-1,))), (lambda: x.view(-1).stride())


def _shares_storage_workload(n: int, d: torch.device) -> Workload:
    x = floats(n, device=d)
    y = x[1:]
    return (lambda: shares_storage(x, y)), (
        lambda: x.untyped_storage().data_ptr() == y.untyped_storage().data_ptr()
    )


RECIPES = [
    Recipe(
        contiguous_strides,
        compiles="plain Python: returns strides, not tensors",
        numpy="np.empty(shape).strides",
        call="contiguous_strides(shape)",
        torch="torch.empty(shape).stride()",
        kind="metadata",
        bench=Bench("torch.empty(shape, device='meta').stride()", _contiguous_strides_workload),
        cases=(
            Case(
                contiguous_strides,
                _shape_example,
                _contiguous_strides_oracle,
                returns="value",
                takes_tensors=False,
            ),
        ),
    ),
    Recipe(
        is_contiguous,
        compiles="plain Python: returns a bool, not tensors",
        numpy="a.flags.c_contiguous",
        call="is_contiguous(shape, strides)",
        torch="x.is_contiguous()",
        kind="metadata",
        bench=Bench(
            "x.is_contiguous()",
            _is_contiguous_workload,
            overhead="Python over a shape and strides; x.is_contiguous() reads a held flag",
        ),
        properties={"": _check_is_contiguous},
    ),
    Recipe(
        view_strides,
        compiles="plain Python: returns strides, not tensors",
        numpy="a.view().reshape(s)  # may copy",
        call="view_strides(shape, strides, s)",
        torch="x.view(s)  # raises",
        kind="metadata",
        bench=Bench(
            "x.view(-1).stride()",
            _view_strides_workload,
            overhead="Python over a shape and strides; x.view works in C++ on a tensor",
        ),
        properties={"": _check_view_strides},
    ),
    Recipe(
        shares_storage,
        compiles="returns a bool read from storage identity, which a graph does not hold",
        numpy="np.shares_memory(a, b)",
        call="shares_storage(a, b)",
        torch="a.untyped_storage().data_ptr() == ...",
        kind="metadata",
        bench=Bench(
            "untyped_storage().data_ptr() ==",
            _shares_storage_workload,
            overhead="both byte spans from shape and strides in Python; == compares starts only",
        ),
        cases=(Case(shares_storage, _shares_storage_example, None, returns="value"),),
    ),
]
