"""Checks of the ``Tensor.new`` family against ``np.full``/``np.empty`` and the box formulas."""

from __future__ import annotations

from typing import Any

import numpy as np
import torch
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from cookbook._dtypes import TORCH_TO_NUMPY
from cookbook.allocation import cxcywh_to_xyxy, new_like, xyxy_to_cxcywh
from cookbook.testing.assertions import assert_matches_numpy
from cookbook.testing.checks import Bench, Case, Drawer, Example, Recipe, Route, Workload
from cookbook.testing.strategies import ALL_DTYPES, FLOAT_DTYPES, shapes
from cookbook.testing.workloads import detections, floats, yolov3_centres, yolov3_corners


def _new_like_arguments(draw: Drawer) -> tuple[torch.Tensor, Any]:
    dtype = draw(st.sampled_from(ALL_DTYPES), label="dtype")
    x = draw.tensor(dtype, shapes(max_dims=3), label="x")
    if dtype.is_floating_point and draw(st.booleans(), label="requires_grad"):
        x = x.detach().requires_grad_()
    return x, draw(shapes(max_dims=3) | st.integers(0, 4), label="shape")


def _filled_example(draw: Drawer) -> Example:
    x, shape = _new_like_arguments(draw)
    fill = draw(
        hnp.from_dtype(TORCH_TO_NUMPY[x.dtype]).map(lambda value: value.item()), label="fill_value"
    )
    return (x, shape), {"fill_value": fill}


def _empty_example(draw: Drawer) -> Example:
    return _new_like_arguments(draw), {}


def _filled_oracle(x: np.ndarray, shape: Any, *, fill_value: Any) -> np.ndarray:
    return np.full(shape, fill_value, dtype=x.dtype)


def _empty_oracle(x: np.ndarray, shape: Any) -> np.ndarray:
    return np.empty(shape, dtype=x.dtype)


def _compare_filled(actual: torch.Tensor, expected: np.ndarray) -> None:
    if actual.requires_grad:
        raise AssertionError("new_like's result requires grad")
    assert_matches_numpy(actual, expected)


def _compare_empty(actual: torch.Tensor, expected: np.ndarray) -> None:
    """Uninitialised memory: only shape, dtype and requires_grad are promised."""
    if actual.requires_grad:
        raise AssertionError("new_like's result requires grad")
    assert_matches_numpy(torch.zeros_like(actual), np.zeros_like(expected))


def _boxes_example(draw: Drawer) -> Example:
    shape = (*draw(shapes(max_dims=2), label="batch shape"), draw(st.integers(4, 7), label="C"))
    return (draw.tensor(st.sampled_from(FLOAT_DTYPES), shape, label="boxes"),), {}


def _cxcywh_to_xyxy_oracle(boxes: np.ndarray) -> np.ndarray:
    cx, cy, w, h = (boxes[..., column] for column in range(4))
    corners = np.stack((cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2), axis=-1)
    return np.concatenate((corners, boxes[..., 4:]), axis=-1)


def _xyxy_to_cxcywh_oracle(boxes: np.ndarray) -> np.ndarray:
    x1, y1, x2, y2 = (boxes[..., column] for column in range(4))
    centres = np.stack(((x1 + x2) / 2, (y1 + y2) / 2, x2 - x1, y2 - y1), axis=-1)
    return np.concatenate((centres, boxes[..., 4:]), axis=-1)


def _new_like_workload(n: int, d: torch.device) -> Workload:
    x = floats(4, device=d)
    return (lambda: new_like(x, (n,), fill_value=1.0)), (lambda: x.new_full((n,), 1.0))


def _cxcywh_to_xyxy_workload(n: int, d: torch.device) -> Workload:
    pred = detections(n, d)
    return (lambda: cxcywh_to_xyxy(pred)), (lambda: yolov3_corners(pred))


def _xyxy_to_cxcywh_workload(n: int, d: torch.device) -> Workload:
    pred = detections(n, d)
    return (lambda: xyxy_to_cxcywh(pred)), (lambda: yolov3_centres(pred))


def _torchvision_box_convert(d: torch.device) -> Workload:
    from torchvision.ops import box_convert

    boxes = detections(10**6, d)[..., :4].contiguous()
    return (lambda: cxcywh_to_xyxy(boxes)), (lambda: box_convert(boxes, "cxcywh", "xyxy"))


_DETECTIONS_AT_A_MILLION = 10**6 // 85


RECIPES = [
    Recipe(
        new_like,
        numpy="np.full(shape, v, a.dtype)",
        call="new_like(x, shape, v)",
        torch="x.new_full(shape, v)",
        kind="compute",
        bench=Bench("x.new_full", _new_like_workload),
        cases=(
            Case(
                new_like, _filled_example, _filled_oracle, variant="filled", compare=_compare_filled
            ),
            Case(new_like, _empty_example, _empty_oracle, variant="empty", compare=_compare_empty),
        ),
    ),
    Recipe(
        cxcywh_to_xyxy,
        numpy="np.concatenate([c - wh / 2, c + wh / 2], -1)",
        call="cxcywh_to_xyxy(b)",
        torch="torchvision.ops.box_convert",
        kind="copy",
        bench=Bench("YOLOv3 prediction.new(shape) route", _cxcywh_to_xyxy_workload),
        cases=(Case(cxcywh_to_xyxy, _boxes_example, _cxcywh_to_xyxy_oracle),),
        routes=(
            Route(
                "YOLOv3 prediction.new(shape) route",
                _DETECTIONS_AT_A_MILLION * 85,
                lambda d: _cxcywh_to_xyxy_workload(10**6, d),
            ),
            Route(
                "torchvision.ops.box_convert",
                _DETECTIONS_AT_A_MILLION * 4,
                _torchvision_box_convert,
                needs="torchvision",
            ),
        ),
    ),
    Recipe(
        xyxy_to_cxcywh,
        numpy="np.concatenate([(p0 + p1) / 2, p1 - p0], -1)",
        call="xyxy_to_cxcywh(b)",
        torch="torchvision.ops.box_convert",
        kind="copy",
        bench=Bench("YOLOv3 prediction.new(shape) route, inverted", _xyxy_to_cxcywh_workload),
        cases=(Case(xyxy_to_cxcywh, _boxes_example, _xyxy_to_cxcywh_oracle),),
    ),
]
