"""Checks of the interpolation family against ``np.interp``.

Sample points are drawn on a grid of quarters (so slopes stay bounded and every
dtype holds them exactly), with repeats, infinities at the ends, and query
points outside, between and exactly at them, NaN included. NumPy computes in
float64; the recipe's float32 results are compared with float32 tolerances,
its float64 ones to 1e-12, and at the sample points exactly.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import torch
from hypothesis import strategies as st

from cookbook.interpolation import interp
from cookbook.testing.assertions import assert_matches_numpy
from cookbook.testing.checks import Bench, Case, Drawer, Example, Recipe, Workload
from cookbook.testing.strategies import ALL_DTYPES, layouts, materialize, shapes
from cookbook.testing.workloads import floats

REAL_DTYPES = tuple(dtype for dtype in ALL_DTYPES if not dtype.is_complex)
SINGLE = (torch.float32, torch.complex64)
QUARTERS = st.integers(-64, 64).map(lambda k: k / 4)
INFINITIES = st.sampled_from((float("inf"), float("-inf")))
SPECIALS = st.sampled_from((float("inf"), float("-inf"), float("nan"), -0.0))


def _elements(dtype: torch.dtype, *, nan: bool = True) -> st.SearchStrategy[Any]:
    """Values on the grid that ``dtype`` holds; for floats the specials too."""
    if dtype == torch.bool:
        return st.booleans()
    if not dtype.is_floating_point and not dtype.is_complex:
        return st.integers(0 if not dtype.is_signed else -16, 16)
    real = QUARTERS | (SPECIALS if nan else INFINITIES)
    return st.builds(complex, real, real) if dtype.is_complex else real


def _sample_points(draw: Drawer, dtype: torch.dtype, length: int) -> torch.Tensor:
    """Increasing sample points, repeats allowed, in any layout (expanded: all one value)."""
    layout = draw(layouts((length,), noncontiguous=draw.noncontiguous), label="xp layout")
    (stored,) = layout.stored_shape((length,))
    elements = _elements(dtype, nan=False)
    values = sorted(draw(st.lists(elements, min_size=stored, max_size=stored), label="xp"))
    numpy_dtype = torch.empty(0, dtype=dtype).numpy().dtype
    return materialize(np.array(values, dtype=numpy_dtype), layout, (length,), draw.device)


def _dtypes(draw: Drawer) -> tuple[torch.dtype, torch.dtype, torch.dtype]:
    """Half the time all float32, the float32 result; else anything."""
    if draw(st.booleans(), label="all float32"):
        return torch.float32, torch.float32, draw(st.sampled_from(SINGLE), label="fp dtype")
    real = st.sampled_from(REAL_DTYPES)
    return draw(real, label="x dtype"), draw(real), draw(st.sampled_from(ALL_DTYPES))


def _end(draw: Drawer, fp: torch.dtype, name: str) -> Any:
    """None, or a Python number for ``left`` or ``right``: complex only with a complex fp."""
    number = _elements(torch.complex128 if fp.is_complex else torch.float64)
    return draw(st.none() | number, label=name)


def _interp_example(draw: Drawer) -> Example:
    x_dtype, xp_dtype, fp_dtype = _dtypes(draw)
    length = draw(st.integers(0, 6), label="samples")
    x = draw.tensor(x_dtype, shapes(max_dims=3, max_side=3), elements=_elements(x_dtype), label="x")
    xp = _sample_points(draw, xp_dtype, length)
    fp = draw.tensor(fp_dtype, (length,), elements=_elements(fp_dtype), label="fp")
    return (x, xp, fp), {
        "left": _end(draw, fp_dtype, "left"),
        "right": _end(draw, fp_dtype, "right"),
    }


def _numpy_interp(x: np.ndarray, xp: np.ndarray, fp: np.ndarray, **ends: Any) -> np.ndarray:
    """``np.interp``, rounded to float32 (complex64) where the recipe computes in it."""
    result = np.asarray(np.interp(x, xp, fp, **ends))
    if all(a.dtype in (np.float32, np.complex64) for a in (x, xp, fp)):
        return result.astype(np.complex64 if result.dtype.kind == "c" else np.float32)
    return result


def _assert_close(actual: torch.Tensor, expected: np.ndarray) -> None:
    """float32 tolerances for float32 results (about 10 ulps of the largest |fp|, 8);
    1e-12 for float64 ones. Same dtype, shape, infinities and NaN positions; complex
    parts compared one by one (the distance of two equal infinities is NaN)."""
    single = actual.dtype in SINGLE
    expected_tensor = torch.from_numpy(np.asarray(expected))
    if actual.dtype != expected_tensor.dtype:
        raise AssertionError(f"dtype {actual.dtype} != the expected {expected_tensor.dtype}")
    if actual.is_complex():
        actual, expected_tensor = torch.view_as_real(actual), torch.view_as_real(expected_tensor)
    torch.testing.assert_close(
        actual.cpu(),
        expected_tensor,
        rtol=1.3e-6 if single else 1e-12,
        atol=1e-5 if single else 1e-12,
        equal_nan=True,
    )


def _check_exact_at_sample_points(draw: Drawer) -> None:
    """At the sample points (a repeated one included) the result is the ``fp`` NumPy picks."""
    _, xp_dtype, fp_dtype = _dtypes(draw)
    length = draw(st.integers(1, 6), label="samples")
    xp = _sample_points(draw, xp_dtype, length)
    fp = draw.tensor(fp_dtype, (length,), elements=_elements(fp_dtype), label="fp")
    picks = draw(st.lists(st.integers(0, length - 1), max_size=6), label="picks")
    # Picked on the CPU: CUDA has no indexing kernel for uint16 (torch 2.11).
    x = xp.cpu()[torch.tensor(picks, dtype=torch.int64)].to(draw.device)
    expected = _numpy_interp(x.cpu().numpy(), xp.cpu().numpy(), fp.cpu().numpy())
    assert_matches_numpy(interp(x, xp, fp), expected)


def _interp_workload(n: int, d: torch.device) -> Workload:
    x = floats(n, device=d).double()
    xp = torch.linspace(0, 1, max(2, n // 1000), dtype=torch.float64, device=d)
    fp = floats(xp.shape[0], device=d).double()
    return (lambda: interp(x, xp, fp)), (
        lambda: torch.from_numpy(np.interp(x.cpu().numpy(), xp.cpu().numpy(), fp.cpu().numpy())).to(
            d
        )
    )


RECIPES = [
    Recipe(
        interp,
        numpy="np.interp(x, xp, fp)",
        call="interp(x, xp, fp)",
        torch="torch.from_numpy(np.interp(x.numpy(), xp.numpy(), fp.numpy()))  # no torch.interp",
        kind="compute",
        bench=Bench(
            "NumPy round trip: np.interp(x.numpy(), ...)",
            _interp_workload,
            overhead="about 40 kernels: a segment table for NumPy's inf and NaN rules, 7 gathers",
        ),
        cases=(Case(interp, _interp_example, _numpy_interp, compare=_assert_close),),
        properties={"exact at sample points": _check_exact_at_sample_points},
    ),
]
