"""Strategies for tensors in arbitrary memory layouts, with poisoned gaps.

A drawn tensor's values come from ``hypothesis.extra.numpy.arrays``; its
layout is drawn separately (a [Layout][cookbook.testing.Layout]) and built
with ``as_strided`` over a storage that is first filled with a poison value:
NaN for floats, a sentinel for integers. A recipe that reads outside its view
therefore reads poison and disagrees with the NumPy oracle.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import torch
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from cookbook._dtypes import NUMPY_TO_TORCH, TORCH_TO_NUMPY

INTEGER_DTYPES: tuple[torch.dtype, ...] = (
    torch.uint8,
    torch.int8,
    torch.int16,
    torch.int32,
    torch.int64,
)
FLOAT_DTYPES: tuple[torch.dtype, ...] = (torch.float16, torch.float32, torch.float64)
NUMERIC_DTYPES: tuple[torch.dtype, ...] = INTEGER_DTYPES + FLOAT_DTYPES
#: The unsigned dtypes torch stores everywhere but computes with only in part
#: (no ``flip``, ``matmul`` or ``sort`` kernels on CPU for them in torch 2.13).
WIDE_UNSIGNED_DTYPES: tuple[torch.dtype, ...] = (torch.uint16, torch.uint32, torch.uint64)
COMPLEX_DTYPES: tuple[torch.dtype, ...] = (torch.complex64, torch.complex128)
#: Every dtype torch and NumPy share.
ALL_DTYPES: tuple[torch.dtype, ...] = (
    torch.bool,
    *INTEGER_DTYPES,
    *WIDE_UNSIGNED_DTYPES,
    *FLOAT_DTYPES,
    *COMPLEX_DTYPES,
)

#: Layout kinds: how a view's strides depart from a fresh contiguous tensor's.
LAYOUT_KINDS: tuple[str, ...] = ("permuted", "stepped", "offset", "expanded")


def poison_value(dtype: torch.dtype) -> bool | int | float:
    """What fills the storage a view does not cover: NaN, or a sentinel integer."""
    if dtype.is_floating_point or dtype.is_complex:
        return math.nan
    if dtype == torch.bool:
        return True
    return -77 if dtype.is_signed else 77


@dataclass(frozen=True)
class Layout:
    """How a tensor of a given shape is laid out over its storage.

    Attributes:
        order: Axes from outermost to innermost in memory (identity: row-major).
        steps: Per axis, the gap factor between neighbouring elements (1: none).
        offset: Elements of poison before the first element.
        expanded: Per axis, whether the axis is broadcast with stride 0.
    """

    order: tuple[int, ...]
    steps: tuple[int, ...]
    offset: int
    expanded: tuple[bool, ...]

    def stored_shape(self, shape: Sequence[int]) -> tuple[int, ...]:
        """The shape whose values are actually stored: 1 along expanded axes."""
        return tuple(
            1 if flat and size else size for size, flat in zip(shape, self.expanded, strict=True)
        )

    def strides(self, shape: Sequence[int]) -> tuple[int, ...]:
        """Strides, in elements, of the stored (not yet expanded) view."""
        stored = self.stored_shape(shape)
        strides = [0] * len(stored)
        step = 1
        for axis in reversed(self.order):
            strides[axis] = step * self.steps[axis]
            step *= max(stored[axis], 1) * self.steps[axis]
        return tuple(strides)

    def storage_size(self, shape: Sequence[int]) -> int:
        """Elements the storage needs: the offset, the view's span, and one poison cell after."""
        stored = self.stored_shape(shape)
        if 0 in stored:
            return self.offset + 1
        span = sum(
            (size - 1) * stride for size, stride in zip(stored, self.strides(shape), strict=True)
        )
        return self.offset + span + 2


def materialize(
    values: np.ndarray, layout: Layout, shape: Sequence[int], device: torch.device | str = "cpu"
) -> torch.Tensor:
    """A tensor of ``shape`` holding ``values`` (broadcast) in ``layout`` on ``device``.

    ``values`` must have the layout's stored shape (size 1 along expanded axes).
    """
    stored = layout.stored_shape(shape)
    if values.shape != stored:
        raise ValueError(f"values of shape {values.shape} do not fit the stored shape {stored}")
    dtype = NUMPY_TO_TORCH[values.dtype]
    storage = torch.full(
        (layout.storage_size(shape),), poison_value(dtype), dtype=dtype, device=device
    )
    view = storage.as_strided(stored, layout.strides(shape), layout.offset)
    view.copy_(torch.from_numpy(values))
    return view.expand(tuple(shape))


def _force_noncontiguous(layout: Layout, shape: tuple[int, ...]) -> Layout:
    """``layout`` with a step of 2 on the first axis of size >= 2: a gap, so not contiguous."""
    axis = next(axis for axis, size in enumerate(shape) if size >= 2)
    steps = list(layout.steps)
    steps[axis] = 2
    expanded = list(layout.expanded)
    expanded[axis] = False
    return Layout(layout.order, tuple(steps), layout.offset, tuple(expanded))


@st.composite
def layouts(
    draw: st.DrawFn,
    shape: Sequence[int],
    kinds: Sequence[str] = LAYOUT_KINDS,
    *,
    min_kinds: int = 0,
    noncontiguous: bool = False,
) -> Layout:
    """Layouts for a tensor of ``shape``, combining at least ``min_kinds`` of ``kinds``.

    Each kind drawn is made to show where the shape allows it: a permutation
    other than the identity, at least one step of 2 or more, an offset of at
    least 1, at least one expanded axis. No kind at all is a plain contiguous
    tensor. With ``noncontiguous=True`` the layout is never contiguous when the
    tensor has two or more elements.
    """
    unknown = set(kinds) - set(LAYOUT_KINDS)
    if unknown:
        raise ValueError(f"unknown layout kinds {sorted(unknown)}; choose from {LAYOUT_KINDS}")
    shape = tuple(shape)
    ndim = len(shape)
    chosen = draw(st.sets(st.sampled_from(tuple(kinds)), min_size=min_kinds)) if kinds else set()
    identity = tuple(range(ndim))
    order, steps, offset, expanded = identity, (1,) * ndim, 0, (False,) * ndim
    if "permuted" in chosen and ndim >= 2:
        order = tuple(draw(st.permutations(identity).filter(lambda p: tuple(p) != identity)))
    if "stepped" in chosen and ndim >= 1:
        steps = tuple(
            draw(
                st.lists(st.integers(1, 3), min_size=ndim, max_size=ndim).filter(
                    lambda s: max(s) >= 2
                )
            )
        )
    if "offset" in chosen:
        offset = draw(st.integers(1, 4))
    if "expanded" in chosen and ndim >= 1:
        expanded = tuple(draw(st.lists(st.booleans(), min_size=ndim, max_size=ndim).filter(any)))
    layout = Layout(order, steps, offset, expanded)
    # An empty or one-element tensor is contiguous whatever its strides.
    if noncontiguous and 0 not in shape and any(size >= 2 for size in shape):
        final_strides = tuple(
            0 if flat else stride
            for stride, flat in zip(layout.strides(shape), expanded, strict=True)
        )
        if torch.empty_strided(shape, final_strides).is_contiguous():
            layout = _force_noncontiguous(layout, shape)
    return layout


def shapes(
    *, min_dims: int = 0, max_dims: int = 4, min_side: int = 0, max_side: int = 4
) -> st.SearchStrategy[tuple[int, ...]]:
    """Small array shapes, zero-size axes included by default."""
    return hnp.array_shapes(
        min_dims=min_dims, max_dims=max_dims, min_side=min_side, max_side=max_side
    )


@st.composite
def tensors(
    draw: st.DrawFn,
    dtype: torch.dtype | st.SearchStrategy[torch.dtype],
    shape: Sequence[int] | st.SearchStrategy[tuple[int, ...]],
    *,
    elements: st.SearchStrategy[object] | None = None,
    device: torch.device | str = "cpu",
    kinds: Sequence[str] = LAYOUT_KINDS,
    min_kinds: int = 0,
    noncontiguous: bool = False,
) -> torch.Tensor:
    """Tensors of ``dtype`` and ``shape`` on ``device``, in layouts from ``layouts``.

    Values are drawn by ``hypothesis.extra.numpy.arrays`` (``elements`` as
    there); ``kinds=()`` draws plain contiguous tensors.
    """
    chosen_dtype = draw(dtype) if isinstance(dtype, st.SearchStrategy) else dtype
    chosen_shape = tuple(draw(shape) if isinstance(shape, st.SearchStrategy) else shape)
    layout = draw(layouts(chosen_shape, kinds, min_kinds=min_kinds, noncontiguous=noncontiguous))
    values = draw(
        hnp.arrays(
            TORCH_TO_NUMPY[chosen_dtype], layout.stored_shape(chosen_shape), elements=elements
        )
    )
    return materialize(values, layout, chosen_shape, device)


def small_integers(dtype: torch.dtype, bound: int = 8) -> st.SearchStrategy[object]:
    """Integer values in ``[-bound, bound]`` that ``dtype`` holds exactly (booleans for bool).

    Sums of a few products of these stay exact in every float dtype, so float
    maths on them can be compared with NumPy exactly.
    """
    if dtype == torch.bool:
        return st.booleans()
    low = -bound if dtype.is_signed else 0
    return st.integers(low, bound)
