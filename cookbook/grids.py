"""Meshgrid and grid offsets: NumPy's ``meshgrid`` and the YOLOv3 ``x_y_offset``.

``torch.meshgrid`` defaults to ``indexing="ij"`` (and warns when it is not
given), while ``np.meshgrid`` defaults to ``"xy"``: the first two outputs swap.
"""

from __future__ import annotations

import torch

from cookbook._validation import BARE_OP_ERRORS, as_int, require_tensor
from cookbook.repetition import _tile

__all__ = ["grid_offsets", "meshgrid", "tile_anchors"]

_INDEXINGS = ("xy", "ij")


def _one_dtype(xs: tuple[object, ...]) -> bool:
    dtype = getattr(xs[0], "dtype", None)
    for x in xs:  # noqa: SIM110  (a loop: all() of a generator costs more per call)
        if not isinstance(x, torch.Tensor) or x.dtype != dtype:
            return False
    return True


def meshgrid(*xs: torch.Tensor, indexing: str = "xy") -> tuple[torch.Tensor, ...]:
    """Coordinate grids from coordinate vectors, with NumPy's default indexing.

    NumPy equivalent: ``np.meshgrid(*xs, indexing=indexing, copy=False)``. With
    ``"xy"`` (NumPy's default) the first output varies along columns and the
    result has shape ``(len(xs[1]), len(xs[0]), len(xs[2]), ...)``; with
    ``"ij"`` (torch's default) it has shape ``(len(xs[0]), len(xs[1]), ...)``.
    Inputs are flattened, may differ in dtype, and the outputs are broadcast
    views of them (stride 0 along the other axes). Never emits torch's
    meshgrid warning.

    Args:
        *xs: Coordinate tensors on one device (flattened if not 1-D).
        indexing: ``"xy"`` (Cartesian) or ``"ij"`` (matrix).

    Returns:
        One grid per input, all of the same shape.

    Raises:
        ValueError: If ``indexing`` is neither ``"xy"`` nor ``"ij"``, or the
            inputs live on different devices.
        TypeError: If an input is not a tensor.

    Examples:
        >>> X, Y = meshgrid(torch.tensor([0, 1, 2]), torch.tensor([0, 1]))
        >>> X
        tensor([[0, 1, 2],
                [0, 1, 2]])
        >>> Y
        tensor([[0, 0, 0],
                [1, 1, 1]])
        >>> [g.shape for g in meshgrid(torch.arange(3), torch.arange(2), indexing="ij")]
        [torch.Size([3, 2]), torch.Size([3, 2])]

    See also:
        [grid_offsets][cookbook.grid_offsets].
    """
    if indexing in _INDEXINGS and xs and _one_dtype(xs):
        try:  # torch.meshgrid is np.meshgrid for 0-D and 1-D tensors of one dtype
            return torch.meshgrid(*xs, indexing=indexing)
        except BARE_OP_ERRORS:
            pass
    if indexing not in _INDEXINGS:
        raise ValueError(f"meshgrid: indexing must be 'xy' or 'ij', got {indexing!r}")
    for position, x in enumerate(xs):
        require_tensor(x, f"xs[{position}]", "meshgrid")
        if x.device != xs[0].device:
            raise ValueError(
                f"meshgrid: xs[{position}] is on {x.device} but xs[0] is on {xs[0].device}"
            )
    flat = [x.reshape(-1) for x in xs]
    axes = list(range(len(flat)))
    if indexing == "xy" and len(flat) > 1:
        axes[0], axes[1] = 1, 0
    shape = [0] * len(flat)
    for vector, axis in zip(flat, axes, strict=True):
        shape[axis] = vector.numel()
    grids = []
    for vector, axis in zip(flat, axes, strict=True):
        along_axis = [1] * len(flat)
        along_axis[axis] = vector.numel()
        grids.append(vector.view(along_axis).expand(shape))
    return tuple(grids)


def grid_offsets(
    height: int,
    width: int | None = None,
    num_anchors: int = 1,
    *,
    dtype: torch.dtype = torch.float32,
    device: torch.device | str | None = None,
) -> torch.Tensor:
    """The (x, y) offset of every grid cell, once per anchor: YOLOv3's ``x_y_offset``.

    NumPy equivalent (the YOLOv3 route)::

        x, y = np.meshgrid(np.arange(width), np.arange(height))
        xy = np.stack([x.ravel(), y.ravel()], axis=1)
        np.repeat(xy, num_anchors, axis=0)[None]

    Row ``(row * width + column) * num_anchors + anchor`` holds
    ``(column, row)``: x runs fastest, and each cell repeats ``num_anchors``
    times in a row. Built directly on ``device`` (the YOLOv3 code builds it in
    NumPy and copies it to the GPU on every forward pass).

    Args:
        height: Number of grid rows.
        width: Number of grid columns; None means ``height`` (a square grid).
        num_anchors: Copies of each cell, one per anchor box.
        dtype: Result dtype.
        device: Result device.

    Returns:
        Tensor[1, height * width * num_anchors, 2].

    Raises:
        ValueError: If a count is negative.
        TypeError: If a count is not an integer or ``dtype`` is not a torch.dtype.

    Examples:
        >>> grid_offsets(2, 3)
        tensor([[[0., 0.],
                 [1., 0.],
                 [2., 0.],
                 [0., 1.],
                 [1., 1.],
                 [2., 1.]]])
        >>> offsets = grid_offsets(13, num_anchors=3)
        >>> offsets.shape, offsets[0, 39]  # the notes' 13x13 grid with 3 anchors
        (torch.Size([1, 507, 2]), tensor([0., 1.]))

    See also:
        [tile_anchors][cookbook.tile_anchors] lays anchors out in the same order;
        [meshgrid][cookbook.meshgrid].
    """
    rows = as_int(height, "height", "grid_offsets", minimum=0)
    columns = rows if width is None else as_int(width, "width", "grid_offsets", minimum=0)
    anchors = as_int(num_anchors, "num_anchors", "grid_offsets", minimum=0)
    if not isinstance(dtype, torch.dtype):
        raise TypeError(f"grid_offsets: dtype must be a torch.dtype, got {dtype!r}")
    # The meshgrid of the two aranges with an anchor axis added, as stride-0 views;
    # one cat then writes the result (stacking a meshgrid first costs 6x more on CPU).
    layout = (rows, columns, anchors, 1)
    x = torch.arange(columns, dtype=dtype, device=device).view(1, columns, 1, 1).expand(layout)
    y = torch.arange(rows, dtype=dtype, device=device).view(rows, 1, 1, 1).expand(layout)
    return torch.cat((x, y), dim=-1).view(1, rows * columns * anchors, 2)


def tile_anchors(anchors: torch.Tensor, height: int, width: int | None = None) -> torch.Tensor:
    """Anchor sizes in the row order of [grid_offsets][cookbook.grid_offsets].

    NumPy equivalent: ``np.tile(anchors, (height * width, 1))[None]``; the
    YOLOv3 code writes ``anchors.repeat(height * width, 1).unsqueeze(0)``.
    Row ``cell * A + a`` holds anchor ``a``.

    Args:
        anchors: Tensor[A, 2] of (width, height) anchor sizes.
        height: Number of grid rows.
        width: Number of grid columns; None means ``height``.

    Returns:
        Tensor[1, height * width * A, 2], a copy.

    Raises:
        ValueError: If ``anchors`` is not of shape (A, 2) or a count is negative.
        TypeError: If ``anchors`` is not a tensor or a count is not an integer.

    Examples:
        >>> anchors = torch.tensor([[10, 13], [16, 30], [33, 23]])
        >>> tiled = tile_anchors(anchors, 13)
        >>> tiled.shape, tiled[0, 3]  # cell 1 starts again with the first anchor
        (torch.Size([1, 507, 2]), tensor([10, 13]))

    See also:
        [grid_offsets][cookbook.grid_offsets], [tile][cookbook.tile].
    """
    require_tensor(anchors, "anchors", "tile_anchors")
    if anchors.ndim != 2 or anchors.shape[1] != 2:
        raise ValueError(
            f"tile_anchors: anchors must have shape (A, 2), got {tuple(anchors.shape)}"
        )
    if type(height) is int and height >= 0 and width is None:  # the usual square grid
        rows = columns = height
    else:
        rows = as_int(height, "height", "tile_anchors", minimum=0)
        columns = rows if width is None else as_int(width, "width", "tile_anchors", minimum=0)
    return _tile(anchors, (rows * columns, 1)).unsqueeze(0)
