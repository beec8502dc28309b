"""Checks of the confidence-masking family against ``np.where`` and boolean indexing."""

from __future__ import annotations

import numpy as np
import torch
from hypothesis import strategies as st

from cookbook.masking import confidence_mask, filter_confident
from cookbook.testing.checks import Bench, Case, Drawer, Example, Recipe, Workload
from cookbook.testing.strategies import NUMERIC_DTYPES, WIDE_UNSIGNED_DTYPES, shapes
from cookbook.testing.workloads import detections

DTYPES = st.sampled_from((*NUMERIC_DTYPES, *WIDE_UNSIGNED_DTYPES))
# Thresholds near the drawn values, whole and fractional, so both sides of ">" occur.
THRESHOLDS = (
    st.integers(-3, 3) | st.floats(-3, 3) | st.sampled_from((0.5, float("nan"), float("-inf")))
)


def _prediction(draw: Drawer, batch_dims: st.SearchStrategy[tuple[int, ...]]) -> Example:
    columns = draw(st.integers(1, 7), label="C")
    shape = (*draw(batch_dims, label="batch shape"), columns)
    pred = draw.tensor(DTYPES, shape, label="pred")
    conf_index = draw(st.integers(-columns, columns - 1), label="conf_index")
    return (pred, draw(THRESHOLDS, label="threshold")), {"conf_index": conf_index}


def _mask_example(draw: Drawer) -> Example:
    return _prediction(draw, shapes(max_dims=2))


def _mask_oracle(pred: np.ndarray, threshold: float, *, conf_index: int) -> np.ndarray:
    keep = pred[..., conf_index : conf_index + 1 or None] > threshold
    return np.where(keep, pred, np.zeros((), dtype=pred.dtype))


def _filter_example(draw: Drawer) -> Example:
    return _prediction(draw, shapes(min_dims=2, max_dims=2))


def _filter_oracle(pred: np.ndarray, threshold: float, *, conf_index: int) -> list[np.ndarray]:
    return [p[p[:, conf_index] > threshold] for p in pred]


def _confidence_mask_workload(n: int, d: torch.device) -> Workload:
    pred = detections(n, d)
    return (lambda: confidence_mask(pred, 0.5)), (lambda: pred * (pred[..., 4] > 0.5).unsqueeze(-1))


def _filter_confident_workload(n: int, d: torch.device) -> Workload:
    pred = detections(n, d)
    return (lambda: filter_confident(pred, 0.5)), (lambda: [p[p[:, 4] > 0.5] for p in pred])


RECIPES = [
    Recipe(
        confidence_mask,
        numpy="np.where(p[..., 4:5] > t, p, 0)",
        call="confidence_mask(p, t)",
        torch="p * (p[..., 4:5] > t)  # keeps NaN",
        kind="compute",
        bench=Bench(
            "pred * (pred[..., 4] > t).unsqueeze(-1)",
            _confidence_mask_workload,
            overhead="torch.where clears NaN rows; the cheaper bare multiply keeps them",
        ),
        cases=(Case(confidence_mask, _mask_example, _mask_oracle),),
    ),
    Recipe(
        filter_confident,
        compile_flags={"capture_dynamic_output_shape_ops": True},
        numpy="p[p[..., 4] > t]",
        call="filter_confident(p, t)",
        torch="p[p[..., 4] > t]",
        kind="compute",
        bench=Bench(
            "[p[p[:, 4] > t] for p in pred]",
            _filter_confident_workload,
            overhead="checks pred's dtype, rank and column, and the threshold's type",
        ),
        cases=(Case(filter_confident, _filter_example, _filter_oracle),),
        host_sync="the result's length depends on the values",
    ),
]
