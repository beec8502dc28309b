"""Recipes make their results on the input's device, or on the one asked for.

Checked on ``meta``, a device that computes shapes only and that every torch has:
a recipe that drops a ``device=`` (where the default happens to be the CPU) or
moves a helper tensor to the wrong device fails here on a CPU-only machine.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
import torch

from cookbook import (
    broadcast_to,
    confidence_mask,
    cxcywh_to_xyxy,
    grid_offsets,
    matmul,
    meshgrid,
    new_like,
    numpy_dot,
    repeat_elements,
    shares_storage,
    tile,
    tile_anchors,
    xyxy_to_cxcywh,
)
from cookbook.testing.checks import _tensor_leaves

M = torch.zeros(3, 2, device="meta")
BOXES = torch.zeros(2, 5, device="meta")

CALLS: dict[str, Callable[[], object]] = {
    "grid_offsets": lambda: grid_offsets(2, 3, 2, device="meta"),
    "tile_anchors": lambda: tile_anchors(M, 2),
    "meshgrid": lambda: meshgrid(M[:, 0], M[0]),
    "tile": lambda: tile(M, (2, 1)),
    "repeat_elements": lambda: repeat_elements(M, 2, axis=0),
    "repeat_elements per element": lambda: repeat_elements(M, (1, 2, 0), axis=0),
    "broadcast_to": lambda: broadcast_to(M, (4, 3, 2)),
    "new_like": lambda: new_like(M, 3, fill_value=1.0),
    "cxcywh_to_xyxy": lambda: cxcywh_to_xyxy(BOXES),
    "xyxy_to_cxcywh": lambda: xyxy_to_cxcywh(BOXES),
    "confidence_mask": lambda: confidence_mask(BOXES, 0.5),
    "matmul": lambda: matmul(M.long(), M.t().long()),
    "numpy_dot": lambda: numpy_dot(M.long(), M.t().long()),
}


@pytest.mark.parametrize("call", CALLS.values(), ids=CALLS.keys())
def test_results_stay_on_the_device(call: Callable[[], object]) -> None:
    outputs = list(_tensor_leaves(call()))
    assert outputs
    assert all(output.device.type == "meta" for output in outputs)


def test_tensors_on_different_devices_share_no_storage() -> None:
    assert not shares_storage(torch.zeros(3, 2), M)
