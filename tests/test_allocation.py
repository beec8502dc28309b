"""The ``Tensor.new`` family: properties, the legacy ``new`` trap, bad input."""

from __future__ import annotations

import pytest
import torch

from cookbook import cxcywh_to_xyxy, new_like, xyxy_to_cxcywh
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
