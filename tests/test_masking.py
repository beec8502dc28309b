"""The confidence-masking family: properties, the notes' shapes, NaN rows, bad input."""

from __future__ import annotations

import importlib
import math
import re

import numpy as np
import pytest
import torch
from doubles import forbidden, spy_on

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


MASKING = importlib.import_module("cookbook.masking")


def _numpy_mask(pred: np.ndarray, threshold: float, conf_index: int) -> np.ndarray:
    keep = pred[..., [conf_index]] > threshold
    return np.where(keep, pred, np.zeros((), dtype=pred.dtype))


def _numpy_filter(pred: np.ndarray, threshold: float, conf_index: int) -> list[np.ndarray]:
    return [p[p[:, conf_index] > threshold] for p in pred]


def _assert_same(result: torch.Tensor, expected: np.ndarray, dtype: torch.dtype) -> None:
    assert result.dtype == dtype
    assert result.shape == expected.shape
    assert result.cpu().numpy().tolist() == expected.tolist()


# Whole results against NumPy with the confidence just below, at and just above the
# threshold (so ">" and ">=" differ), for every route through the comparison.
BOUNDARY_CASES = [
    # (dtype, confidences, threshold): each confidence sits in column 1 of its own row.
    pytest.param(torch.float32, [1.0, 2.0, 3.0], 2.0, id="float32-float-threshold"),
    pytest.param(torch.float64, [1.0, 2.0, 3.0], 2, id="float64-int-threshold"),
    pytest.param(torch.float32, [-1.0, 0.0, 1.0], 0, id="float32-int-threshold-zero"),
    pytest.param(torch.bool, [False, True, True], 1, id="bool-int-threshold-1"),
    pytest.param(torch.bool, [False, False, True], 0, id="bool-int-threshold-0"),
    pytest.param(torch.int64, [1, 2, 3], 2.0, id="int64-float-threshold"),
    pytest.param(torch.int32, [1, 2, 3], 2.5, id="int32-fractional-threshold"),
    pytest.param(torch.int64, [1, 2, 3], 2, id="int64-int-threshold"),
    pytest.param(torch.int16, [-3, -2, -1], -2, id="int16-negative-threshold"),
    pytest.param(torch.int8, [126, 127, -128], 127, id="int8-threshold-at-max"),
    pytest.param(torch.uint8, [0, 254, 255], 254, id="uint8-int-threshold"),
    pytest.param(torch.uint8, [0, 254, 255], 255, id="uint8-threshold-at-max"),
    pytest.param(torch.uint16, [1, 2, 65535], 2, id="uint16-int-threshold"),
    pytest.param(torch.uint32, [1, 2**31, 2**32 - 1], 2**31, id="uint32-int-threshold"),
    pytest.param(torch.uint64, [0, 2**63 - 1, 2**63], 2**63 - 1, id="uint64-below-2**63"),
    pytest.param(torch.uint64, [2**63 - 1, 2**63, 2**63 + 1], 2**63, id="uint64-at-2**63"),
    pytest.param(torch.uint64, [2**63, 2**63 + 1, 2**64 - 1], 2**63 + 1, id="uint64-above-2**63"),
    pytest.param(torch.uint64, [0, 2**64 - 2, 2**64 - 1], 2**64 - 2, id="uint64-near-max"),
    pytest.param(torch.uint64, [0, 2**63, 2**64 - 1], 2**64 - 1, id="uint64-threshold-at-max"),
]


def _boundary_pred(dtype: torch.dtype, confidences: list) -> torch.Tensor:
    """Tensor[1, 3, 3]: row r is (r + 1, confidences[r], 7) in ``dtype`` (bool: True, c, True)."""
    if dtype == torch.bool:
        rows = [[True, c, True] for c in confidences]
    else:
        rows = [[r + 1, c, 7] for r, c in enumerate(confidences)]
    return torch.tensor([rows], dtype=dtype)


@pytest.mark.parametrize(("dtype", "confidences", "threshold"), BOUNDARY_CASES)
def test_confidence_mask_keeps_only_rows_strictly_above_the_threshold(
    dtype: torch.dtype, confidences: list, threshold: float
) -> None:
    pred = _boundary_pred(dtype, confidences)
    expected = _numpy_mask(pred.numpy(), threshold, 1)
    # The row whose confidence equals the threshold is dropped, the one above it kept.
    assert expected[0, :, 1].tolist() == [c if c > threshold else type(c)(0) for c in confidences]
    _assert_same(confidence_mask(pred, threshold, conf_index=1), expected, dtype)
    _assert_same(confidence_mask(pred, threshold, conf_index=-2), expected, dtype)


@pytest.mark.parametrize(("dtype", "confidences", "threshold"), BOUNDARY_CASES)
def test_filter_confident_keeps_only_rows_strictly_above_the_threshold(
    dtype: torch.dtype, confidences: list, threshold: float
) -> None:
    pred = _boundary_pred(dtype, confidences)
    (expected,) = _numpy_filter(pred.numpy(), threshold, 1)
    (kept,) = filter_confident(pred, threshold, conf_index=1)
    assert len(expected) == sum(c > threshold for c in confidences)
    _assert_same(kept, expected, dtype)


def test_confidence_mask_of_bool_pred_clears_dropped_rows_and_keeps_the_rest() -> None:
    pred = torch.tensor([[False, True, True], [True, False, False], [False, False, True]])
    masked = confidence_mask(pred, 0, conf_index=2)
    assert masked.dtype == torch.bool
    assert masked.tolist() == [[False, True, True], [False, False, False], [False, False, True]]


@pytest.mark.parametrize("rows", [1, 1000, 1025, 3000])
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64, torch.float16, torch.bfloat16])
def test_confidence_mask_of_large_float_pred_matches_numpy_bit_for_bit(
    rows: int, dtype: torch.dtype
) -> None:
    # 4 columns: 1000 rows hold 4000 elements, 1025 rows 4100 (above torch.where's cutoff).
    generator = torch.Generator().manual_seed(rows)
    pred = torch.rand(rows, 4, generator=generator, dtype=torch.float64)
    pred[::3, 3] = 0.5  # confidence equal to the threshold: dropped
    pred[1::7, 0] = math.nan  # NaN and inf in both kept and dropped rows
    pred[2::5, 1] = -math.inf
    pred = pred.to(dtype)
    masked = confidence_mask(pred, 0.5, conf_index=3)
    expected = _numpy_mask(pred.to(torch.float64).numpy(), 0.5, 3)
    assert masked.dtype == dtype
    assert masked.shape == pred.shape
    assert np.array_equal(masked.to(torch.float64).numpy(), expected, equal_nan=True)
    # Dropped rows are +0.0 bit for bit, kept rows are pred's bits.
    signed = {2: torch.int16, 4: torch.int32, 8: torch.int64}[pred.element_size()]
    keep = pred[:, 3] > 0.5
    assert torch.equal(masked[keep].view(signed), pred[keep].view(signed))
    assert not masked[~keep].view(signed).any()


def test_filter_confident_refuses_a_4d_pred_with_the_whole_message() -> None:
    message = "filter_confident: pred must have shape (B, N, C), got (2, 3, 4, 5)"
    with pytest.raises(ValueError, match=re.escape(message) + "$"):
        filter_confident(torch.zeros(2, 3, 4, 5), 0.5)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64, torch.float16, torch.bfloat16])
@pytest.mark.parametrize("conf_index", [4, -1])
def test_fast_path_confidence_mask_of_float_pred_skips_the_general_checks(
    monkeypatch: pytest.MonkeyPatch, dtype: torch.dtype, conf_index: int
) -> None:
    monkeypatch.setattr(MASKING, "_confident", forbidden)
    monkeypatch.setattr(MASKING, "_cleared", forbidden)  # small: torch.where, not the AND
    pred = torch.tensor([[0.0, 1.0, 2.0, 3.0, 0.9], [math.nan, 1.0, 2.0, 3.0, 0.5]], dtype=dtype)
    masked = confidence_mask(pred, 0.5, conf_index=conf_index)
    assert masked.dtype == dtype
    assert masked.tolist() == [[0.0, 1.0, 2.0, 3.0, pred[0, 4].item()], [0.0] * 5]


def test_fast_path_confidence_mask_uses_torch_where_up_to_small_and_the_and_above(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(MASKING, "_confident", forbidden)
    spy = spy_on(monkeypatch, MASKING, "_cleared")
    at_cutoff = torch.ones(MASKING._SMALL // 4, 4)
    assert torch.equal(confidence_mask(at_cutoff, 0.5, conf_index=0), at_cutoff)
    assert spy.calls == 0
    above_cutoff = torch.ones(MASKING._SMALL // 4 + 1, 4)
    above_cutoff[-1, 0] = 0.5
    expected = above_cutoff.clone()
    expected[-1] = 0.0
    assert torch.equal(confidence_mask(above_cutoff, 0.5, conf_index=0), expected)
    assert spy.calls == 1


@pytest.mark.parametrize(
    ("pred", "threshold", "conf_index"),
    [
        pytest.param(torch.ones(2, 5), 0, 4, id="int-threshold"),
        pytest.param(torch.ones(2, 5), 0.5, np.int64(4), id="numpy-conf-index"),
        pytest.param(torch.ones(2, 5, dtype=torch.int64), 0.5, 4, id="integer-pred"),
        pytest.param(torch.ones(2, 5, dtype=torch.bool), 0.5, 4, id="bool-pred"),
    ],
)
def test_confidence_mask_outside_the_fast_path_reaches_the_general_checks(
    monkeypatch: pytest.MonkeyPatch, pred: torch.Tensor, threshold: float, conf_index: int
) -> None:
    spy = spy_on(monkeypatch, MASKING, "_confident")
    assert torch.equal(confidence_mask(pred, threshold, conf_index=conf_index), pred)
    assert spy.calls == 1


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64, torch.float16, torch.bfloat16])
def test_fast_path_filter_confident_of_3d_float_pred_skips_the_general_checks(
    monkeypatch: pytest.MonkeyPatch, dtype: torch.dtype
) -> None:
    monkeypatch.setattr(MASKING, "_confident", forbidden)
    monkeypatch.setattr(MASKING, "as_signed_bits", forbidden)
    pred = torch.tensor([[[0.0, 0.9], [1.0, 0.5]], [[2.0, 0.7], [3.0, 0.8]]], dtype=dtype)
    kept = filter_confident(pred, 0.5, conf_index=1)
    assert [k.dtype for k in kept] == [dtype, dtype]
    assert [k[:, 0].tolist() for k in kept] == [[0.0], [2.0, 3.0]]


@pytest.mark.parametrize(
    ("pred", "threshold", "conf_index"),
    [
        pytest.param(torch.ones(2, 3, 5), 0, 4, id="int-threshold"),
        pytest.param(torch.ones(2, 3, 5), 0.5, np.int64(4), id="numpy-conf-index"),
        pytest.param(torch.ones(2, 3, 5, dtype=torch.uint16), 0, 4, id="uint16-pred"),
    ],
)
def test_filter_confident_outside_the_fast_path_reaches_the_general_checks(
    monkeypatch: pytest.MonkeyPatch, pred: torch.Tensor, threshold: float, conf_index: int
) -> None:
    spy = spy_on(monkeypatch, MASKING, "_confident")
    kept = filter_confident(pred, threshold, conf_index=conf_index)
    assert [k.tolist() for k in kept] == [p.tolist() for p in pred]
    assert spy.calls == 1
