"""The confidence-masking family: properties, the notes' shapes, NaN rows, bad input."""

from __future__ import annotations

import math

import pytest
import torch

from cookbook import confidence_mask, filter_confident
from cookbook.testing.checks import Check, checks_for


@pytest.mark.parametrize("check", checks_for("masking"), ids=str)
def test_property(check: Check, device: torch.device) -> None:
    check.run(device)


def test_notes_mask_shapes() -> None:
    prediction = torch.rand(2, 3, 5)
    mask = prediction[:, :, 4] > 0.5
    assert mask.shape == (2, 3)
    assert mask.unsqueeze(2).shape == (2, 3, 1)
    assert confidence_mask(prediction, 0.5).shape == (2, 3, 5)


def test_nan_rows_are_cleared_where_a_01_mask_leaves_them(device: torch.device) -> None:
    pred = torch.tensor(
        [[math.nan, math.inf, 0.0, 0.0, 0.1], [1.0, 2.0, 3.0, 4.0, 0.9]], device=device
    )
    by_multiplication = pred * (pred[:, 4] > 0.5).float().unsqueeze(1)
    assert torch.isnan(by_multiplication[0]).any()
    masked = confidence_mask(pred, 0.5)
    assert masked[0].tolist() == [0.0] * 5
    assert torch.equal(masked[1], pred[1])


def test_integer_predictions_compare_like_numpy() -> None:
    # float32 rounds 16777217 to 16777216; NumPy compares in float64, and so does the recipe.
    pred = torch.tensor([[16777217]])
    assert confidence_mask(pred, 16777216.5, conf_index=0).item() == 16777217


@pytest.mark.parametrize("recipe", [confidence_mask, filter_confident])
def test_bad_input(recipe: object) -> None:
    name = recipe.__name__  # type: ignore[attr-defined]
    pred = torch.zeros(2, 3, 5)
    with pytest.raises(ValueError, match=f"{name}: conf_index 5 is out of bounds"):
        recipe(pred, 0.5, conf_index=5)  # type: ignore[operator]
    with pytest.raises(TypeError, match=f"{name}: threshold must be a real number, got str '0.5'"):
        recipe(pred, "0.5")  # type: ignore[operator]
    with pytest.raises(TypeError, match="threshold must be a real number, got bool"):
        recipe(pred, True)  # type: ignore[operator]
    with pytest.raises(TypeError, match=f"{name}: pred must be a torch.Tensor"):
        recipe([[0.0] * 5], 0.5)  # type: ignore[operator]
    with pytest.raises(TypeError, match="pred must be real"):
        recipe(pred.to(torch.complex64), 0.5)  # type: ignore[operator]


def test_shape_errors() -> None:
    with pytest.raises(ValueError, match="confidence_mask: pred must have at least 1 dimension"):
        confidence_mask(torch.tensor(1.0), 0.5)
    with pytest.raises(
        ValueError, match=r"filter_confident: pred must have shape \(B, N, C\), got \(3, 5\)"
    ):
        filter_confident(torch.zeros(3, 5), 0.5)


def test_integer_thresholds_outside_the_dtype_compare_by_value() -> None:
    pred = torch.tensor([[1, 200]], dtype=torch.uint8)
    assert confidence_mask(pred, -1, conf_index=1).tolist() == [[1, 200]]  # torch alone: 255
    assert confidence_mask(pred, 300, conf_index=1).tolist() == [[0, 0]]
