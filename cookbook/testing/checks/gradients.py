"""Checks of the gradients family against analytic derivatives of a few fixed functions."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

import numpy as np
import torch
from hypothesis import strategies as st

from cookbook.gradients import value_and_grad
from cookbook.testing.checks import Bench, Case, Drawer, Example, Recipe, Workload
from cookbook.testing.strategies import shapes
from cookbook.testing.workloads import floats

#: Eighths in [-8, 8]: their squares and sums of squares are exact in float32.
EIGHTHS = st.integers(-64, 64).map(lambda k: k / 8)
DTYPES = st.sampled_from((torch.float32, torch.float64))
SHAPES = shapes(max_dims=3, max_side=3)


def _mean_square(v: torch.Tensor) -> torch.Tensor:
    return (v * v).mean()


def _sum_sin(v: torch.Tensor) -> torch.Tensor:
    return v.sin().sum()


def _sum_exp(v: torch.Tensor) -> torch.Tensor:
    return v.exp().sum()


def _constant(v: torch.Tensor) -> torch.Tensor:
    """Does not depend on ``v``: the gradient is zero."""
    return v.new_ones(())


def _np_mean(a: np.ndarray) -> Any:
    with warnings.catch_warnings():  # the mean of nothing is NaN, with a warning
        warnings.simplefilter("ignore", RuntimeWarning)
        return np.mean(a)


#: Each function and its value and gradient, by hand, in NumPy.
ANALYTIC: dict[Callable[[torch.Tensor], torch.Tensor], tuple[Any, Any]] = {
    _mean_square: (lambda a: _np_mean(a * a), lambda a: 2 * a / a.size if a.size else a),
    _sum_sin: (lambda a: np.sum(np.sin(a)), np.cos),
    _sum_exp: (lambda a: np.sum(np.exp(a)), np.exp),
    _constant: (lambda a: 1.0, np.zeros_like),
}


def _example(draw: Drawer) -> tuple[Callable[[torch.Tensor], torch.Tensor], torch.Tensor]:
    f = draw(st.sampled_from(list(ANALYTIC)), label="f")
    x = draw.tensor(DTYPES, SHAPES, elements=EIGHTHS, label="x")
    if draw(st.booleans(), label="requires_grad"):
        x = x.detach().requires_grad_()
    return f, x


def _value_and_grad_example(draw: Drawer) -> Example:
    return _example(draw), {}


def _analytic(f: Callable[[torch.Tensor], torch.Tensor], x: np.ndarray) -> tuple[Any, Any]:
    """The value and gradient in float64, rounded once to ``x``'s dtype."""
    value, grad = ANALYTIC[f]
    exact = x.astype(np.float64)
    return np.asarray(value(exact)).astype(x.dtype), np.asarray(grad(exact)).astype(x.dtype)


def _assert_close(actual: Any, expected: tuple[np.ndarray, np.ndarray]) -> None:
    """Both parts within torch.testing's default tolerances; NaN (a mean of nothing) equals NaN."""
    if not (isinstance(actual, tuple) and len(actual) == 2):
        raise AssertionError(f"value_and_grad returned {actual!r}, not a (value, grad) pair")
    for part, got, wanted in zip(("value", "grad"), actual, expected, strict=True):
        if got.requires_grad:
            raise AssertionError(f"the {part} requires grad: it is still attached to a graph")
        try:
            torch.testing.assert_close(got.cpu(), torch.from_numpy(wanted), equal_nan=True)
        except AssertionError as error:
            raise AssertionError(f"{part}: {error}") from None


def _check_leaves_x_alone(draw: Drawer) -> None:
    """``x.requires_grad`` and ``x.grad`` as they were; a second call gives the same gradient."""
    f, x = _example(draw)
    if x.requires_grad and draw(st.booleans(), label="x.grad set"):
        x.grad = torch.full_like(x, 3.0)
    grad_before, requires_grad_before = x.grad, x.requires_grad
    saved = None if grad_before is None else grad_before.clone()
    no_grad = draw(st.booleans(), label="under no_grad")
    with torch.set_grad_enabled(not no_grad):
        first = value_and_grad(f, x)
        second = value_and_grad(f, x)
    if x.requires_grad != requires_grad_before:
        raise AssertionError("value_and_grad changed x.requires_grad")
    if x.grad is not grad_before or (
        x.grad is not None and saved is not None and not torch.equal(x.grad, saved)
    ):
        raise AssertionError(f"value_and_grad changed x.grad: {grad_before} -> {x.grad}")
    torch.testing.assert_close(first, second, equal_nan=True)


def _value_and_grad_workload(n: int, d: torch.device) -> Workload:
    x = floats(n, device=d)

    def bare() -> tuple[torch.Tensor, torch.Tensor]:
        leaf = x.detach().requires_grad_()
        value = (leaf * leaf).mean()
        (grad,) = torch.autograd.grad(value, leaf)
        return value.detach(), grad

    return (lambda: value_and_grad(lambda v: (v * v).mean(), x)), bare


RECIPES = [
    Recipe(
        value_and_grad,
        compile_flags={"trace_autograd_ops": True},
        numpy="(f(a), df(a))  # by hand",
        call="value_and_grad(f, x)",
        torch="x.requires_grad_(); f(x).backward(); x.grad",
        kind="compute",
        bench=Bench(
            "detach().requires_grad_() + autograd.grad",
            _value_and_grad_workload,
            overhead="torch.enable_grad() and checks of f's result: a few % of the autograd call",
        ),
        cases=(Case(value_and_grad, _value_and_grad_example, _analytic, compare=_assert_close),),
        properties={"leaves x alone": _check_leaves_x_alone},
    ),
]
