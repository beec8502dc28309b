"""The strategies really draw the layouts they claim, with poison in the gaps."""

from __future__ import annotations

import cmath
import math

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from cookbook.testing import ALL_DTYPES, LAYOUT_KINDS, poison_value, shapes, tensors

# Shapes on which every layout kind can show: two or more axes, each of size 2 or more.
ROOMY_SHAPES = shapes(min_dims=2, max_dims=4, min_side=2, max_side=4)
DTYPES = st.sampled_from(ALL_DTYPES)


def addressed_offsets(x: torch.Tensor) -> set[int]:
    """Storage offsets of every element the view can reach."""
    offsets = {x.storage_offset()}
    for size, stride in zip(x.shape, x.stride(), strict=True):
        offsets = {base + index * stride for base in offsets for index in range(size)}
    return offsets


def storage_elements(x: torch.Tensor) -> torch.Tensor:
    return torch.empty(0, dtype=x.dtype, device=x.device).set_(x.untyped_storage())


@pytest.mark.parametrize("kind", LAYOUT_KINDS)
def test_each_kind_shows(kind: str, device: torch.device) -> None:
    @given(tensors(DTYPES, ROOMY_SHAPES, device=device, kinds=(kind,), min_kinds=1))
    def shows(x: torch.Tensor) -> None:
        contiguous = torch.empty(x.shape).stride()
        if kind == "offset":
            assert x.storage_offset() >= 1
            return  # an offset alone keeps the tensor contiguous, possibly
        if kind == "expanded":
            assert 0 in x.stride()
        elif kind == "stepped":
            assert any(s > c for s, c in zip(x.stride(), contiguous, strict=True))
        elif kind == "permuted":
            assert list(x.stride()) != sorted(x.stride(), reverse=True)
        assert not x.is_contiguous()

    shows()


def test_no_kinds_means_contiguous(device: torch.device) -> None:
    @given(tensors(DTYPES, shapes(), device=device, kinds=()))
    def contiguous(x: torch.Tensor) -> None:
        assert x.is_contiguous()
        assert x.storage_offset() == 0
        assert x.device.type == device.type

    contiguous()


def test_noncontiguous_whenever_the_shape_allows(device: torch.device) -> None:
    @given(tensors(DTYPES, shapes(), device=device, noncontiguous=True))
    def noncontiguous(x: torch.Tensor) -> None:
        if x.numel() >= 2:
            assert not x.is_contiguous()
        else:
            assert x.is_contiguous()  # nothing else exists for 0 or 1 elements

    noncontiguous()


def test_gaps_hold_poison(device: torch.device) -> None:
    @given(tensors(DTYPES, shapes(min_dims=1), device=device))
    def poisoned(x: torch.Tensor) -> None:
        storage = storage_elements(x).cpu()
        used = addressed_offsets(x) if x.numel() else set()
        gaps = [i for i in range(storage.numel()) if i not in used]
        assert gaps, "every drawn storage has at least one poison cell after the view"
        poison = poison_value(x.dtype)
        for index in gaps:
            value = storage[index].item()
            is_nan = cmath.isnan(value) if isinstance(value, complex) else math.isnan(value)
            assert is_nan if isinstance(poison, float) else value == poison, (
                f"storage[{index}] = {value} is not poison; strides {x.stride()}, "
                f"offset {x.storage_offset()}"
            )

    poisoned()


def test_values_come_through_unchanged() -> None:
    import numpy as np
    from hypothesis.extra import numpy as hnp

    from cookbook.testing import Layout, layouts, materialize

    @given(st.data())
    def round_trip(data: st.DataObject) -> None:
        shape = data.draw(shapes(max_dims=3))
        layout: Layout = data.draw(layouts(shape))
        values = data.draw(hnp.arrays(np.float64, layout.stored_shape(shape)))
        x = materialize(values, layout, shape)
        np.testing.assert_array_equal(x.numpy(), np.broadcast_to(values, shape))

    round_trip()


def test_every_shared_dtype_is_drawn() -> None:
    seen: set[torch.dtype] = set()

    @given(tensors(DTYPES, shapes(max_dims=1)))
    @settings(max_examples=300, derandomize=True, database=None)
    def collect(x: torch.Tensor) -> None:
        seen.add(x.dtype)

    collect()
    assert seen == set(ALL_DTYPES)
    assert len(ALL_DTYPES) == 14  # bool, 4 unsigned, 4 signed, 3 float, 2 complex
