"""The meshgrid family: properties, the notes' 13x13 grid, bad input."""

from __future__ import annotations

import importlib
import re
import warnings

import numpy as np
import pytest
import torch
from doubles import forbidden, spy_on

from cookbook import grid_offsets, meshgrid, tile_anchors
from cookbook.testing.checks import Check, checks_for


@pytest.mark.parametrize("check", checks_for("meshgrid"), ids=str)
def test_property(check: Check, device: torch.device) -> None:
    check.run(device)


def test_notes_13x13_grid_with_3_anchors(device: torch.device) -> None:
    x, y = meshgrid(torch.arange(13.0), torch.arange(13.0))
    offsets = torch.cat((x.reshape(-1, 1), y.reshape(-1, 1)), 1)
    assert offsets.shape == (169, 2)
    assert offsets.repeat(1, 3).shape == (169, 6)
    yolo = offsets.repeat(1, 3).view(-1, 2).unsqueeze(0)
    assert yolo.shape == (1, 507, 2)
    assert yolo[0, 39].tolist() == [0.0, 1.0]
    built = grid_offsets(13, num_anchors=3, device=device)
    assert built.device.type == device.type
    assert torch.equal(built.cpu(), yolo)


def test_notes_meshgrid_xy() -> None:
    X, Y = meshgrid(torch.tensor([0, 1, 2]), torch.tensor([0, 1]))
    assert X.tolist() == [[0, 1, 2], [0, 1, 2]]
    assert Y.tolist() == [[0, 0, 0], [1, 1, 1]]


def test_meshgrid_never_warns() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        meshgrid(torch.arange(2), torch.arange(3))


def test_grid_offsets_rectangular_matches_numpy() -> None:
    x, y = np.meshgrid(np.arange(5), np.arange(3))
    expected = np.stack((x.ravel(), y.ravel()), axis=1)[None]
    assert grid_offsets(3, 5, dtype=torch.int64).numpy().tolist() == expected.tolist()


def test_tile_anchors_lines_up_with_grid_offsets() -> None:
    anchors = torch.tensor([[10.0, 13.0], [16.0, 30.0], [33.0, 23.0]])
    tiled = tile_anchors(anchors, 13)
    assert tiled.shape == grid_offsets(13, num_anchors=3).shape
    assert torch.equal(tiled, anchors.repeat(169, 1).unsqueeze(0))


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: meshgrid(torch.arange(2), indexing="yx"),
            ValueError,
            "meshgrid: indexing must be 'xy' or 'ij', got 'yx'",
        ),
        (
            lambda: meshgrid(torch.arange(2), [0, 1]),
            TypeError,
            r"meshgrid: xs\[1\] must be a torch.Tensor, got list",
        ),
        (lambda: grid_offsets(-1), ValueError, "grid_offsets: height must be >= 0, got -1"),
        (lambda: grid_offsets(3, -2), ValueError, "width must be >= 0, got -2"),
        (lambda: grid_offsets(3, num_anchors=-1), ValueError, "num_anchors must be >= 0"),
        (
            lambda: grid_offsets(3.5),
            TypeError,
            "grid_offsets: height must be an integer, got float 3.5",
        ),
        (lambda: grid_offsets(3, "4"), TypeError, "width must be an integer"),
        (lambda: grid_offsets(3, num_anchors=None), TypeError, "num_anchors must be an integer"),
        (
            lambda: grid_offsets(3, dtype="float32"),
            TypeError,
            "dtype must be a torch.dtype, got 'float32'",
        ),
        (
            lambda: tile_anchors(torch.ones(3, 3), 2),
            ValueError,
            r"tile_anchors: anchors must have shape \(A, 2\), got \(3, 3\)",
        ),
        (lambda: tile_anchors([[1, 2]], 2), TypeError, "anchors must be a torch.Tensor"),
        (lambda: tile_anchors(torch.ones(3, 2), -2), ValueError, "height must be >= 0"),
        (lambda: tile_anchors(torch.ones(3, 2), 2, 1.5), TypeError, "width must be an integer"),
    ],
)
def test_bad_input(call: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        call()  # type: ignore[operator]


GRIDS = importlib.import_module("cookbook.grids")


def _assert_grids_match_numpy(grids: tuple[torch.Tensor, ...], expected: list[np.ndarray]) -> None:
    assert len(grids) == len(expected)
    for grid, want in zip(grids, expected, strict=True):
        assert grid.shape == want.shape
        assert grid.numpy().dtype == want.dtype
        assert grid.numpy().tolist() == want.tolist()


@pytest.mark.parametrize("indexing", ["xy", "ij"])
@pytest.mark.parametrize(
    "xs",
    [
        pytest.param((torch.arange(3),), id="one-1d"),
        pytest.param((torch.arange(3), torch.arange(2)), id="two-int64"),
        pytest.param((torch.arange(3.0), torch.tensor(5.0), torch.arange(4.0)), id="with-0d"),
    ],
)
def test_fast_path_meshgrid_of_one_dtype_is_torch_meshgrid_without_the_general_checks(
    monkeypatch: pytest.MonkeyPatch, xs: tuple[torch.Tensor, ...], indexing: str
) -> None:
    monkeypatch.setattr(GRIDS, "require_tensor", forbidden)
    grids = meshgrid(*xs, indexing=indexing)
    _assert_grids_match_numpy(grids, np.meshgrid(*(x.numpy() for x in xs), indexing=indexing))


@pytest.mark.parametrize("indexing", ["xy", "ij"])
@pytest.mark.parametrize(
    "xs",
    [
        pytest.param((torch.arange(3), torch.arange(2, dtype=torch.int32)), id="mixed-dtypes"),
        pytest.param((torch.arange(3.0), torch.arange(2.0), torch.arange(4)), id="third-differs"),
        pytest.param((torch.arange(6).reshape(2, 3),), id="one-2d"),
        pytest.param((torch.arange(6).reshape(2, 3), torch.arange(2)), id="2d-and-1d"),
    ],
)
def test_meshgrid_outside_the_fast_path_matches_numpy_through_the_general_path(
    monkeypatch: pytest.MonkeyPatch, xs: tuple[torch.Tensor, ...], indexing: str
) -> None:
    spy = spy_on(monkeypatch, GRIDS, "require_tensor")
    grids = meshgrid(*xs, indexing=indexing)
    # Each grid keeps its own input's dtype, as in NumPy; inputs are flattened.
    _assert_grids_match_numpy(grids, np.meshgrid(*(x.numpy() for x in xs), indexing=indexing))
    assert spy.calls == len(xs)


def test_meshgrid_of_nothing_is_an_empty_tuple() -> None:
    assert meshgrid() == ()
    assert meshgrid(indexing="ij") == ()


@pytest.mark.parametrize("indexing", ["xy", "ij"])
@pytest.mark.parametrize(
    ("xs", "message"),
    [
        pytest.param(
            ([torch.arange(2), torch.arange(3)],),
            "meshgrid: xs[0] must be a torch.Tensor, got list [tensor([0, 1]), tensor([0, 1, 2])]",
            id="list-of-tensors",  # torch.meshgrid would accept it
        ),
        pytest.param(
            ((torch.arange(2), torch.arange(3)),),
            "meshgrid: xs[0] must be a torch.Tensor, got tuple (tensor([0, 1]), tensor([0, 1, 2]))",
            id="tuple-of-tensors",
        ),
        pytest.param(
            (3, torch.arange(2)),
            "meshgrid: xs[0] must be a torch.Tensor, got int 3",
            id="int-first",
        ),
    ],
)
def test_meshgrid_refuses_a_non_tensor_first_input_with_the_whole_message(
    xs: tuple[object, ...], message: str, indexing: str
) -> None:
    with pytest.raises(TypeError, match=re.escape(message) + "$"):
        meshgrid(*xs, indexing=indexing)  # type: ignore[arg-type]


def _numpy_offsets(height: int, width: int, num_anchors: int) -> np.ndarray:
    x, y = np.meshgrid(np.arange(width), np.arange(height))
    xy = np.stack([x.ravel(), y.ravel()], axis=1)
    return np.repeat(xy, num_anchors, axis=0)[None]


@pytest.mark.parametrize(
    "dtype",
    [
        torch.int32,
        torch.int16,
        torch.uint8,
        torch.int64,
        torch.float16,
        torch.float64,
        torch.bfloat16,
    ],
)
@pytest.mark.parametrize(("height", "width", "num_anchors"), [(3, 5, 2), (4, 1, 3), (2, 3, 1)])
def test_grid_offsets_has_the_requested_dtype_and_numpy_values(
    dtype: torch.dtype, height: int, width: int, num_anchors: int
) -> None:
    offsets = grid_offsets(height, width, num_anchors, dtype=dtype)
    assert offsets.dtype == dtype
    assert offsets.shape == (1, height * width * num_anchors, 2)
    assert offsets.tolist() == _numpy_offsets(height, width, num_anchors).tolist()


@pytest.mark.parametrize(("height", "width", "num_anchors"), [(0, 3, 2), (3, 0, 2), (3, 4, 0)])
def test_grid_offsets_with_a_zero_count_is_empty(height: int, width: int, num_anchors: int) -> None:
    offsets = grid_offsets(height, width, num_anchors, dtype=torch.int32)
    assert offsets.shape == (1, 0, 2)
    assert offsets.dtype == torch.int32


def test_grid_offsets_is_built_on_the_requested_device() -> None:
    # The meta device stands in for an accelerator: shape and dtype without data.
    offsets = grid_offsets(3, 5, 2, dtype=torch.int32, device="meta")
    assert offsets.device.type == "meta"
    assert offsets.dtype == torch.int32
    assert offsets.shape == (1, 30, 2)


ANCHORS = torch.tensor([[10, 13], [16, 30], [33, 23]])


@pytest.mark.parametrize("height", [0, 1, 2, 13])
def test_fast_path_tile_anchors_of_an_int_square_grid_skips_as_int(
    monkeypatch: pytest.MonkeyPatch, height: int
) -> None:
    monkeypatch.setattr(GRIDS, "as_int", forbidden)
    tiled = tile_anchors(ANCHORS, height)
    expected = np.tile(ANCHORS.numpy(), (height * height, 1))[None]
    assert tiled.shape == expected.shape
    assert tiled.tolist() == expected.tolist()


@pytest.mark.parametrize(
    ("height", "width", "cells", "as_int_calls"),
    [
        pytest.param(np.int64(2), None, 4, 1, id="numpy-height-square"),
        pytest.param(torch.tensor(3), None, 9, 1, id="tensor-height-square"),
        pytest.param(2, 3, 6, 2, id="int-height-and-width"),
        pytest.param(np.int32(0), None, 0, 1, id="numpy-zero-square"),
    ],
)
def test_tile_anchors_outside_the_fast_path_matches_numpy_tile(
    monkeypatch: pytest.MonkeyPatch, height: object, width: object, cells: int, as_int_calls: int
) -> None:
    spy = spy_on(monkeypatch, GRIDS, "as_int")
    tiled = tile_anchors(ANCHORS, height, width)  # type: ignore[arg-type]
    expected = np.tile(ANCHORS.numpy(), (cells, 1))[None]
    assert tiled.shape == expected.shape
    assert tiled.tolist() == expected.tolist()
    assert spy.calls == as_int_calls
