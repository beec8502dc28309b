"""Inputs for the benchmark workloads that each recipe's declaration carries.

Sizes are in elements: a workload of ``n`` makes inputs of about ``n`` elements,
so every recipe is timed at 10**3, 10**5 and 10**6 alike. The YOLOv3 routes here
are the code the recipes replace, kept as it was written.
"""

from __future__ import annotations

import math

import numpy as np
import torch

__all__ = [
    "detections",
    "floats",
    "grid_side",
    "side",
    "yolov3_centres",
    "yolov3_corners",
    "yolov3_offsets",
]


def side(n: int) -> int:
    """The side of a square of about ``n`` elements."""
    return max(1, math.isqrt(n))


def grid_side(n: int, anchors: int = 3) -> int:
    """The side of a grid whose offsets, ``anchors`` per cell, hold about ``n`` values."""
    return max(1, math.isqrt(n // (2 * anchors)))


def floats(*shape: int, device: torch.device) -> torch.Tensor:
    """Uniform [0, 1) float32 values of ``shape``, the same on every run."""
    return torch.rand(*shape, generator=torch.Generator().manual_seed(0)).to(device)


def detections(n: int, device: torch.device) -> torch.Tensor:
    """YOLOv3-like predictions: rows of 85 values, column 4 the confidence, about n values."""
    return floats(1, max(1, n // 85), 85, device=device)


def yolov3_corners(prediction: torch.Tensor) -> torch.Tensor:
    """The YOLOv3 code's ``box_corner = prediction.new(prediction.shape)`` route, completed."""
    corner = prediction.new(prediction.shape)
    corner[..., 0] = prediction[..., 0] - prediction[..., 2] / 2
    corner[..., 1] = prediction[..., 1] - prediction[..., 3] / 2
    corner[..., 2] = prediction[..., 0] + prediction[..., 2] / 2
    corner[..., 3] = prediction[..., 1] + prediction[..., 3] / 2
    corner[..., 4:] = prediction[..., 4:]
    return corner


def yolov3_centres(prediction: torch.Tensor) -> torch.Tensor:
    """The same route, from corners back to centres and sizes."""
    centre = prediction.new(prediction.shape)
    centre[..., 0] = (prediction[..., 0] + prediction[..., 2]) / 2
    centre[..., 1] = (prediction[..., 1] + prediction[..., 3]) / 2
    centre[..., 2] = prediction[..., 2] - prediction[..., 0]
    centre[..., 3] = prediction[..., 3] - prediction[..., 1]
    centre[..., 4:] = prediction[..., 4:]
    return centre


def yolov3_offsets(grid_size: int, num_anchors: int, device: torch.device) -> torch.Tensor:
    """The YOLOv3 code's route: meshgrid in NumPy, then copy to the device on every call."""
    grid = np.arange(grid_size)
    a, b = np.meshgrid(grid, grid)
    x_offset = torch.FloatTensor(a).view(-1, 1).to(device)
    y_offset = torch.FloatTensor(b).view(-1, 1).to(device)
    return torch.cat((x_offset, y_offset), 1).repeat(1, num_anchors).view(-1, 2).unsqueeze(0)
