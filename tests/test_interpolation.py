"""The interpolation family: properties against NumPy, the traps, bad input."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from doubles import spy_on
from hypothesis import given
from hypothesis import strategies as st

from cookbook import interp, interpolation
from cookbook.testing import ALL_DTYPES, assert_matches_numpy
from cookbook.testing.checks import Check, checks_for


@pytest.mark.parametrize("check", checks_for("interpolation"), ids=str)
def test_property(check: Check, device: torch.device) -> None:
    check.run(device)


@pytest.mark.parametrize("check", checks_for("interpolation"), ids=str)
def test_property_through_the_search_in_passes(
    check: Check, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same examples again, through the search that large inputs take on CPU."""
    monkeypatch.setattr(interpolation, "_SEARCH_IN_PASSES_FROM", 0)
    check.run(torch.device("cpu"))


EDGES = st.sampled_from((float("inf"), float("-inf"), -0.0, 0.0))
POINTS = st.integers(-20, 20).map(lambda k: k / 4) | EDGES


@given(
    xp=st.lists(POINTS, min_size=1, max_size=70).map(sorted),
    x=st.lists(POINTS, max_size=20),
)
def test_the_search_in_passes_counts_as_searchsorted(xp: list[float], x: list[float]) -> None:
    """Repeats, infinities and signed zeros in ``xp``, lengths across powers of two."""
    sample_points, points = torch.tensor(xp, dtype=torch.float64), torch.tensor(x).double()
    expected = torch.searchsorted(sample_points, points, right=True)
    counts = interpolation._count_in_passes(sample_points, points)
    assert counts.tolist() == expected.tolist(), (xp, x, counts)


def test_large_inputs_on_cpu_search_in_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    spy = spy_on(monkeypatch, torch, "searchsorted")
    rng = np.random.default_rng(0)
    xp = np.sort(rng.integers(-300, 300, 1000)).astype(np.float64) / 8  # repeats
    fp = rng.standard_normal(1000)
    x = np.concatenate((rng.uniform(-40, 40, 5000), xp, [np.nan, np.inf, -np.inf]))
    result = interp(torch.from_numpy(x), torch.from_numpy(xp), torch.from_numpy(fp))
    assert spy.calls == 0
    torch.testing.assert_close(
        result, torch.from_numpy(np.interp(x, xp, fp)), rtol=1e-12, atol=1e-12, equal_nan=True
    )
    interp(torch.from_numpy(x[:10]), torch.from_numpy(xp), torch.from_numpy(fp))
    assert spy.calls == 1  # few points: torch.searchsorted is faster


def test_gradients_are_the_same_through_either_search(monkeypatch: pytest.MonkeyPatch) -> None:
    """The counts carry no gradient; the values do, the same way on both paths."""
    torch.manual_seed(0)
    x = torch.rand(5000, dtype=torch.float64, requires_grad=True)
    xp = torch.linspace(0, 1, 100, dtype=torch.float64, requires_grad=True)
    fp = torch.rand(100, dtype=torch.float64, requires_grad=True)
    gradients = []
    for start in (0, 10**9):  # in passes, then torch.searchsorted
        monkeypatch.setattr(interpolation, "_SEARCH_IN_PASSES_FROM", start)
        gradients.append(torch.autograd.grad(interp(x, xp, fp).square().sum(), (x, xp, fp)))
    for in_passes, searched in zip(*gradients, strict=True):
        assert torch.equal(in_passes, searched)


def test_torch_has_no_interp() -> None:
    assert not hasattr(torch, "interp")
    xp, fp = torch.tensor([0.0, 1.0]), torch.tensor([0.0, 10.0])
    assert interp(torch.tensor([0.25]), xp, fp).tolist() == [2.5]


def test_float32_stays_float32_where_numpy_gives_float64() -> None:
    x, xp, fp = torch.tensor([0.5]), torch.tensor([0.0, 1.0]), torch.tensor([0.0, 1.0])
    assert np.interp(x.numpy(), xp.numpy(), fp.numpy()).dtype == np.float64
    assert interp(x, xp, fp).dtype == torch.float32
    assert interp(x.double(), xp, fp).dtype == torch.float64
    assert interp(torch.tensor([1]), xp, fp).dtype == torch.float64


@pytest.mark.parametrize("dtype", ALL_DTYPES, ids=str)
@pytest.mark.parametrize("argument", ["x", "xp", "fp"])
def test_every_dtype_matches_numpy_or_is_refused(dtype: torch.dtype, argument: str) -> None:
    """Each dtype, in each argument, equals NumPy or raises TypeError as NumPy does."""
    arguments = {
        "x": torch.tensor([0, 1, 2, 3]),
        "xp": torch.tensor([0, 1, 1, 2]),
        "fp": torch.tensor([1, 0, 1, 1]),
    }
    arguments[argument] = arguments[argument].to(dtype)
    as_numpy = {name: tensor.numpy() for name, tensor in arguments.items()}
    if dtype.is_complex and argument != "fp":
        with pytest.raises(TypeError):
            np.interp(**as_numpy)
        with pytest.raises(TypeError, match=f"interp: {argument} must be real"):
            interp(**arguments)
        return
    assert_matches_numpy(interp(**arguments), np.interp(**as_numpy))


META = torch.empty(2, device="meta")
XP = torch.tensor([0.0, 1.0])


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: interp(0.5, XP, XP), TypeError, "interp: x must be a torch.Tensor, got float"),
        (lambda: interp(XP, [0, 1], XP), TypeError, "interp: xp must be a torch.Tensor, got list"),
        (lambda: interp(XP, XP, (0, 1)), TypeError, "interp: fp must be a torch.Tensor, got tuple"),
        (lambda: interp(XP, META, XP), ValueError, "interp: xp is on meta but x is on cpu"),
        (
            lambda: interp(XP.to(torch.complex64), XP, XP),
            TypeError,
            r"interp: x must be real, got Tensor of shape \(2,\) and dtype torch.complex64",
        ),
        (
            lambda: interp(XP, XP.to(torch.complex64), XP),
            TypeError,
            "interp: xp must be real",
        ),
        (
            lambda: interp(XP, XP.view(1, 2), XP),
            ValueError,
            r"interp: xp must be 1-D, got shape \(1, 2\)",
        ),
        (
            lambda: interp(XP, XP, XP.view(2, 1)),
            ValueError,
            r"interp: fp must be 1-D, got shape \(2, 1\)",
        ),
        (
            lambda: interp(XP, XP[:0], XP[:0]),
            ValueError,
            "interp: xp is empty: there is nothing to interpolate",
        ),
        (
            lambda: interp(XP, XP, XP[:1]),
            ValueError,
            "interp: xp and fp must have the same length, got 2 and 1",
        ),
        (
            lambda: interp(XP, XP, XP, left=1j),
            TypeError,
            "interp: left must be a real number or None, got complex 1j",
        ),
        (
            lambda: interp(XP, XP, XP, right="0"),
            TypeError,
            "interp: right must be a real number or None, got str '0'",
        ),
    ],
)
def test_bad_input(call: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        call()  # type: ignore[operator]
