"""The indexing family: properties against NumPy, the traps, bad input."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from cookbook import add_at, take_along_axis
from cookbook.testing import ALL_DTYPES, assert_matches_numpy
from cookbook.testing.checks import Check, checks_for


@pytest.mark.parametrize("check", checks_for("indexing"), ids=str)
def test_property(check: Check, device: torch.device) -> None:
    check.run(device)


def test_bare_index_add_drops_duplicates_where_add_at_counts_them(device: torch.device) -> None:
    index = torch.tensor([0, 2, 2, 2], device=device)
    bare = torch.zeros(3, device=device)
    bare[index] += 1.0
    assert bare.tolist() == [1.0, 0.0, 1.0]
    assert add_at(torch.zeros(3, device=device), index, 1.0).tolist() == [1.0, 0.0, 3.0]


def test_take_along_dim_wraps_where_take_along_axis_raises() -> None:
    x = torch.tensor([10, 20, 30])
    assert torch.take_along_dim(x, torch.tensor([3]), 0).tolist() == [10]
    with pytest.raises(IndexError, match="index 3 is out of bounds for axis 0 with size 3"):
        take_along_axis(x, torch.tensor([3]), 0)
    assert take_along_axis(x, torch.tensor([-1]), 0).tolist() == [30]


@pytest.mark.parametrize("dtype", ALL_DTYPES, ids=str)
def test_every_dtype_matches_numpy_or_is_refused(dtype: torch.dtype) -> None:
    """Each dtype either equals NumPy or raises the recipe's TypeError, never torch's errors."""
    x = torch.tensor([[0, 1, 1], [1, 0, 1]]).to(dtype)
    index = torch.tensor([1, 1, 0, -1])
    expected = x.numpy().copy()
    np.add.at(expected, index.numpy(), x[0].numpy())
    assert_matches_numpy(add_at(x, index, x[0]), expected)
    picks = torch.tensor([[2, 0], [-1, 1]])
    assert_matches_numpy(
        take_along_axis(x, picks, 1), np.take_along_axis(x.numpy(), picks.numpy(), 1)
    )


@pytest.mark.parametrize("columns", [(), (2,)], ids=["one column", "rows"])
def test_complex_values_are_added_part_by_part(
    columns: tuple[int, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    """NumPy adds the parts apart: (0 + 0j) + (inf + 0j) is inf + 0j. CUDA's index_add_
    scales by alpha = 1 first, which makes it inf + nanj, so no complex tensor reaches it."""
    complex_adds: list[torch.dtype] = []
    original = torch.Tensor.index_add_

    def spy(self: torch.Tensor, *args: object, **kwargs: object) -> torch.Tensor:
        if self.is_complex():
            complex_adds.append(self.dtype)
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(torch.Tensor, "index_add_", spy)
    x = torch.zeros((3, *columns), dtype=torch.complex128)
    values = torch.full((3, *columns), complex(np.inf, 0), dtype=torch.complex128)
    values[1] = 1 + 2j
    result = add_at(x, [0, 0, 2], values)
    expected = x.numpy().copy()
    np.add.at(expected, [0, 0, 2], values.numpy())
    assert_matches_numpy(result, expected)
    assert not complex_adds


def test_add_at_refuses_what_numpy_truncates_at_every_step() -> None:
    expected = np.zeros(3, dtype=np.int8)
    np.add.at(expected, [0, 0], 1.5)  # 0 + 1.5 -> 1, then 1 + 1.5 -> 2: not int8(3.0)
    assert expected.tolist() == [2, 0, 0]
    with pytest.raises(TypeError, match=r"float64 cannot be added into x of dtype torch\.int8"):
        add_at(torch.zeros(3, dtype=torch.int8), [0, 0], 1.5)


META = torch.empty(1, device="meta")


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: add_at([1, 2], [0], 1), TypeError, "add_at: x must be a torch.Tensor, got list"),
        (
            lambda: add_at(torch.zeros(3), torch.tensor([0.0]), 1),
            TypeError,
            r"add_at: indices must have an integer dtype, got Tensor of shape \(1,\) and dtype "
            r"torch.float32",
        ),
        (
            lambda: add_at(torch.zeros(3), torch.tensor([True, False, True]), 1),
            TypeError,
            "add_at: indices must have an integer dtype, got Tensor of shape",
        ),
        (
            lambda: add_at(torch.zeros(3), None, 1),
            TypeError,
            "add_at: indices must be integer tensors or sequences, got NoneType None",
        ),
        (
            lambda: add_at(torch.zeros(3), [0, "a"], 1),
            TypeError,
            r"add_at: indices must hold integers, got list \[0, 'a'\]",
        ),
        (
            lambda: add_at(torch.zeros(3), META.long(), 1),
            ValueError,
            "add_at: indices is on meta but x is on cpu",
        ),
        (
            lambda: add_at(torch.zeros(3), [0, 3], 1),
            IndexError,
            "add_at: index 3 is out of bounds for axis 0 with size 3",
        ),
        (
            lambda: add_at(torch.zeros(2, 3), ([0], [-4]), 1),
            IndexError,
            "add_at: index -4 is out of bounds for axis 1 with size 3",
        ),
        (
            lambda: add_at(torch.zeros(3), ([0], [0]), 1),
            IndexError,
            r"add_at: indices holds 2 indices but x has 1 dimension\(s\)",
        ),
        (
            lambda: add_at(torch.zeros(3, 3), ([0, 1], [0, 1, 2]), 1),
            IndexError,
            r"add_at: indices of shapes \(2,\) \(3,\) do not broadcast together",
        ),
        (
            lambda: add_at(torch.zeros(3, 2), [0, 1], torch.ones(2, 3)),
            ValueError,
            r"add_at: values of shape \(2, 3\) do not broadcast to the indexed shape \(2, 2\)",
        ),
        (
            lambda: add_at(torch.zeros(3, dtype=torch.int64), [0], torch.ones(1)),
            TypeError,
            "add_at: values of dtype torch.float32 cannot be added into x of dtype torch.int64 "
            "without a lossy cast",
        ),
        (
            lambda: add_at(torch.zeros(3), [0], "1"),
            TypeError,
            "add_at: values must be a tensor or a number, got str '1'",
        ),
        (
            lambda: add_at(torch.zeros(3), [0], 2**70),
            TypeError,
            "add_at: values 1180591620717411303424 does not fit in int64; pass a tensor",
        ),
        (
            lambda: add_at(torch.zeros(3), [0], META),
            ValueError,
            "add_at: values is on meta but x is on cpu",
        ),
        (
            lambda: take_along_axis((1, 2), torch.tensor([0]), 0),
            TypeError,
            "take_along_axis: x must be a torch.Tensor, got tuple",
        ),
        (
            lambda: take_along_axis(torch.zeros(3), [0], 0),
            TypeError,
            "take_along_axis: indices must be a torch.Tensor, got list",
        ),
        (
            lambda: take_along_axis(torch.zeros(3), torch.zeros(1), 0),
            TypeError,
            "take_along_axis: indices must have an integer dtype",
        ),
        (
            lambda: take_along_axis(torch.zeros(3), META.long(), 0),
            ValueError,
            "take_along_axis: indices is on meta but x is on cpu",
        ),
        (
            lambda: take_along_axis(torch.zeros(3), torch.tensor([0]), 1),
            ValueError,
            r"take_along_axis: axis 1 is out of bounds for a tensor of 1 dimension\(s\)",
        ),
        (
            lambda: take_along_axis(torch.zeros(3), torch.tensor([0]), 0.0),
            TypeError,
            "take_along_axis: axis must be an integer, got float 0.0",
        ),
        (
            lambda: take_along_axis(torch.zeros(3), torch.tensor([[0]]), 0),
            ValueError,
            "take_along_axis: indices has 2 dimension",
        ),
        (
            lambda: take_along_axis(torch.zeros(2, 3), torch.tensor([[0]]), None),
            ValueError,
            r"take_along_axis: with axis=None, indices must be 1-D, got shape \(1, 1\)",
        ),
        (
            lambda: take_along_axis(torch.zeros(2, 3), torch.tensor([[0], [-4]]), 1),
            IndexError,
            "take_along_axis: index -4 is out of bounds for axis 1 with size 3",
        ),
        (
            lambda: take_along_axis(torch.zeros(2, 3), torch.zeros(3, 1, dtype=torch.int64), 1),
            IndexError,
            r"take_along_axis: x of shape \(2, 3\) and indices of shape \(3, 1\) do not "
            "broadcast off axis 1",
        ),
    ],
)
def test_bad_input(call: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        call()  # type: ignore[operator]
