"""tensor-cookbook: PyTorch tensor recipes that behave exactly like their NumPy counterparts.

Each recipe is a small pure function, pinned to a NumPy oracle by property
tests on every device. The families and their modules are listed in
``cookbook._registry.FAMILIES``.
"""

from cookbook.allocation import cxcywh_to_xyxy, new_like, xyxy_to_cxcywh
from cookbook.axes import chw_to_hwc, hwc_to_chw, inverse_permutation, moveaxis, permute
from cookbook.grids import grid_offsets, meshgrid, tile_anchors
from cookbook.masking import confidence_mask, filter_confident
from cookbook.products import matmul, matmul_shape, numpy_dot
from cookbook.repetition import broadcast_to, repeat_elements, tile
from cookbook.sizes import nbytes, numel
from cookbook.strides import contiguous_strides, is_contiguous, shares_storage, view_strides

__version__ = "0.1.0"

__all__ = [
    "broadcast_to",
    "chw_to_hwc",
    "confidence_mask",
    "contiguous_strides",
    "cxcywh_to_xyxy",
    "filter_confident",
    "grid_offsets",
    "hwc_to_chw",
    "inverse_permutation",
    "is_contiguous",
    "matmul",
    "matmul_shape",
    "meshgrid",
    "moveaxis",
    "nbytes",
    "new_like",
    "numel",
    "numpy_dot",
    "permute",
    "repeat_elements",
    "shares_storage",
    "tile",
    "tile_anchors",
    "view_strides",
    "xyxy_to_cxcywh",
]
