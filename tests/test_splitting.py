"""The splitting-and-padding family: properties against NumPy, the traps, bad input."""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from cookbook import array_split, flip, pad, split
from cookbook._dtypes import TORCH_TO_NUMPY
from cookbook.testing import ALL_DTYPES, assert_matches_numpy
from cookbook.testing.checks import Check, checks_for


@pytest.mark.parametrize("check", checks_for("splitting"), ids=str)
def test_property(check: Check, device: torch.device) -> None:
    check.run(device)


def test_split_counts_sections_where_bare_torch_split_counts_sizes() -> None:
    x = torch.arange(6)
    assert [len(chunk) for chunk in torch.split(x, 2)] == [2, 2, 2]  # chunks of size 2
    assert [len(piece) for piece in np.split(x.numpy(), 2)] == [3, 3]  # 2 pieces
    assert_matches_numpy(split(x, 2), np.split(x.numpy(), 2))
    assert_matches_numpy(array_split(x, 4), np.array_split(x.numpy(), 4))


@pytest.mark.parametrize("recipe", [split, array_split])
def test_splits_compile_with_dynamic_shapes(recipe: object) -> None:
    """A symbolic axis length: the section sizes come from ``//`` and ``%``, which dynamo
    traces (it refuses ``divmod`` of symbolic sizes)."""
    compiled = torch.compile(
        lambda x: recipe(x, 3, axis=0),  # type: ignore[operator]
        fullgraph=True,
        dynamic=True,
        backend="eager",
    )
    oracle = np.split if recipe is split else np.array_split
    for length in (6, 9, 12) if recipe is split else (7, 8, 9):
        x = torch.arange(length * 2).reshape(length, 2)
        assert_matches_numpy(compiled(x), oracle(x.numpy(), 3, axis=0))


@pytest.mark.parametrize("mode", ["edge", "reflect", "symmetric", "wrap"])
def test_pad_compiles_where_x_lands_in_a_non_contiguous_band(mode: str) -> None:
    """Padding a middle axis puts x's rows in a strided part of the result, which dynamo
    refuses as an ``out=`` tensor: compiled, the rows are concatenated and then copied."""
    compiled = torch.compile(
        lambda x: pad(x, ((0, 0), (1, 2), (2, 1)), mode=mode),  # type: ignore[arg-type]
        fullgraph=True,
        backend="eager",
    )
    x = torch.arange(24.0).reshape(2, 3, 4)
    assert_matches_numpy(compiled(x), np.pad(x.numpy(), ((0, 0), (1, 2), (2, 1)), mode=mode))


def test_pad_symmetric_where_f_pad_has_no_such_mode() -> None:
    x = torch.tensor([[1.0, 2.0, 3.0]])
    with pytest.raises(NotImplementedError, match="symmetric"):
        F.pad(x, (2, 2), mode="symmetric")  # type: ignore[arg-type]
    assert_matches_numpy(pad(x, 2, "symmetric"), np.pad(x.numpy(), 2, mode="symmetric"))


def test_pad_reflect_wider_than_the_axis_where_f_pad_raises() -> None:
    x = torch.tensor([[1.0, 2.0, 3.0]])
    with pytest.raises(RuntimeError, match="Padding size should be less than"):
        F.pad(x, (3, 3), mode="reflect")
    for mode in ("reflect", "symmetric", "wrap"):
        assert_matches_numpy(pad(x, 7, mode), np.pad(x.numpy(), 7, mode=mode))


def test_every_dtype_splits_and_pads_as_numpy_does() -> None:
    for dtype in ALL_DTYPES:
        a = np.arange(12).reshape(3, 4).astype(TORCH_TO_NUMPY[dtype])
        x = torch.from_numpy(a)
        assert_matches_numpy(split(x, [1, -1], axis=1), np.split(a, [1, -1], axis=1))
        assert_matches_numpy(array_split(x, 5), np.array_split(a, 5))
        for mode in ("edge", "reflect", "symmetric", "wrap"):
            assert_matches_numpy(pad(x, ((1, 5), (4, 2)), mode), np.pad(a, ((1, 5), (4, 2)), mode))
        assert_matches_numpy(pad(x, (0, 3)), np.pad(a, (0, 3)))
        values = ((1, 0), (0, 1))
        assert_matches_numpy(
            pad(x, 2, constant_values=values), np.pad(a, 2, constant_values=values)
        )


def test_pad_converts_constants_as_numpy_assigns_them() -> None:
    ints = torch.zeros(1, dtype=torch.int16)
    assert pad(ints, 1, constant_values=-2.7).tolist() == [-2, 0, -2]  # truncated
    assert pad(torch.zeros(1, dtype=torch.bool), 1, constant_values=0.5).tolist() == [1, 0, 1]
    assert pad(torch.zeros(1), (1, 0), constant_values=-0.0).signbit().tolist() == [True, False]
    # Exact, where NumPy rounds (0, 2**63 + 1) through float64 to (0, 2**63).
    wide = torch.zeros(0, dtype=torch.uint64)
    assert pad(wide, 1, constant_values=(0, 2**63 + 1)).tolist() == [0, 2**63 + 1]
    # Rounded once to float16, as NumPy does; torch's own fill rounds through float32 to 1.0.
    value = 1 + 2**-11 + 2**-40
    halves = torch.zeros(1, dtype=torch.float16)
    assert torch.full((1,), value, dtype=torch.float16).item() == 1.0
    assert_matches_numpy(
        pad(halves, 1, constant_values=value), np.pad(halves.numpy(), 1, constant_values=value)
    )


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: flip([1, 2]), TypeError, "flip: x must be a torch.Tensor, got list"),
        (
            lambda: flip(torch.ones(2), 1),
            ValueError,
            "flip: axis 1 is out of bounds for a tensor of 1 dimension",
        ),
        (
            lambda: flip(torch.ones(2, 2), (0, -2)),
            ValueError,
            r"flip: axis holds a repeated axis, got \(0, -2\)",
        ),
        (
            lambda: flip(torch.ones(2), 0.5),
            TypeError,
            "flip: axis must be a sequence of integers, got float 0.5",
        ),
        (lambda: split([1, 2], 2), TypeError, "split: x must be a torch.Tensor, got list"),
        (
            lambda: split(torch.ones(6), 4),
            ValueError,
            "split: indices_or_sections 4 does not divide axis 0 of length 6 into equal sections",
        ),
        (
            lambda: split(torch.ones(6), 0),
            ValueError,
            "split: indices_or_sections must be a positive number of sections, got 0",
        ),
        (
            lambda: split(torch.ones(6), 2.0),
            TypeError,
            "split: indices_or_sections must be an integer or a sequence of integers, "
            "got float 2.0",
        ),
        (
            lambda: split(torch.ones(6), [1, 2.5]),
            TypeError,
            r"split: indices_or_sections must be an integer or a sequence of integers, "
            r"got list \[1, 2.5\]",
        ),
        (
            lambda: split(torch.ones(6), 2, axis=1),
            ValueError,
            r"split: axis 1 is out of bounds for a tensor of 1 dimension\(s\)",
        ),
        (
            lambda: split(torch.tensor(1.0), 1),
            ValueError,
            r"split: axis 0 is out of bounds for a tensor of 0 dimension\(s\)",
        ),
        (
            lambda: array_split(torch.ones(6), -1),
            ValueError,
            "array_split: indices_or_sections must be a positive number of sections, got -1",
        ),
        (
            lambda: array_split(torch.ones(6), "3"),
            TypeError,
            "array_split: indices_or_sections must be an integer or a sequence of integers, "
            "got str '3'",
        ),
        (
            lambda: array_split(torch.ones(6), 2, axis=True),
            TypeError,
            "array_split: axis must be an integer, got bool True",
        ),
        (lambda: pad((1, 2), 1), TypeError, r"pad: x must be a torch.Tensor, got tuple \(1, 2\)"),
        (
            lambda: pad(torch.ones(2), 1.5),
            TypeError,
            "pad: pad_width must hold integers, got float 1.5",
        ),
        (
            lambda: pad(torch.ones(2), (1, -1)),
            ValueError,
            r"pad: pad_width must not hold negative widths, got \(1, -1\)",
        ),
        (
            lambda: pad(torch.ones(2, 2), ((1, 2, 3),)),
            ValueError,
            r"pad: pad_width does not broadcast to shape \(2, 2\), got \(\(1, 2, 3\),\)",
        ),
        (
            lambda: pad(torch.ones(2, 2), ((1, 2), 3)),
            ValueError,
            r"pad: pad_width is ragged, got \(\(1, 2\), 3\)",
        ),
        (
            lambda: pad(torch.ones(2), 1, "mean"),
            ValueError,
            "pad: mode must be one of 'constant', 'edge', 'reflect', 'symmetric', 'wrap', "
            "got 'mean'",
        ),
        (lambda: pad(torch.ones(2), 1, 3), TypeError, "pad: mode must be a string, got int 3"),
        (
            lambda: pad(torch.ones(2), 1, "edge", constant_values=5),
            ValueError,
            "pad: constant_values is for mode 'constant', got 5 with mode 'edge'",
        ),
        (
            lambda: pad(torch.ones(2), 1, constant_values="a"),
            TypeError,
            "pad: constant_values must hold numbers, got str 'a'",
        ),
        (
            lambda: pad(torch.ones(2, dtype=torch.int8), 1, constant_values=(0, 300)),
            ValueError,
            "pad: constant_values holds 300, which a tensor of dtype torch.int8 cannot hold",
        ),
        (
            lambda: pad(torch.ones(2), 1, constant_values=(1, 2, 3)),
            ValueError,
            r"pad: constant_values does not broadcast to shape \(1, 2\), got \(1, 2, 3\)",
        ),
        (
            lambda: pad(torch.ones(0, 2), 1, "reflect"),
            ValueError,
            "pad: cannot extend the empty axis 0 with mode 'reflect'",
        ),
    ],
)
def test_bad_input(call: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        call()  # type: ignore[operator]
