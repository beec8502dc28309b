"""Every recipe's error messages, whole: the recipe, the argument and the offending value.

Each message is compared in full, so one that names the wrong argument or recipe, or
drops the value, fails here (mutation testing found such changes surviving ``match=``
on a fragment). The ``meta`` device stands in for a second device on a CPU-only machine.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
import torch

from cookbook import (
    broadcast_to,
    chw_to_hwc,
    confidence_mask,
    contiguous_strides,
    cxcywh_to_xyxy,
    filter_confident,
    grid_offsets,
    hwc_to_chw,
    inverse_permutation,
    is_contiguous,
    matmul,
    matmul_shape,
    meshgrid,
    moveaxis,
    nbytes,
    new_like,
    numel,
    numpy_dot,
    permute,
    repeat_elements,
    shares_storage,
    tile,
    tile_anchors,
    view_strides,
    xyxy_to_cxcywh,
)

T = torch.zeros(2, 3)
M = torch.zeros(2, device="meta")

BAD_CALLS: list[tuple[Callable[[], object], type[Exception], str]] = [
    (
        lambda: matmul_shape([1.5], (2,)),
        TypeError,
        "matmul_shape: a_shape must hold integers, got list [1.5]",
    ),
    (
        lambda: matmul_shape((2,), "ab"),
        TypeError,
        "matmul_shape: b_shape must be a sequence of integers, got str 'ab'",
    ),
    (
        lambda: matmul_shape((2, 3), (3, -1)),
        ValueError,
        "matmul_shape: b_shape must not hold negative sizes, got (3, -1)",
    ),
    (lambda: matmul(1, T), TypeError, "matmul: a must be a torch.Tensor, got int 1"),
    (lambda: matmul(T, 1), TypeError, "matmul: b must be a torch.Tensor, got int 1"),
    (lambda: matmul(T, M), ValueError, "matmul: a is on cpu but b is on meta"),
    (
        lambda: matmul(torch.zeros(2, 3), torch.zeros(4, 2)),
        ValueError,
        "matmul: a of shape (2, 3) and b of shape (4, 2) disagree on the contracted dimension: 3 != 4",
    ),
    (lambda: numpy_dot(1, T), TypeError, "numpy_dot: a must be a torch.Tensor, got int 1"),
    (lambda: numpy_dot(T, "b"), TypeError, "numpy_dot: b must be a torch.Tensor, got str 'b'"),
    (lambda: numpy_dot(T, M), ValueError, "numpy_dot: a is on cpu but b is on meta"),
    (
        lambda: numpy_dot(torch.zeros(2, 3), torch.zeros(4, 2)),
        ValueError,
        "numpy_dot: a of shape (2, 3) and b of shape (4, 2) disagree on the contracted dimension: 3 != 4",
    ),
    (
        lambda: numpy_dot(torch.zeros(2, 3), torch.zeros(4)),
        ValueError,
        "numpy_dot: a of shape (2, 3) and b of shape (4,) disagree on the contracted dimension: 3 != 4",
    ),
    (
        lambda: contiguous_strides("ab"),
        TypeError,
        "contiguous_strides: shape must be a sequence of integers, got str 'ab'",
    ),
    (
        lambda: contiguous_strides((2, -3)),
        ValueError,
        "contiguous_strides: shape must not hold negative sizes, got (2, -3)",
    ),
    (
        lambda: is_contiguous((2, 3), (1,)),
        ValueError,
        "is_contiguous: shape (2, 3) and strides (1,) differ in length: 2 != 1",
    ),
    (
        lambda: is_contiguous((2, 3), (3, -1)),
        ValueError,
        "is_contiguous: strides must be non-negative (torch has no negative strides), got (3, -1)",
    ),
    (
        lambda: is_contiguous([1.5], (1,)),
        TypeError,
        "is_contiguous: shape must hold integers, got list [1.5]",
    ),
    (
        lambda: is_contiguous((2,), [True]),
        TypeError,
        "is_contiguous: strides must hold integers, got list [True]",
    ),
    (
        lambda: view_strides((2, 3), (3, 1), (-1, -1)),
        ValueError,
        "view_strides: new_shape may hold only one -1, got (-1, -1)",
    ),
    (
        lambda: view_strides((2, 3), (3, 1), (-2, 3)),
        ValueError,
        "view_strides: new_shape holds a negative size, got (-2, 3)",
    ),
    (
        lambda: view_strides((2, 0), (1, 1), (0, -1)),
        ValueError,
        "view_strides: the -1 in new_shape (0, -1) is ambiguous: the other sizes multiply to 0",
    ),
    (
        lambda: view_strides((2, 3), (3, 1), (4, -1)),
        ValueError,
        "view_strides: shape (2, 3) (6 elements) does not fit new_shape (4, -1)",
    ),
    (
        lambda: view_strides((2, 3), (3, 1), (7,)),
        ValueError,
        "view_strides: shape (2, 3) (6 elements) does not fit new_shape (7,)",
    ),
    (
        lambda: view_strides((2, 3), (3,), (6,)),
        ValueError,
        "view_strides: shape (2, 3) and strides (3,) differ in length: 2 != 1",
    ),
    (
        lambda: view_strides((2, 3), (3, 1), "ab"),
        TypeError,
        "view_strides: new_shape must be a sequence of integers, got str 'ab'",
    ),
    (
        lambda: shares_storage(1, T),
        TypeError,
        "shares_storage: a must be a torch.Tensor, got int 1",
    ),
    (
        lambda: shares_storage(T, "b"),
        TypeError,
        "shares_storage: b must be a torch.Tensor, got str 'b'",
    ),
    (
        lambda: inverse_permutation("ab"),
        TypeError,
        "inverse_permutation: dims must be a sequence of integers, got str 'ab'",
    ),
    (
        lambda: inverse_permutation((0, 0)),
        ValueError,
        "inverse_permutation: dims (0, 0) is not a permutation of range(2)",
    ),
    (lambda: permute(1, (0,)), TypeError, "permute: x must be a torch.Tensor, got int 1"),
    (
        lambda: permute(T, (0,)),
        ValueError,
        "permute: dims (0,) must hold 2 axes, one per dimension",
    ),
    (
        lambda: permute(T, (0, 0)),
        ValueError,
        "permute: dims (0, 0) is not a permutation of range(2)",
    ),
    (
        lambda: permute(T, (0, 2)),
        ValueError,
        "permute: dims (0, 2) is not a permutation of range(2)",
    ),
    (
        lambda: permute(T, "ab"),
        TypeError,
        "permute: dims must be a sequence of integers, got str 'ab'",
    ),
    (lambda: moveaxis(1, 0, 1), TypeError, "moveaxis: x must be a torch.Tensor, got int 1"),
    (
        lambda: moveaxis(T, 2, 0),
        ValueError,
        "moveaxis: source 2 is out of bounds for a tensor of 2 dimension(s)",
    ),
    (
        lambda: moveaxis(T, 0, -3),
        ValueError,
        "moveaxis: destination -3 is out of bounds for a tensor of 2 dimension(s)",
    ),
    (lambda: moveaxis(T, (0, 0), (0, 1)), ValueError, "moveaxis: source (0, 0) repeats an axis"),
    (
        lambda: moveaxis(T, (0, 1), (1, 1)),
        ValueError,
        "moveaxis: destination (1, 1) repeats an axis",
    ),
    (
        lambda: moveaxis(T, (0, 1), 0),
        ValueError,
        "moveaxis: source (0, 1) and destination (0,) differ in length",
    ),
    (
        lambda: moveaxis(T, "a", 0),
        TypeError,
        "moveaxis: source must be a sequence of integers, got str 'a'",
    ),
    (
        lambda: moveaxis(T, 0, [1.5]),
        TypeError,
        "moveaxis: destination must hold integers, got list [1.5]",
    ),
    (lambda: chw_to_hwc(1), TypeError, "chw_to_hwc: x must be a torch.Tensor, got int 1"),
    (
        lambda: chw_to_hwc(T),
        ValueError,
        "chw_to_hwc: x must have at least 3 dimensions, got shape (2, 3)",
    ),
    (lambda: hwc_to_chw("x"), TypeError, "hwc_to_chw: x must be a torch.Tensor, got str 'x'"),
    (
        lambda: hwc_to_chw(T),
        ValueError,
        "hwc_to_chw: x must have at least 3 dimensions, got shape (2, 3)",
    ),
    (lambda: tile(1, 2), TypeError, "tile: x must be a torch.Tensor, got int 1"),
    (lambda: tile(T, True), TypeError, "tile: reps must be an integer, got bool True"),
    (lambda: tile(T, -1), ValueError, "tile: reps must be non-negative, got (-1,)"),
    (lambda: tile(T, (1, -2)), ValueError, "tile: reps must be non-negative, got (1, -2)"),
    (lambda: tile(T, "ab"), TypeError, "tile: reps must be a sequence of integers, got str 'ab'"),
    (lambda: tile(T, 2.5), TypeError, "tile: reps must be a sequence of integers, got float 2.5"),
    (
        lambda: repeat_elements(1, 2),
        TypeError,
        "repeat_elements: x must be a torch.Tensor, got int 1",
    ),
    (
        lambda: repeat_elements(T, -1),
        ValueError,
        "repeat_elements: repeats must be non-negative, got (-1,)",
    ),
    (
        lambda: repeat_elements(T, (1, -1), axis=0),
        ValueError,
        "repeat_elements: repeats must be non-negative, got (1, -1)",
    ),
    (
        lambda: repeat_elements(T, (1, 2), axis=1),
        ValueError,
        "repeat_elements: repeats holds 2 counts but axis 1 of x (shape (2, 3)) has length 3",
    ),
    (
        lambda: repeat_elements(T, 2, axis=2),
        ValueError,
        "repeat_elements: axis 2 is out of bounds for a tensor of 2 dimension(s)",
    ),
    (
        lambda: repeat_elements(T, 2, axis=1.5),
        TypeError,
        "repeat_elements: axis must be an integer, got float 1.5",
    ),
    (
        lambda: repeat_elements(T, "ab"),
        TypeError,
        "repeat_elements: repeats must be a sequence of integers, got str 'ab'",
    ),
    (
        lambda: repeat_elements(T, True),
        TypeError,
        "repeat_elements: repeats must be a sequence of integers, got bool True",
    ),
    (lambda: broadcast_to(1, (2,)), TypeError, "broadcast_to: x must be a torch.Tensor, got int 1"),
    (
        lambda: broadcast_to(T, (2, -3)),
        ValueError,
        "broadcast_to: shape must not hold negative sizes, got (2, -3)",
    ),
    (
        lambda: broadcast_to(T, (3, 3)),
        ValueError,
        "broadcast_to: x of shape (2, 3) cannot be broadcast to shape (3, 3)",
    ),
    (
        lambda: broadcast_to(T, "ab"),
        TypeError,
        "broadcast_to: shape must be a sequence of integers, got str 'ab'",
    ),
    (
        lambda: meshgrid(T, indexing="ji"),
        ValueError,
        "meshgrid: indexing must be 'xy' or 'ij', got 'ji'",
    ),
    (lambda: meshgrid(T, 1), TypeError, "meshgrid: xs[1] must be a torch.Tensor, got int 1"),
    (lambda: meshgrid(T, M), ValueError, "meshgrid: xs[1] is on meta but xs[0] is on cpu"),
    (lambda: grid_offsets(-1), ValueError, "grid_offsets: height must be >= 0, got -1"),
    (lambda: grid_offsets(2, -1), ValueError, "grid_offsets: width must be >= 0, got -1"),
    (lambda: grid_offsets(2, 2, -1), ValueError, "grid_offsets: num_anchors must be >= 0, got -1"),
    (
        lambda: grid_offsets(2.5),
        TypeError,
        "grid_offsets: height must be an integer, got float 2.5",
    ),
    (
        lambda: grid_offsets(2, "a"),
        TypeError,
        "grid_offsets: width must be an integer, got str 'a'",
    ),
    (
        lambda: grid_offsets(2, 2, True),
        TypeError,
        "grid_offsets: num_anchors must be an integer, got bool True",
    ),
    (
        lambda: grid_offsets(2, dtype="float32"),
        TypeError,
        "grid_offsets: dtype must be a torch.dtype, got 'float32'",
    ),
    (
        lambda: tile_anchors(1, 2),
        TypeError,
        "tile_anchors: anchors must be a torch.Tensor, got int 1",
    ),
    (
        lambda: tile_anchors(torch.zeros(3), 2),
        ValueError,
        "tile_anchors: anchors must have shape (A, 2), got (3,)",
    ),
    (
        lambda: tile_anchors(torch.zeros(3, 3), 2),
        ValueError,
        "tile_anchors: anchors must have shape (A, 2), got (3, 3)",
    ),
    (
        lambda: tile_anchors(torch.zeros(3, 2), -1),
        ValueError,
        "tile_anchors: height must be >= 0, got -1",
    ),
    (
        lambda: tile_anchors(torch.zeros(3, 2), 2, -2),
        ValueError,
        "tile_anchors: width must be >= 0, got -2",
    ),
    (
        lambda: tile_anchors(torch.zeros(3, 2), 2.5),
        TypeError,
        "tile_anchors: height must be an integer, got float 2.5",
    ),
    (
        lambda: tile_anchors(torch.zeros(3, 2), 2, "w"),
        TypeError,
        "tile_anchors: width must be an integer, got str 'w'",
    ),
    (
        lambda: confidence_mask(1, 0.5),
        TypeError,
        "confidence_mask: pred must be a torch.Tensor, got int 1",
    ),
    (
        lambda: confidence_mask(T, "0.5"),
        TypeError,
        "confidence_mask: threshold must be a real number, got str '0.5'",
    ),
    (
        lambda: confidence_mask(T, True),
        TypeError,
        "confidence_mask: threshold must be a real number, got bool True",
    ),
    (
        lambda: confidence_mask(torch.tensor(1.0), 0.5),
        ValueError,
        "confidence_mask: pred must have at least 1 dimension, got a 0-d tensor",
    ),
    (
        lambda: confidence_mask(torch.zeros(2, 3, dtype=torch.complex64), 0.5),
        TypeError,
        "confidence_mask: pred must be real, got dtype torch.complex64",
    ),
    (
        lambda: confidence_mask(T, 0.5),
        ValueError,
        "confidence_mask: conf_index 4 is out of bounds for pred's last axis, of length 3",
    ),
    (
        lambda: confidence_mask(T, 0.5, conf_index=-4),
        ValueError,
        "confidence_mask: conf_index -4 is out of bounds for pred's last axis, of length 3",
    ),
    (
        lambda: confidence_mask(T, 0.5, conf_index=1.5),
        TypeError,
        "confidence_mask: conf_index must be an integer, got float 1.5",
    ),
    (
        lambda: filter_confident(1, 0.5),
        TypeError,
        "filter_confident: pred must be a torch.Tensor, got int 1",
    ),
    (
        lambda: filter_confident(T, 0.5),
        ValueError,
        "filter_confident: pred must have shape (B, N, C), got (2, 3)",
    ),
    (
        lambda: filter_confident(torch.zeros(1, 2, 3), None),
        TypeError,
        "filter_confident: threshold must be a real number, got NoneType None",
    ),
    (
        lambda: filter_confident(torch.zeros(1, 2, 3), 0.5),
        ValueError,
        "filter_confident: conf_index 4 is out of bounds for pred's last axis, of length 3",
    ),
    (
        lambda: filter_confident(torch.zeros(1, 2, 3, dtype=torch.complex64), 0.5, conf_index=0),
        TypeError,
        "filter_confident: pred must be real, got dtype torch.complex64",
    ),
    (
        lambda: numel("abc"),
        TypeError,
        "numel: x must be a tensor, an ndarray or a sequence of sizes, got str 'abc'",
    ),
    (lambda: numel((2, -1)), ValueError, "numel: x must not hold negative sizes, got (2, -1)"),
    (lambda: numel([2, 1.5]), TypeError, "numel: x must hold integers, got list [2, 1.5]"),
    (lambda: nbytes([1]), TypeError, "nbytes: x must be a tensor or an ndarray, got list [1]"),
    (lambda: new_like(1, (2,)), TypeError, "new_like: x must be a torch.Tensor, got int 1"),
    (
        lambda: new_like(T, (2, -1)),
        ValueError,
        "new_like: shape must not hold negative sizes, got (2, -1)",
    ),
    (
        lambda: new_like(T, "ab"),
        TypeError,
        "new_like: shape must be a sequence of integers, got str 'ab'",
    ),
    (
        lambda: new_like(T, 2, fill_value="x"),
        TypeError,
        "new_like: fill_value must be a number, got str 'x'",
    ),
    (
        lambda: cxcywh_to_xyxy(1),
        TypeError,
        "cxcywh_to_xyxy: boxes must be a torch.Tensor, got int 1",
    ),
    (
        lambda: cxcywh_to_xyxy(torch.zeros(2, 4, dtype=torch.int64)),
        TypeError,
        "cxcywh_to_xyxy: boxes must be floating point, got dtype torch.int64",
    ),
    (
        lambda: cxcywh_to_xyxy(torch.zeros(2, 3)),
        ValueError,
        "cxcywh_to_xyxy: boxes must have shape (..., C) with C >= 4, got (2, 3)",
    ),
    (
        lambda: cxcywh_to_xyxy(torch.tensor(1.0)),
        ValueError,
        "cxcywh_to_xyxy: boxes must have shape (..., C) with C >= 4, got ()",
    ),
    (
        lambda: xyxy_to_cxcywh("b"),
        TypeError,
        "xyxy_to_cxcywh: boxes must be a torch.Tensor, got str 'b'",
    ),
    (
        lambda: xyxy_to_cxcywh(torch.zeros(2, 4, dtype=torch.int64)),
        TypeError,
        "xyxy_to_cxcywh: boxes must be floating point, got dtype torch.int64",
    ),
    (
        lambda: xyxy_to_cxcywh(torch.zeros(2, 3)),
        ValueError,
        "xyxy_to_cxcywh: boxes must have shape (..., C) with C >= 4, got (2, 3)",
    ),
    # operator.index takes a 0-d bool tensor as 0 or 1; NumPy refuses bools as axes.
    (
        lambda: repeat_elements(torch.zeros(2, 2), 2, axis=torch.tensor(True)),
        TypeError,
        "repeat_elements: axis must be an integer, got Tensor of shape () and dtype torch.bool",
    ),
    (
        lambda: moveaxis(torch.zeros(2, 2), torch.tensor(True), 0),
        TypeError,
        "moveaxis: source must be an integer, got Tensor of shape () and dtype torch.bool",
    ),
    (
        lambda: tile(torch.zeros(2), (torch.tensor(True), 2)),
        TypeError,
        "tile: reps must hold integers, got tuple (tensor(True), 2)",
    ),
    # A 0-d tensor where a sequence is due: the recipe's error, not torch's iteration error.
    (
        lambda: inverse_permutation(torch.tensor(0)),
        TypeError,
        "inverse_permutation: dims must be a sequence of integers, "
        "got Tensor of shape () and dtype torch.int64",
    ),
]


@pytest.mark.parametrize(
    ("call", "error", "message"), BAD_CALLS, ids=[message for _, _, message in BAD_CALLS]
)
def test_message(call: Callable[[], object], error: type[Exception], message: str) -> None:
    with pytest.raises(error) as caught:
        call()
    assert str(caught.value) == message
