"""Checks of the confidence-masking family against ``np.where`` and boolean indexing."""

from __future__ import annotations

from typing import Any

import numpy as np
from hypothesis import strategies as st

from cookbook.masking import confidence_mask, filter_confident
from cookbook.testing.checks import Case, Drawer, Example
from cookbook.testing.strategies import NUMERIC_DTYPES, shapes

DTYPES = st.sampled_from(NUMERIC_DTYPES)
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


CASES = [
    Case(confidence_mask, _mask_example, _mask_oracle),
    Case(filter_confident, _filter_example, _filter_oracle),
]
PROPERTIES: dict[tuple[str, str], Any] = {}
