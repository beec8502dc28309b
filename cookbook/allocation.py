"""``Tensor.new``: allocate like an existing tensor, and the YOLOv3 box conversions done safely.

The legacy ``x.new(...)`` reads a ``torch.Size`` (or separate ints) as a shape
but a list as data: ``x.new(torch.Size([2]))`` is an uninitialised 2-vector
while ``x.new([2])`` is the tensor ``[2.]``. The ``new_*`` methods say which.
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence

import torch

from cookbook._validation import BARE_OP_ERRORS, as_shape, describe, require_tensor

__all__ = ["cxcywh_to_xyxy", "new_like", "xyxy_to_cxcywh"]


def new_like(
    x: torch.Tensor, shape: int | Sequence[int], fill_value: complex | None = None
) -> torch.Tensor:
    """A new tensor of ``shape`` with ``x``'s dtype and device that never requires grad.

    NumPy equivalent: ``np.full(shape, fill_value, dtype=x.dtype)``, or
    ``np.empty(shape, dtype=x.dtype)`` without a fill value. Bare torch:
    ``x.new_full(shape, fill_value)`` / ``x.new_empty(shape)``. Avoid the legacy
    ``x.new(arg)``: it reads a ``torch.Size`` as a shape but a list as data.

    Args:
        x: Tensor whose dtype and device the result takes (its values are unused).
        shape: Size of the result: an int or a sequence of ints.
        fill_value: Value of every element; None leaves memory uninitialised.

    Returns:
        A new tensor, unrelated to ``x``'s storage and autograd graph.

    Raises:
        ValueError: If ``shape`` holds a negative size.
        TypeError: If ``x`` is not a tensor, ``shape`` is not integers, or
            ``fill_value`` is not a number.

    Examples:
        >>> x = torch.zeros(2, dtype=torch.float64, requires_grad=True)
        >>> new_like(x, (2, 3), fill_value=7)
        tensor([[7., 7., 7.],
                [7., 7., 7.]], dtype=torch.float64)
        >>> new_like(x, torch.Size([4])).shape  # empty: shape only, values arbitrary
        torch.Size([4])
        >>> x.new([4])  # the legacy call reads a list as data
        tensor([4.], dtype=torch.float64)

    See also:
        [cxcywh_to_xyxy][cookbook.cxcywh_to_xyxy].
    """
    if isinstance(x, torch.Tensor) and type(shape) is tuple:
        try:  # the bare methods refuse what NumPy refuses, for these fill values
            if fill_value is None:
                return x.new_empty(shape)
            if type(fill_value) is float or type(fill_value) is int:
                return x.new_full(shape, fill_value)
        except BARE_OP_ERRORS:
            pass
    require_tensor(x, "x", "new_like")
    size = as_shape(shape, "shape", "new_like", allow_int=True)
    if fill_value is None:
        return x.new_empty(size)
    if not isinstance(fill_value, numbers.Number):
        raise TypeError(f"new_like: fill_value must be a number, got {describe(fill_value)}")
    return x.new_full(size, fill_value)


def _boxes(boxes: torch.Tensor, recipe: str) -> torch.Tensor:
    require_tensor(boxes, "boxes", recipe)
    if not boxes.dtype.is_floating_point:
        raise TypeError(f"{recipe}: boxes must be floating point, got dtype {boxes.dtype}")
    if boxes.ndim == 0 or boxes.shape[-1] < 4:
        raise ValueError(
            f"{recipe}: boxes must have shape (..., C) with C >= 4, got {tuple(boxes.shape)}"
        )
    return boxes


def _copy(boxes: torch.Tensor) -> torch.Tensor:
    # One contiguous copy, then the four box columns overwritten: a clone and a
    # little, where stacking the four and concatenating the rest costs three passes.
    return boxes.clone(memory_format=torch.contiguous_format)


def cxcywh_to_xyxy(boxes: torch.Tensor) -> torch.Tensor:
    """Centre-size boxes to corner boxes; columns after the fourth are copied unchanged.

    NumPy equivalent: ``np.concatenate([cx - w/2, cy - h/2, cx + w/2, cy + h/2,
    rest], axis=-1)`` over the columns. The YOLOv3 code writes the corners into
    ``prediction.new(prediction.shape)`` and then back into ``prediction``,
    overwriting its input; this recipe returns a new tensor and leaves
    ``boxes`` untouched.

    Args:
        boxes: Tensor[..., C] with C >= 4, columns (cx, cy, w, h, ...).

    Returns:
        Tensor[..., C] with columns (x1, y1, x2, y2, ...), same dtype and device.

    Raises:
        ValueError: If ``boxes`` has fewer than 4 columns.
        TypeError: If ``boxes`` is not a floating-point tensor.

    Examples:
        >>> cxcywh_to_xyxy(torch.tensor([[5.0, 5.0, 4.0, 2.0, 0.9]]))
        tensor([[3.0000, 4.0000, 7.0000, 6.0000, 0.9000]])

    See also:
        [xyxy_to_cxcywh][cookbook.xyxy_to_cxcywh] is the inverse.
    """
    _boxes(boxes, "cxcywh_to_xyxy")
    centre, half_size = boxes[..., 0:2], boxes[..., 2:4] / 2
    corners = _copy(boxes)
    corners[..., 0:2] = centre - half_size
    corners[..., 2:4] = centre + half_size
    return corners


def xyxy_to_cxcywh(boxes: torch.Tensor) -> torch.Tensor:
    """Corner boxes to centre-size boxes; columns after the fourth are copied unchanged.

    NumPy equivalent: ``np.concatenate([(x1 + x2)/2, (y1 + y2)/2, x2 - x1,
    y2 - y1, rest], axis=-1)`` over the columns.

    Args:
        boxes: Tensor[..., C] with C >= 4, columns (x1, y1, x2, y2, ...).

    Returns:
        Tensor[..., C] with columns (cx, cy, w, h, ...), same dtype and device.

    Raises:
        ValueError: If ``boxes`` has fewer than 4 columns.
        TypeError: If ``boxes`` is not a floating-point tensor.

    Examples:
        >>> xyxy_to_cxcywh(torch.tensor([[3.0, 4.0, 7.0, 6.0, 0.9]]))
        tensor([[5.0000, 5.0000, 4.0000, 2.0000, 0.9000]])

    See also:
        [cxcywh_to_xyxy][cookbook.cxcywh_to_xyxy] is the inverse.
    """
    _boxes(boxes, "xyxy_to_cxcywh")
    top_left, bottom_right = boxes[..., 0:2], boxes[..., 2:4]
    centres = _copy(boxes)
    centres[..., 0:2] = (top_left + bottom_right) / 2
    centres[..., 2:4] = bottom_right - top_left
    return centres
