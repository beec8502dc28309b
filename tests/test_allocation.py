"""The ``Tensor.new`` family: properties, the legacy ``new`` trap, bad input."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest
import torch
from doubles import spy_on

from cookbook import allocation, cxcywh_to_xyxy, new_like, xyxy_to_cxcywh
from cookbook.testing import assert_matches_numpy
from cookbook.testing.checks import Check, checks_for


@pytest.mark.parametrize("check", checks_for("new"), ids=str)
def test_property(check: Check, device: torch.device) -> None:
    check.run(device)


def test_legacy_new_reads_size_as_shape_and_list_as_data() -> None:
    x = torch.zeros(1)
    assert x.new(torch.Size([2])).shape == (2,)
    assert x.new([2]).tolist() == [2.0]
    assert new_like(x, torch.Size([2])).shape == new_like(x, [2]).shape == (2,)


def test_new_like_follows_dtype_and_device_but_not_grad(device: torch.device) -> None:
    x = torch.zeros(3, dtype=torch.float64, device=device, requires_grad=True)
    made = new_like(x, (2, 2), fill_value=1.5)
    assert made.dtype == torch.float64
    assert made.device == x.device
    assert not made.requires_grad


def test_yolov3_box_corner_step_leaves_its_input_alone(device: torch.device) -> None:
    prediction = torch.tensor([[[5.0, 5.0, 4.0, 2.0, 0.9, 0.1]]], device=device)
    before = prediction.clone()
    corners = cxcywh_to_xyxy(prediction)
    assert corners.tolist() == [[[3.0, 4.0, 7.0, 6.0, 0.9, 0.1]]] or torch.allclose(
        corners.cpu(), torch.tensor([[[3.0, 4.0, 7.0, 6.0, 0.9, 0.1]]])
    )
    assert torch.equal(prediction, before)
    assert torch.equal(xyxy_to_cxcywh(corners), prediction)


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: new_like([1.0], (2,)), TypeError, "new_like: x must be a torch.Tensor, got list"),
        (
            lambda: new_like(torch.ones(1), (2, -1)),
            ValueError,
            r"new_like: shape must not hold negative sizes, got \(2, -1\)",
        ),
        (lambda: new_like(torch.ones(1), "2"), TypeError, "new_like: shape must be a sequence"),
        (
            lambda: new_like(torch.ones(1), (2,), fill_value="1"),
            TypeError,
            "new_like: fill_value must be a number, got str '1'",
        ),
        (
            lambda: cxcywh_to_xyxy(torch.ones(3, 3)),
            ValueError,
            r"cxcywh_to_xyxy: boxes must have shape \(\.\.\., C\) with C >= 4, got \(3, 3\)",
        ),
        (
            lambda: cxcywh_to_xyxy(torch.ones(3, 4, dtype=torch.int64)),
            TypeError,
            "boxes must be floating point, got dtype torch.int64",
        ),
        (
            lambda: cxcywh_to_xyxy([[0.0] * 4]),
            TypeError,
            "cxcywh_to_xyxy: boxes must be a torch.Tensor",
        ),
        (
            lambda: xyxy_to_cxcywh(torch.tensor(1.0)),
            ValueError,
            r"xyxy_to_cxcywh: boxes must have shape .* got \(\)",
        ),
        (lambda: xyxy_to_cxcywh(torch.ones(2, 4, dtype=torch.int32)), TypeError, "floating point"),
        (lambda: xyxy_to_cxcywh(None), TypeError, "xyxy_to_cxcywh: boxes must be a torch.Tensor"),
    ],
)
def test_bad_input(call: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        call()  # type: ignore[operator]


def _general_path_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(value: object, *args: object, **kwargs: object) -> tuple[int, ...]:
        raise AssertionError(f"general path taken for shape {value!r}")

    monkeypatch.setattr(allocation, "as_shape", refuse)


@pytest.mark.parametrize("shape", [(2, 3), (0,), ()], ids=str)
@pytest.mark.parametrize(
    ("fill_value", "dtype"),
    [(7, torch.int64), (-2, torch.int32), (1.5, torch.float64), (0.25, torch.float32)],
    ids=str,
)
def test_fast_path_new_like_with_a_tuple_and_an_int_or_float_fill_is_bare_new_full(
    monkeypatch: pytest.MonkeyPatch, shape: tuple[int, ...], fill_value: float, dtype: torch.dtype
) -> None:
    _general_path_refused(monkeypatch)
    made = new_like(torch.zeros(1, dtype=dtype), shape, fill_value=fill_value)
    assert_matches_numpy(made, np.full(shape, fill_value, dtype=made.numpy().dtype))
    assert made.dtype == dtype


@pytest.mark.parametrize("shape", [(2, 3), (0,), ()], ids=str)
def test_fast_path_new_like_with_a_tuple_and_no_fill_is_bare_new_empty(
    monkeypatch: pytest.MonkeyPatch, shape: tuple[int, ...]
) -> None:
    _general_path_refused(monkeypatch)
    made = new_like(torch.zeros(1, dtype=torch.float16), shape)
    assert (made.shape, made.dtype) == (shape, torch.float16)


@pytest.mark.parametrize(
    ("shape", "fill_value", "expected"),
    [
        ([2, 3], 1.5, np.full((2, 3), 1.5)),
        (torch.Size([2, 3]), 1.5, np.full((2, 3), 1.5)),
        (4, 1.5, np.full((4,), 1.5)),
        ((2,), True, np.full((2,), 1.0)),
        ((2,), np.float64(2.5), np.full((2,), 2.5)),
        ((2,), np.int64(3), np.full((2,), 3.0)),
    ],
    ids=["list", "torch.Size", "int", "bool fill", "numpy float fill", "numpy int fill"],
)
def test_general_path_new_like_reads_other_shapes_and_fills(
    monkeypatch: pytest.MonkeyPatch, shape: object, fill_value: object, expected: np.ndarray
) -> None:
    spy = spy_on(monkeypatch, allocation, "as_shape")
    made = new_like(torch.zeros(1, dtype=torch.float64), shape, fill_value=fill_value)
    assert_matches_numpy(made, expected)
    assert [args[0] for args in spy.args] == [shape]


@pytest.mark.parametrize("convert", [cxcywh_to_xyxy, xyxy_to_cxcywh])
@pytest.mark.parametrize(
    "boxes",
    [
        torch.arange(18.0).reshape(6, 3).T,  # transposed: column-major
        torch.arange(60.0).reshape(2, 3, 2, 5).contiguous(memory_format=torch.channels_last),
    ],
    ids=["transposed", "channels_last"],
)
def test_box_conversions_return_c_contiguous_tensors_whatever_the_input_layout(
    convert: Callable[[torch.Tensor], torch.Tensor], boxes: torch.Tensor
) -> None:
    # Like np.concatenate, a new C-ordered array: .view() on the result works.
    assert not boxes.is_contiguous()
    converted = convert(boxes)
    assert converted.is_contiguous()
    assert converted.view(-1).shape == (boxes.numel(),)
    assert torch.equal(converted, convert(boxes.contiguous()))
