"""The shape-plumbing family: properties, the notes' example, bad input."""

from __future__ import annotations

import random

import numpy as np
import pytest
import torch

from cookbook import concatenate, expand_dims, squeeze, stack
from cookbook.testing import ALL_DTYPES
from cookbook.testing.checks import Check, checks_for


@pytest.mark.parametrize("axis", [np.int64(1), np.array(1), torch.tensor(1)], ids=type)
def test_expand_dims_takes_a_0d_integer_axis_as_numpy_does(axis: object) -> None:
    x = torch.arange(6).reshape(2, 3)
    assert expand_dims(x, axis).shape == np.expand_dims(x.numpy(), axis).shape == (2, 1, 3)


@pytest.mark.parametrize("axis", [np.int64(0), np.array(-1), torch.tensor(0)], ids=type)
def test_squeeze_of_a_0d_tensor_takes_a_0d_integer_axis_as_numpy_does(axis: object) -> None:
    x = torch.tensor(5.0)
    assert squeeze(x, axis).shape == np.squeeze(x.numpy(), axis=axis).shape == ()


@pytest.mark.parametrize("check", checks_for("plumbing"), ids=str)
def test_property(check: Check, device: torch.device) -> None:
    check.run(device)


def test_notes_indexing_drops_an_axis() -> None:
    a = np.zeros((2, 3, 5))
    x = torch.zeros(2, 3, 5)
    assert a[:, :, 4].shape == (2, 3) == tuple(x[:, :, 4].shape)
    assert tuple(expand_dims(x[:, :, 4], -1).shape) == (2, 3, 1) == a[:, :, 4:5].shape


def test_squeeze_raises_where_torch_ignores(device: torch.device) -> None:
    x = torch.zeros(4, 3, device=device)
    assert x.squeeze(0).shape == (4, 3)  # silently unchanged
    with pytest.raises(ValueError, match="has size 4, not 1"):
        squeeze(x, axis=0)
    assert squeeze(x[:1], axis=0).shape == (3,)


def test_concatenate_promotes_like_numpy() -> None:
    a = torch.tensor([1, 2])
    b = torch.tensor([0.5], dtype=torch.float32)
    assert torch.cat([a, b]).dtype == torch.float32
    assert concatenate([a, b]).dtype == torch.float64
    assert np.concatenate([a.numpy(), b.numpy()]).dtype == np.float64


def test_concatenate_refuses_what_torch_cat_skips() -> None:
    assert torch.cat([torch.zeros(0), torch.zeros(2, 2)]).shape == (2, 2)  # legacy skip
    with pytest.raises(ValueError, match=r"has 2 dimension\(s\) but tensors\[0\] has 1"):
        concatenate([torch.zeros(0), torch.zeros(2, 2)])


def test_views_and_copies() -> None:
    x = torch.zeros(1, 3)
    assert squeeze(x).untyped_storage().data_ptr() == x.untyped_storage().data_ptr()
    assert expand_dims(x, (0, 3)).shape == (1, 1, 3, 1)
    assert expand_dims(x, 0).untyped_storage().data_ptr() == x.untyped_storage().data_ptr()
    assert concatenate([x]).untyped_storage().data_ptr() != x.untyped_storage().data_ptr()
    assert stack([x, x], axis=-1).shape == (1, 3, 2)


def test_squeeze_of_0d_accepts_axis_0_as_numpy_does() -> None:
    x = torch.tensor(5)
    assert squeeze(x, axis=0).shape == np.squeeze(np.array(5), axis=0).shape == ()
    with pytest.raises(ValueError, match="out of bounds"):
        squeeze(x, axis=(0,))


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: concatenate([]),
            ValueError,
            "concatenate: tensors must hold at least one tensor, got none",
        ),
        (
            lambda: concatenate(torch.zeros(2, 2)),
            TypeError,
            "concatenate: tensors must be a list or tuple of tensors, got Tensor",
        ),
        (
            lambda: concatenate([torch.zeros(2), [1.0]]),
            TypeError,
            r"concatenate: tensors\[1\] must be a torch.Tensor, got list",
        ),
        (
            lambda: concatenate([torch.zeros(2, 3), torch.zeros(3, 2)]),
            ValueError,
            r"concatenate: tensors\[1\] has shape \(3, 2\) but tensors\[0\] has \(2, 3\); they may differ only along axis 0",
        ),
        (
            lambda: concatenate([torch.tensor(1), torch.tensor(2)]),
            ValueError,
            "concatenate: 0-d tensors cannot be concatenated",
        ),
        (
            lambda: concatenate([torch.zeros(2)], axis=1),
            ValueError,
            r"concatenate: axis 1 is out of bounds for a tensor of 1 dimension\(s\)",
        ),
        (
            lambda: concatenate([torch.zeros(2)], axis=0.0),
            TypeError,
            "concatenate: axis must be an integer, got float 0.0",
        ),
        (lambda: stack([]), ValueError, "stack: tensors must hold at least one tensor"),
        (
            lambda: stack("ab"),
            TypeError,
            r"stack: tensors\[0\] must be a torch.Tensor, got str 'a'",
        ),
        (
            lambda: stack([torch.zeros(2), torch.zeros(3)]),
            ValueError,
            r"stack: tensors\[1\] has shape \(3,\) but tensors\[0\] has \(2,\)",
        ),
        (
            lambda: stack([torch.zeros(2)], axis=2),
            ValueError,
            r"stack: axis 2 is out of bounds for a tensor of 2 dimension\(s\)",
        ),
        (
            lambda: squeeze(np.zeros((1, 2))),
            TypeError,
            "squeeze: x must be a torch.Tensor, got ndarray",
        ),
        (
            lambda: squeeze(torch.zeros(1, 2), axis=1),
            ValueError,
            r"squeeze: axis 1 of x \(shape \(1, 2\)\) has size 2, not 1",
        ),
        (
            lambda: squeeze(torch.zeros(1, 2), axis=(0, 0)),
            ValueError,
            r"squeeze: axis holds a repeated axis, got \(0, 0\)",
        ),
        (
            lambda: squeeze(torch.zeros(1, 2), axis="0"),
            TypeError,
            "squeeze: axis must be a sequence of integers, got str '0'",
        ),
        (
            lambda: expand_dims(None, 0),
            TypeError,
            "expand_dims: x must be a torch.Tensor, got NoneType",
        ),
        (
            lambda: expand_dims(torch.zeros(2), 2),
            ValueError,
            r"expand_dims: axis 2 is out of bounds for a tensor of 2 dimension\(s\)",
        ),
        (
            lambda: expand_dims(torch.zeros(2), (0, -3)),
            ValueError,
            r"expand_dims: axis holds a repeated axis, got \(0, -3\)",
        ),
        (
            lambda: expand_dims(torch.zeros(2), 1.0),
            TypeError,
            "expand_dims: axis must be a sequence of integers, got float 1.0",
        ),
    ],
)
def test_bad_input(call: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        call()  # type: ignore[operator]


def test_many_operands_promote_as_numpy_does_not_pairwise() -> None:
    """NumPy's result type over three or more dtypes is not a fold of two-operand promotion."""
    rng = random.Random(0)
    for dtypes in [
        (torch.uint8, torch.int8, torch.float16),
        *(tuple(rng.sample(ALL_DTYPES, 3)) for _ in range(300)),
    ]:
        tensors = [torch.zeros(1, dtype=dtype) for dtype in dtypes]
        arrays = [tensor.numpy() for tensor in tensors]
        expected = np.concatenate(arrays).dtype
        assert concatenate(tensors).numpy().dtype == expected, dtypes
        assert stack(tensors).numpy().dtype == np.stack(arrays).dtype == expected, dtypes
