"""The meshgrid family: properties, the notes' 13x13 grid, bad input."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
import torch

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
