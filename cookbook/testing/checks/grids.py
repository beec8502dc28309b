"""Checks of the meshgrid family against ``np.meshgrid`` and the YOLOv3 NumPy route."""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
import torch
from hypothesis import strategies as st

from cookbook._dtypes import TORCH_TO_NUMPY
from cookbook.grids import grid_offsets, meshgrid, tile_anchors
from cookbook.testing.checks import Case, Drawer, Example
from cookbook.testing.strategies import NUMERIC_DTYPES, shapes

DTYPES = st.sampled_from(NUMERIC_DTYPES)
SIDES = st.integers(0, 6)


def _meshgrid_example(draw: Drawer) -> Example:
    count = draw(st.integers(0, 3), label="count")
    xs = tuple(
        draw.tensor(DTYPES, shapes(max_dims=1, max_side=5), label=f"xs[{i}]") for i in range(count)
    )
    return xs, {"indexing": draw(st.sampled_from(("xy", "ij")), label="indexing")}


def _meshgrid_oracle(*xs: np.ndarray, indexing: Literal["xy", "ij"]) -> tuple[np.ndarray, ...]:
    return tuple(np.meshgrid(*xs, indexing=indexing, copy=False))


def _grid_offsets_example(draw: Drawer) -> Example:
    height = draw(SIDES, label="height")
    width = draw(st.none() | SIDES, label="width")
    num_anchors = draw(st.integers(0, 4), label="num_anchors")
    dtype = draw(
        st.sampled_from((torch.float32, torch.float64, torch.float16, torch.int64, torch.int32)),
        label="dtype",
    )
    return (height, width, num_anchors), {"dtype": dtype, "device": draw.device}


def _yolov3_offsets(
    height: int, width: int | None, num_anchors: int, *, dtype: torch.dtype, device: Any
) -> np.ndarray:
    """The YOLOv3 code's route: NumPy meshgrid, concatenate, repeat per anchor."""
    width = height if width is None else width
    x_offset, y_offset = np.meshgrid(np.arange(width), np.arange(height))
    offsets = np.concatenate((x_offset.reshape(-1, 1), y_offset.reshape(-1, 1)), axis=1)
    return np.repeat(offsets, num_anchors, axis=0)[np.newaxis].astype(TORCH_TO_NUMPY[dtype])


def _tile_anchors_example(draw: Drawer) -> Example:
    count = draw(st.integers(0, 4), label="A")
    anchors = draw.tensor(DTYPES, (count, 2), label="anchors")
    return (anchors, draw(SIDES, label="height"), draw(st.none() | SIDES, label="width")), {}


def _tile_anchors_oracle(anchors: np.ndarray, height: int, width: int | None) -> np.ndarray:
    width = height if width is None else width
    return np.tile(anchors, (height * width, 1))[np.newaxis]


CASES = [
    Case(meshgrid, _meshgrid_example, _meshgrid_oracle, returns="view"),
    Case(grid_offsets, _grid_offsets_example, _yolov3_offsets, takes_tensors=False),
    Case(tile_anchors, _tile_anchors_example, _tile_anchors_oracle),
]
PROPERTIES: dict[tuple[str, str], Any] = {}
