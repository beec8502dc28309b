"""Checks of the meshgrid family against ``np.meshgrid`` and the YOLOv3 NumPy route."""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
import torch
from hypothesis import strategies as st

from cookbook._dtypes import TORCH_TO_NUMPY
from cookbook.grids import grid_offsets, meshgrid, tile_anchors
from cookbook.testing.checks import Bench, Case, Drawer, Example, Recipe, Route, Workload
from cookbook.testing.strategies import ALL_DTYPES, shapes
from cookbook.testing.workloads import floats, grid_side, side, yolov3_offsets

DTYPES = st.sampled_from(ALL_DTYPES)
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


def _meshgrid_workload(n: int, d: torch.device) -> Workload:
    a, b = floats(side(n), device=d), floats(side(n), device=d)
    return (lambda: meshgrid(a, b)), (lambda: torch.meshgrid(a, b, indexing="xy"))


def _grid_offsets_workload(n: int, d: torch.device) -> Workload:
    size = grid_side(n)

    def bare() -> torch.Tensor:
        grid = torch.arange(size, dtype=torch.float32, device=d)
        x, y = torch.meshgrid(grid, grid, indexing="xy")
        offsets = torch.stack((x.reshape(-1), y.reshape(-1)), 1)
        return offsets.repeat(1, 3).view(-1, 2).unsqueeze(0)

    return (lambda: grid_offsets(size, num_anchors=3, device=d)), bare


def _yolov3_route(grid: int) -> Route:
    def workload(d: torch.device) -> Workload:
        return (lambda: grid_offsets(grid, num_anchors=3, device=d)), (
            lambda: yolov3_offsets(grid, 3, d)
        )

    return Route(f"YOLOv3 NumPy meshgrid + copy, {grid}x{grid}x3", grid * grid * 3 * 2, workload)


def _tile_anchors_workload(n: int, d: torch.device) -> Workload:
    size = grid_side(n)
    anchors = floats(3, 2, device=d)
    return (lambda: tile_anchors(anchors, size)), (
        lambda: anchors.repeat(size * size, 1).unsqueeze(0)
    )


RECIPES = [
    Recipe(
        meshgrid,
        numpy="np.meshgrid(x, y)",
        call="meshgrid(x, y)",
        torch='torch.meshgrid(x, y, indexing="xy")',
        kind="view",
        bench=Bench(
            "torch.meshgrid(indexing='xy')",
            _meshgrid_workload,
            overhead="checks that the inputs share one dtype, which torch.meshgrid requires",
        ),
        cases=(Case(meshgrid, _meshgrid_example, _meshgrid_oracle, returns="view"),),
    ),
    Recipe(
        grid_offsets,
        numpy="np.stack(np.meshgrid(...), -1)...",
        call="grid_offsets(h, w, a)",
        torch="YOLOv3 x_y_offset",
        kind="copy",
        bench=Bench("torch.meshgrid + cat + repeat", _grid_offsets_workload),
        cases=(Case(grid_offsets, _grid_offsets_example, _yolov3_offsets, takes_tensors=False),),
        routes=tuple(_yolov3_route(grid) for grid in (13, 26, 52, 76)),
    ),
    Recipe(
        tile_anchors,
        numpy="np.tile(anchors, (h * w, 1))[None]",
        call="tile_anchors(anchors, h, w)",
        torch="anchors.repeat(h * w, 1).unsqueeze(0)",
        kind="copy",
        bench=Bench(
            "anchors.repeat(h * w, 1).unsqueeze(0)",
            _tile_anchors_workload,
            overhead="checks that anchors has shape (A, 2) and the counts are integers",
        ),
        cases=(Case(tile_anchors, _tile_anchors_example, _tile_anchors_oracle),),
    ),
]
