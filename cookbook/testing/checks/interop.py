"""Checks of the NumPy interop family: values, dtypes, and memory shared exactly as promised."""

from __future__ import annotations

from typing import Any

import numpy as np
import torch
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from cookbook._dtypes import NUMPY_TO_TORCH, TORCH_TO_NUMPY
from cookbook.interop import from_numpy, to_numpy
from cookbook.testing.assertions import assert_matches_numpy
from cookbook.testing.checks import Bench, Case, Drawer, Example, Recipe, Workload
from cookbook.testing.strategies import ALL_DTYPES, shapes
from cookbook.testing.workloads import floats

DTYPES = st.sampled_from(ALL_DTYPES)
SHAPES = shapes(max_dims=3, max_side=3)
#: Every dtype both libraries have, unsigned and complex included.
ARRAY_DTYPES = st.sampled_from(sorted(TORCH_TO_NUMPY.values(), key=str))
#: How the array handed to from_numpy was made, and whether torch can share its memory.
MADE_BY = {
    "plain": True,
    "transposed": True,
    "stepped": True,
    "reversed": False,
    "read-only": False,
    "byte-swapped": False,
    "structured field": False,
}


def _to_numpy_input(draw: Drawer) -> torch.Tensor:
    dtype = draw(DTYPES, label="dtype")
    x = draw.tensor(dtype, SHAPES, label="x")
    if dtype.is_floating_point and draw(st.booleans(), label="requires_grad"):
        x = x.detach().requires_grad_()
    return x


def _to_numpy_example(draw: Drawer) -> Example:
    x = _to_numpy_input(draw)
    # Built from Python numbers, not through the memory to_numpy reads.
    expected = np.array(x.tolist(), dtype=TORCH_TO_NUMPY[x.dtype]).reshape(tuple(x.shape))
    return (x,), {}, expected


def _compare_arrays(actual: Any, expected: np.ndarray) -> None:
    if not isinstance(actual, np.ndarray):
        raise AssertionError(f"to_numpy returned {type(actual).__name__}, not an ndarray")
    assert_matches_numpy(torch.from_numpy(actual.copy()), expected)


def _new_value(old: Any) -> Any:
    """A value unequal to ``old`` that every dtype holds (NaN != 0)."""
    return not old if isinstance(old, bool) else (1 if old == 0 else 0)


def _check_to_numpy_shares_memory(draw: Drawer) -> None:
    """On the CPU a write through either side shows through the other; elsewhere, never."""
    x = _to_numpy_input(draw)
    array = to_numpy(x)
    if x.numel() == 0:
        return
    index = tuple(
        draw(st.integers(0, size - 1), label=f"index[{d}]") for d, size in enumerate(x.shape)
    )
    shared = x.device.type == "cpu"
    # A write shows through when the other side changes (a bool has no third value to write).
    before = x[index].item()
    array[index] = _new_value(array[index].item())
    seen = x[index].item() != before
    if seen != shared:
        raise AssertionError(f"a write into the array {'was not' if shared else 'was'} seen by x")
    before = array[index].item()
    with torch.no_grad():
        x[index] = _new_value(x[index].item())
    seen = array[index].item() != before
    if seen != shared:
        raise AssertionError(f"a write into x {'was not' if shared else 'was'} seen by the array")


def _array(draw: Drawer) -> tuple[np.ndarray, str]:
    dtype = draw(ARRAY_DTYPES, label="dtype")
    made_by = draw(st.sampled_from(sorted(MADE_BY)), label="made by")
    shape = draw(SHAPES, label="shape")
    values = draw(hnp.arrays(dtype, shape), label="values")
    if made_by == "transposed":
        return values.T, made_by
    if made_by == "stepped":
        return np.repeat(values, 2, axis=-1)[..., ::2] if values.ndim else values, made_by
    if made_by == "reversed":
        if not any(size >= 2 for size in shape):
            return values, "plain"
        axis = next(axis for axis, size in enumerate(shape) if size >= 2)
        return np.flip(values, axis), made_by
    if made_by == "read-only":
        values.setflags(write=False)
        return values, made_by
    if made_by == "byte-swapped":
        if dtype.itemsize == 1:
            return values, "plain"
        return values.astype(dtype.newbyteorder("S")), made_by
    if made_by == "structured field":  # fields at odd offsets: strides not a multiple
        record = np.zeros(shape, dtype=[("pad", "u1"), ("value", dtype)])
        record["value"] = values
        if dtype.itemsize == 1:
            return record["value"], "plain"
        return record["value"], made_by
    return values, made_by


def _check_from_numpy(draw: Drawer) -> None:
    """Values, shape and dtype of ``a``; shared memory exactly where torch can share it."""
    a, made_by = _array(draw)
    t = from_numpy(a)
    assert_matches_numpy(t, a.astype(a.dtype.newbyteorder("=")), where=f"from_numpy ({made_by})")
    if t.device.type != "cpu" or NUMPY_TO_TORCH[a.dtype.newbyteorder("=")] != t.dtype:
        raise AssertionError(f"from_numpy gave a {t.dtype} tensor on {t.device}")
    if a.size == 0:
        return
    index = (0,) * a.ndim
    value = _new_value(t[index].item())
    t[index] = value
    seen = a[index].item() == value
    if seen != MADE_BY[made_by]:
        raise AssertionError(
            f"from_numpy of a {made_by} array: a write into the tensor "
            f"{'was not' if MADE_BY[made_by] else 'was'} seen by the array"
        )


def _to_numpy_workload(n: int, d: torch.device) -> Workload:
    x = floats(n, device=d)
    # Both sides wrap the array back (no copy) so the results compare as tensors.
    return (lambda: torch.from_numpy(to_numpy(x))), (
        lambda: torch.from_numpy(x.detach().cpu().numpy())
    )


def _from_numpy_workload(n: int, d: torch.device) -> Workload:
    a = floats(n, device=torch.device("cpu")).numpy()
    return (lambda: from_numpy(a)), (lambda: torch.from_numpy(a))


RECIPES = [
    Recipe(
        to_numpy,
        compiles="NumPy interop: returns an ndarray, which leaves the graph",
        numpy="np.asarray(a)",
        call="to_numpy(x)",
        torch="x.numpy()  # CPU, no grad only",
        kind="view",
        bench=Bench("x.detach().cpu().numpy()", _to_numpy_workload),
        cases=(Case(to_numpy, _to_numpy_example, None, returns="value", compare=_compare_arrays),),
        properties={"shares memory": _check_to_numpy_shares_memory},
        host_sync="the result lives in host memory",
    ),
    Recipe(
        from_numpy,
        compiles="NumPy interop: takes an ndarray, whose memory torch.compile does not trace",
        numpy="np.asarray(a)",
        call="from_numpy(a)",
        torch="torch.from_numpy(a)  # a[::-1] raises",
        kind="view",
        bench=Bench(
            "torch.from_numpy(a)",
            _from_numpy_workload,
            overhead="checks the dtype, byte order and strides that torch.from_numpy refuses",
        ),
        properties={"": _check_from_numpy},
    ),
]
