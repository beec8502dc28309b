"""tensor-cookbook: PyTorch tensor recipes that behave exactly like their NumPy counterparts.

Each recipe is a small pure function, pinned to a NumPy oracle by property
tests on every device. The families and their modules are listed in
``cookbook._registry.FAMILIES``.
"""

from cookbook.activations import relu, sigmoid, softmax, softplus, tanh
from cookbook.allocation import cxcywh_to_xyxy, new_like, xyxy_to_cxcywh
from cookbook.axes import chw_to_hwc, hwc_to_chw, inverse_permutation, moveaxis, permute
from cookbook.batching import batch_indices, batch_sizes
from cookbook.division import floor_divide, fmod, remainder, result_type
from cookbook.gradients import value_and_grad
from cookbook.grids import grid_offsets, meshgrid, tile_anchors
from cookbook.indexing import add_at, take_along_axis
from cookbook.interop import from_numpy, to_numpy
from cookbook.interpolation import interp
from cookbook.masking import confidence_mask, filter_confident
from cookbook.maths import mean
from cookbook.plumbing import concatenate, expand_dims, squeeze, stack
from cookbook.products import matmul, matmul_shape, numpy_dot
from cookbook.repetition import broadcast_to, repeat_elements, tile
from cookbook.sizes import nbytes, numel
from cookbook.sorting import argsort, argwhere, flatnonzero, nonzero, sort, unique
from cookbook.splitting import array_split, flip, pad, split
from cookbook.statistics import argmax, argmin, median, std, sum, var
from cookbook.strides import contiguous_strides, is_contiguous, shares_storage, view_strides

__version__ = "0.1.0"

__all__ = [
    "add_at",
    "argmax",
    "argmin",
    "argsort",
    "argwhere",
    "array_split",
    "batch_indices",
    "batch_sizes",
    "broadcast_to",
    "chw_to_hwc",
    "concatenate",
    "confidence_mask",
    "contiguous_strides",
    "cxcywh_to_xyxy",
    "expand_dims",
    "filter_confident",
    "flatnonzero",
    "flip",
    "floor_divide",
    "fmod",
    "from_numpy",
    "grid_offsets",
    "hwc_to_chw",
    "interp",
    "inverse_permutation",
    "is_contiguous",
    "matmul",
    "matmul_shape",
    "mean",
    "median",
    "meshgrid",
    "moveaxis",
    "nbytes",
    "new_like",
    "nonzero",
    "numel",
    "numpy_dot",
    "pad",
    "permute",
    "relu",
    "remainder",
    "repeat_elements",
    "result_type",
    "shares_storage",
    "sigmoid",
    "softmax",
    "softplus",
    "sort",
    "split",
    "squeeze",
    "stack",
    "std",
    "sum",
    "take_along_axis",
    "tanh",
    "tile",
    "tile_anchors",
    "to_numpy",
    "unique",
    "value_and_grad",
    "var",
    "view_strides",
    "xyxy_to_cxcywh",
]
