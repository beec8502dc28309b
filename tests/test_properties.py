"""``check_against_numpy``: passes a right function, and names the layout that breaks a wrong one."""

from __future__ import annotations

import re

import numpy as np
import pytest
import torch
from hypothesis import strategies as st

from cookbook import numel
from cookbook.testing import (
    FLOAT_DTYPES,
    INTEGER_DTYPES,
    check_against_numpy,
    describe_layout,
    layout_kinds,
    shapes,
    tensor_arg,
)

MATRICES = tensor_arg(FLOAT_DTYPES, shapes(min_dims=2, max_dims=2, min_side=2))


def _notes(error: BaseException) -> str:
    return "\n".join(getattr(error, "__notes__", []))


def test_a_right_function_passes(device: torch.device) -> None:
    def flatten(x: torch.Tensor) -> torch.Tensor:
        return x.reshape(-1)

    check_against_numpy(flatten, np.ravel, tensor_arg(), device=device, max_examples=20)


def test_arguments_that_cannot_be_strided() -> None:
    def plus_zero(x: torch.Tensor) -> torch.Tensor:
        return x + 0

    for single in (tensor_arg(torch.int64, (1,)), tensor_arg(torch.int64, shapes(max_side=1))):
        check_against_numpy(plus_zero, np.copy, single, max_examples=10)
    check_against_numpy(numel, lambda shape: int(np.prod(shape)), shapes(), max_examples=10)


def test_view_fails_on_a_strided_draw_and_names_its_layout() -> None:
    def flatten(x: torch.Tensor) -> torch.Tensor:
        return x.view(-1)

    with pytest.raises(RuntimeError, match="view size is not compatible") as caught:
        check_against_numpy(flatten, np.ravel, MATRICES, max_examples=50, seed=1)
    notes = _notes(caught.value)
    assert re.search(
        r"^x: float\d+ on cpu, shape \(\d+, \d+\), strides \(\d+, \d+\), storage offset \d+, "
        r"layout: [a-z, ]*(permuted|stepped|expanded)",
        notes,
        re.MULTILINE,
    ), notes
    assert "replay: check_against_numpy(..., seed=1) on cpu" in notes


def test_reading_past_the_view_reads_poison() -> None:
    def flatten(x: torch.Tensor) -> torch.Tensor:
        # Assumes contiguity: walks the storage from the view's first element.
        return x.as_strided((x.numel(),), (1,)).clone()

    with pytest.raises(AssertionError, match="elements differ from NumPy's"):
        check_against_numpy(flatten, np.ravel, MATRICES, max_examples=50, seed=1)


def test_a_replayed_seed_finds_the_same_example() -> None:
    def first_row(x: torch.Tensor) -> torch.Tensor:
        return x.view(-1)[: x.shape[1]]

    def oracle(x: np.ndarray) -> np.ndarray:
        return x[0]

    reports = []
    for _ in range(2):
        with pytest.raises(RuntimeError) as caught:
            check_against_numpy(first_row, oracle, MATRICES, max_examples=50, seed=7)
        reports.append(_notes(caught.value))
    assert reports[0] == reports[1]


def test_writing_into_an_input_fails_the_purity_check() -> None:
    def double(x: torch.Tensor) -> torch.Tensor:
        return x.mul_(2)  # in place; one element, as in-place ops on expanded tensors raise

    one = tensor_arg(FLOAT_DTYPES, (1,))
    with pytest.raises(
        AssertionError,
        match=r"version counter went from \d+ to \d+: the recipe wrote into its input",
    ):
        check_against_numpy(double, lambda x: x * 2, one, max_examples=20, seed=1)


@pytest.mark.parametrize(
    ("returns", "function", "message"),
    [
        ("copy", torch.Tensor.t, "the result shares storage with an input"),
        ("view", lambda x: x.t().clone(), "promises a view, but its result has its own storage"),
    ],
)
def test_returns_is_checked(returns: str, function: object, message: str) -> None:
    with pytest.raises(AssertionError, match=message):
        check_against_numpy(
            function,  # type: ignore[arg-type]
            np.transpose,
            MATRICES,
            returns=returns,  # type: ignore[arg-type]
            max_examples=20,
            seed=1,
        )


def test_close_allows_rounding_that_exact_does_not() -> None:
    def nudged(x: torch.Tensor) -> torch.Tensor:
        return x + 1e-9

    values = tensor_arg(torch.float64, shapes(min_dims=1), elements=st.floats(-10, 10))
    check_against_numpy(nudged, np.copy, values, compare="close", max_examples=30, seed=3)
    with pytest.raises(AssertionError, match="differ from NumPy's"):
        check_against_numpy(nudged, np.copy, values, max_examples=30, seed=3)


def test_plain_arguments_and_raising_on_both_sides() -> None:
    def chunk(x: torch.Tensor, parts: int) -> tuple[torch.Tensor, ...]:
        if x.shape[0] % parts:
            raise ValueError(f"chunk: {x.shape[0]} rows do not split into {parts} parts")
        return tuple(x.tensor_split(parts))

    def oracle(x: np.ndarray, parts: int) -> list[np.ndarray]:
        return np.split(x, parts)

    rows = tensor_arg(INTEGER_DTYPES, shapes(min_dims=1, max_dims=3))
    check_against_numpy(chunk, oracle, rows, st.integers(1, 3), max_examples=30, seed=1)

    def chunk_without_check(x: torch.Tensor, parts: int) -> tuple[torch.Tensor, ...]:
        return tuple(x.tensor_split(parts))

    with pytest.raises(AssertionError, match="NumPy raised ValueError"):
        check_against_numpy(
            chunk_without_check, oracle, rows, st.integers(1, 3), max_examples=50, seed=1
        )


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"compare": "equal"}, "compare must be 'exact', 'close' or a function, got 'equal'"),
        ({"returns": "both"}, "returns must be 'copy', 'view' or 'any', got 'both'"),
    ],
)
def test_bad_options(options: dict[str, str], message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(f"check_against_numpy: {message}")):
        check_against_numpy(np.ravel, np.ravel, tensor_arg(), **options)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("tensor", "kinds"),
    [
        (torch.zeros(2, 3), ()),
        (torch.zeros(2, 1, 3).transpose(0, 1), ()),  # an axis of one element moves freely
        (torch.zeros(2, 3).t(), ("permuted",)),
        (torch.zeros(3, 4)[:, :2], ("stepped",)),
        (torch.zeros(5)[1:], ("offset",)),
        (torch.zeros(3, 1).expand(3, 2), ("expanded",)),
        (torch.zeros(4, 6)[1:, ::2].t(), ("permuted", "stepped", "offset")),
    ],
)
def test_layout_kinds(tensor: torch.Tensor, kinds: tuple[str, ...]) -> None:
    assert layout_kinds(tensor) == kinds
    assert describe_layout(tensor).endswith(f"layout: {', '.join(kinds) or 'contiguous'}")
