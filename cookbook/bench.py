"""Benchmarks: every recipe against the bare torch it stands for, side by side in one process.

Run ``python -m cookbook bench [--device cuda] [--json PATH]``. Timings come from
``torch.utils.benchmark`` (which synchronises CUDA and picks repeat counts);
the table gives medians and their ratio, and the last line says which targets hold:

- every recipe within 1.10x of its bare op at 10**6 elements, on whichever device it runs;
- copy recipes within 1.5x of a ``torch.clone`` of their output;
- ``grid_offsets`` at least 5x faster than the YOLOv3 NumPy route at 76x76x3.
"""

from __future__ import annotations

import json
import math
import platform
import sys
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any, Literal

import numpy as np
import torch
from torch.utils import benchmark

import cookbook

SIZES = (10**3, 10**5, 10**6)
Kind = Literal["compute", "copy", "view", "metadata"]
Workload = tuple[Callable[[], object], Callable[[], object]]


@dataclass(frozen=True)
class Row:
    """One line of the table: a recipe (or a route) against a baseline at one size."""

    recipe: str
    kind: Kind
    size: int
    recipe_median_s: float
    baseline: str
    baseline_median_s: float
    clone_median_s: float | None = None
    route: bool = False  # against another route (YOLOv3, torchvision, einops), not the bare op

    @property
    def ratio(self) -> float:
        return self.recipe_median_s / self.baseline_median_s


@dataclass(frozen=True)
class Bench:
    """How to time one recipe: its kind, the baseline's name, and a workload of n elements."""

    recipe: str
    kind: Kind
    baseline: str
    workload: Callable[[int, torch.device], Workload]


def _side(n: int) -> int:
    return max(1, math.isqrt(n))


def _floats(*shape: int, device: torch.device) -> torch.Tensor:
    return torch.rand(*shape, generator=torch.Generator().manual_seed(0)).to(device)


def _detections(n: int, device: torch.device) -> torch.Tensor:
    """YOLOv3-like predictions: rows of 85 values, column 4 the confidence, about n values."""
    return _floats(1, max(1, n // 85), 85, device=device)


def _yolov3_corners(prediction: torch.Tensor) -> torch.Tensor:
    """The YOLOv3 code's ``box_corner = prediction.new(prediction.shape)`` route, completed."""
    corner = prediction.new(prediction.shape)
    corner[..., 0] = prediction[..., 0] - prediction[..., 2] / 2
    corner[..., 1] = prediction[..., 1] - prediction[..., 3] / 2
    corner[..., 2] = prediction[..., 0] + prediction[..., 2] / 2
    corner[..., 3] = prediction[..., 1] + prediction[..., 3] / 2
    corner[..., 4:] = prediction[..., 4:]
    return corner


def _yolov3_centres(prediction: torch.Tensor) -> torch.Tensor:
    centre = prediction.new(prediction.shape)
    centre[..., 0] = (prediction[..., 0] + prediction[..., 2]) / 2
    centre[..., 1] = (prediction[..., 1] + prediction[..., 3]) / 2
    centre[..., 2] = prediction[..., 2] - prediction[..., 0]
    centre[..., 3] = prediction[..., 3] - prediction[..., 1]
    centre[..., 4:] = prediction[..., 4:]
    return centre


def yolov3_offsets(grid_size: int, num_anchors: int, device: torch.device) -> torch.Tensor:
    """The YOLOv3 code's route: meshgrid in NumPy, then copy to the device on every call."""
    grid = np.arange(grid_size)
    a, b = np.meshgrid(grid, grid)
    x_offset = torch.FloatTensor(a).view(-1, 1).to(device)
    y_offset = torch.FloatTensor(b).view(-1, 1).to(device)
    return torch.cat((x_offset, y_offset), 1).repeat(1, num_anchors).view(-1, 2).unsqueeze(0)


def _grid_side(n: int, anchors: int = 3) -> int:
    return max(1, math.isqrt(n // (2 * anchors)))


def _benches() -> list[Bench]:
    c = cookbook

    def matmul(n: int, d: torch.device) -> Workload:
        a, b = _floats(_side(n), _side(n), device=d), _floats(_side(n), _side(n), device=d)
        return (lambda: c.matmul(a, b)), (lambda: torch.matmul(a, b))

    def numpy_dot(n: int, d: torch.device) -> Workload:
        a, b = _floats(_side(n), _side(n), device=d), _floats(_side(n), _side(n), device=d)
        return (lambda: c.numpy_dot(a, b)), (lambda: torch.mm(a, b))

    def matmul_shape(n: int, d: torch.device) -> Workload:
        a = torch.empty(_side(n), _side(n), device="meta")
        return (lambda: c.matmul_shape(a.shape, a.shape)), (lambda: (a @ a).shape)

    def contiguous_strides(n: int, d: torch.device) -> Workload:
        shape = (10, _side(n), _side(n) // 10 or 1)
        return (lambda: c.contiguous_strides(shape)), (
            lambda: torch.empty(shape, device="meta").stride()
        )

    def is_contiguous(n: int, d: torch.device) -> Workload:
        x = _floats(_side(n), _side(n), device=d).t()
        return (lambda: c.is_contiguous(x.shape, x.stride())), x.is_contiguous

    def view_strides(n: int, d: torch.device) -> Workload:
        x = _floats(_side(n), _side(n), device=d)
        return (lambda: c.view_strides(x.shape, x.stride(), (-1,))), (lambda: x.view(-1).stride())

    def shares_storage(n: int, d: torch.device) -> Workload:
        x = _floats(n, device=d)
        y = x[1:]
        return (lambda: c.shares_storage(x, y)), (
            lambda: x.untyped_storage().data_ptr() == y.untyped_storage().data_ptr()
        )

    def inverse_permutation(n: int, d: torch.device) -> Workload:
        dims = (2, 0, 1)
        return (lambda: c.inverse_permutation(dims)), (
            lambda: tuple(torch.argsort(torch.tensor(dims)).tolist())
        )

    def image(n: int, d: torch.device) -> torch.Tensor:
        return _floats(3, _side(n // 3), _side(n // 3), device=d)

    def permute(n: int, d: torch.device) -> Workload:
        x = image(n, d)
        return (lambda: c.permute(x, (1, 2, 0))), (lambda: x.permute(1, 2, 0))

    def moveaxis(n: int, d: torch.device) -> Workload:
        x = image(n, d)
        return (lambda: c.moveaxis(x, 0, -1)), (lambda: torch.movedim(x, 0, -1))

    def chw_to_hwc(n: int, d: torch.device) -> Workload:
        x = image(n, d)
        return (lambda: c.chw_to_hwc(x)), (lambda: x.permute(1, 2, 0))

    def hwc_to_chw(n: int, d: torch.device) -> Workload:
        x = image(n, d).permute(1, 2, 0)
        return (lambda: c.hwc_to_chw(x)), (lambda: x.permute(2, 0, 1))

    def tile(n: int, d: torch.device) -> Workload:
        x = _floats(_side(n), _side(n), device=d)
        return (lambda: c.tile(x, (2, 2))), (lambda: x.repeat(2, 2))

    def repeat_elements(n: int, d: torch.device) -> Workload:
        x = _floats(n, device=d)
        return (lambda: c.repeat_elements(x, 2)), (lambda: x.repeat_interleave(2))

    def broadcast_to(n: int, d: torch.device) -> Workload:
        x = _floats(1, n, device=d)
        return (lambda: c.broadcast_to(x, (4, n))), (lambda: x.expand(4, n))

    def meshgrid(n: int, d: torch.device) -> Workload:
        a, b = _floats(_side(n), device=d), _floats(_side(n), device=d)
        return (lambda: c.meshgrid(a, b)), (lambda: torch.meshgrid(a, b, indexing="xy"))

    def grid_offsets(n: int, d: torch.device) -> Workload:
        side = _grid_side(n)

        def bare() -> torch.Tensor:
            grid = torch.arange(side, dtype=torch.float32, device=d)
            x, y = torch.meshgrid(grid, grid, indexing="xy")
            offsets = torch.stack((x.reshape(-1), y.reshape(-1)), 1)
            return offsets.repeat(1, 3).view(-1, 2).unsqueeze(0)

        return (lambda: c.grid_offsets(side, num_anchors=3, device=d)), bare

    def tile_anchors(n: int, d: torch.device) -> Workload:
        side = _grid_side(n)
        anchors = _floats(3, 2, device=d)
        return (lambda: c.tile_anchors(anchors, side)), (
            lambda: anchors.repeat(side * side, 1).unsqueeze(0)
        )

    def confidence_mask(n: int, d: torch.device) -> Workload:
        pred = _detections(n, d)
        return (lambda: c.confidence_mask(pred, 0.5)), (
            lambda: pred * (pred[..., 4] > 0.5).unsqueeze(-1)
        )

    def filter_confident(n: int, d: torch.device) -> Workload:
        pred = _detections(n, d)
        return (lambda: c.filter_confident(pred, 0.5)), (lambda: [p[p[:, 4] > 0.5] for p in pred])

    def numel(n: int, d: torch.device) -> Workload:
        x = _floats(n, device=d)
        return (lambda: c.numel(x)), x.numel

    def nbytes(n: int, d: torch.device) -> Workload:
        x = _floats(n, device=d)
        return (lambda: c.nbytes(x)), (lambda: x.nbytes)

    def new_like(n: int, d: torch.device) -> Workload:
        x = _floats(4, device=d)
        return (lambda: c.new_like(x, (n,), fill_value=1.0)), (lambda: x.new_full((n,), 1.0))

    def cxcywh_to_xyxy(n: int, d: torch.device) -> Workload:
        pred = _detections(n, d)
        return (lambda: c.cxcywh_to_xyxy(pred)), (lambda: _yolov3_corners(pred))

    def xyxy_to_cxcywh(n: int, d: torch.device) -> Workload:
        pred = _detections(n, d)
        return (lambda: c.xyxy_to_cxcywh(pred)), (lambda: _yolov3_centres(pred))

    def to_numpy(n: int, d: torch.device) -> Workload:
        x = _floats(n, device=d)
        # Both sides wrap the array back (no copy) so the results compare as tensors.
        return (lambda: torch.from_numpy(c.to_numpy(x))), (
            lambda: torch.from_numpy(x.detach().cpu().numpy())
        )

    def from_numpy(n: int, d: torch.device) -> Workload:
        a = _floats(n, device=torch.device("cpu")).numpy()
        return (lambda: c.from_numpy(a)), (lambda: torch.from_numpy(a))

    def mean(n: int, d: torch.device) -> Workload:
        x = _floats(_side(n), _side(n), device=d)
        return (lambda: c.mean(x, axis=0)), (lambda: x.mean(dim=0))

    def activation(name: str) -> Callable[[int, torch.device], Workload]:
        recipe = getattr(c, name)

        def workload(n: int, d: torch.device) -> Workload:
            x = _floats(n, device=d) * 10 - 5
            bare: dict[str, Callable[[torch.Tensor], torch.Tensor]] = {
                "relu": torch.relu,
                "sigmoid": torch.sigmoid,
                "tanh": torch.tanh,
                "softplus": torch.nn.functional.softplus,
            }
            return (lambda: recipe(x)), (lambda: bare[name](x))

        workload.__name__ = name
        return workload

    def softmax(n: int, d: torch.device) -> Workload:
        x = _floats(_side(n), _side(n), device=d)
        return (lambda: c.softmax(x)), (lambda: torch.softmax(x, dim=-1))

    def value_and_grad(n: int, d: torch.device) -> Workload:
        x = _floats(n, device=d)

        def bare() -> tuple[torch.Tensor, torch.Tensor]:
            leaf = x.detach().requires_grad_()
            value = (leaf * leaf).mean()
            (grad,) = torch.autograd.grad(value, leaf)
            return value.detach(), grad

        return (lambda: c.value_and_grad(lambda v: (v * v).mean(), x)), bare

    def concatenate(n: int, d: torch.device) -> Workload:
        a, b = _floats(n // 2, device=d), _floats(n - n // 2, device=d)
        return (lambda: c.concatenate((a, b))), (lambda: torch.cat((a, b)))

    def stack(n: int, d: torch.device) -> Workload:
        a, b = _floats(n // 2, device=d), _floats(n // 2, device=d)
        return (lambda: c.stack((a, b))), (lambda: torch.stack((a, b)))

    def squeeze(n: int, d: torch.device) -> Workload:
        x = _floats(1, n, 1, device=d)
        return (lambda: c.squeeze(x)), x.squeeze

    def expand_dims(n: int, d: torch.device) -> Workload:
        x = _floats(n, device=d)
        return (lambda: c.expand_dims(x, 0)), (lambda: x.unsqueeze(0))

    def batch_sizes(n: int, d: torch.device) -> Workload:
        return (lambda: c.batch_sizes(n, 64)), (lambda: [min(64, n - i) for i in range(0, n, 64)])

    def batch_indices(n: int, d: torch.device) -> Workload:
        def bare() -> list[torch.Tensor]:
            order = torch.arange(n)
            return [order[i : i + 64] for i in range(0, n, 64)]

        return (lambda: c.batch_indices(n, 64)), bare

    table: list[tuple[Callable[[int, torch.device], Workload], Kind, str]] = [
        (matmul, "compute", "torch.matmul"),
        (matmul_shape, "metadata", "(a @ b).shape on meta tensors"),
        (numpy_dot, "compute", "torch.mm"),
        (contiguous_strides, "metadata", "torch.empty(shape, device='meta').stride()"),
        (is_contiguous, "metadata", "x.is_contiguous()"),
        (view_strides, "metadata", "x.view(-1).stride()"),
        (shares_storage, "metadata", "untyped_storage().data_ptr() =="),
        (inverse_permutation, "metadata", "torch.argsort(torch.tensor(dims))"),
        (permute, "view", "x.permute(1, 2, 0)"),
        (moveaxis, "view", "torch.movedim"),
        (chw_to_hwc, "view", "x.permute(1, 2, 0)"),
        (hwc_to_chw, "view", "x.permute(2, 0, 1)"),
        (tile, "copy", "x.repeat(2, 2)"),
        (repeat_elements, "copy", "x.repeat_interleave(2)"),
        (broadcast_to, "view", "x.expand"),
        (meshgrid, "view", "torch.meshgrid(indexing='xy')"),
        (grid_offsets, "copy", "torch.meshgrid + cat + repeat"),
        (tile_anchors, "copy", "anchors.repeat(h * w, 1).unsqueeze(0)"),
        (confidence_mask, "compute", "pred * (pred[..., 4] > t).unsqueeze(-1)"),
        (filter_confident, "compute", "[p[p[:, 4] > t] for p in pred]"),
        (numel, "metadata", "x.numel()"),
        (nbytes, "metadata", "x.nbytes"),
        (new_like, "compute", "x.new_full"),
        (cxcywh_to_xyxy, "copy", "YOLOv3 prediction.new(shape) route"),
        (xyxy_to_cxcywh, "copy", "YOLOv3 prediction.new(shape) route, inverted"),
        (to_numpy, "view", "x.detach().cpu().numpy()"),
        (from_numpy, "view", "torch.from_numpy(a)"),
        (mean, "compute", "x.mean(dim=0)"),
        (activation("relu"), "compute", "torch.relu"),
        (activation("sigmoid"), "compute", "torch.sigmoid"),
        (activation("tanh"), "compute", "torch.tanh"),
        (activation("softplus"), "compute", "torch.nn.functional.softplus"),
        (softmax, "compute", "torch.softmax"),
        (value_and_grad, "compute", "detach().requires_grad_() + autograd.grad"),
        (concatenate, "copy", "torch.cat"),
        (stack, "copy", "torch.stack"),
        (squeeze, "view", "x.squeeze()"),
        (expand_dims, "view", "x.unsqueeze(0)"),
        (batch_sizes, "metadata", "[min(b, n - i) for i in range(0, n, b)]"),
        (batch_indices, "compute", "slices of torch.arange(n)"),
    ]
    return [Bench(make.__name__, kind, baseline, make) for make, kind, baseline in table]


BENCHES = _benches()


def median_seconds(function: Callable[[], object], min_run_time: float) -> float:
    """Median time of one call, from ``torch.utils.benchmark``'s adaptive repeats."""
    timer = benchmark.Timer(stmt="function()", globals={"function": function})
    return float(timer.blocked_autorange(min_run_time=min_run_time).median)


def _outputs_clone(output: object) -> Callable[[], object]:
    tensors = [output] if isinstance(output, torch.Tensor) else list(output)  # type: ignore[call-overload]
    return lambda: [tensor.clone() for tensor in tensors]


def run_benches(
    device: torch.device, sizes: tuple[int, ...] = SIZES, min_run_time: float = 0.1
) -> Iterator[Row]:
    """Time every recipe at every size, then the YOLOv3 routes; yields rows as they finish."""
    for bench in BENCHES:
        for size in sizes:
            recipe, bare = bench.workload(size, device)
            clone = None
            if bench.kind == "copy":
                clone = median_seconds(_outputs_clone(recipe()), min_run_time)
            yield Row(
                bench.recipe,
                bench.kind,
                size,
                median_seconds(recipe, min_run_time),
                bench.baseline,
                median_seconds(bare, min_run_time),
                clone,
            )
    yield from _seed_routes(device, min_run_time)


def _route(
    recipe: str,
    size: int,
    timed: Callable[[], object],
    baseline: str,
    other: Callable[[], object],
    min_run_time: float,
) -> Row:
    return Row(
        recipe,
        "copy",
        size,
        median_seconds(timed, min_run_time),
        baseline,
        median_seconds(other, min_run_time),
        route=True,
    )


def _seed_routes(device: torch.device, min_run_time: float) -> Iterator[Row]:
    """The routes of the YOLOv3 code and of other libraries, where installed."""
    for grid in (13, 26, 52, 76):
        yield _route(
            "grid_offsets",
            grid * grid * 3 * 2,
            lambda g=grid: cookbook.grid_offsets(g, num_anchors=3, device=device),  # type: ignore[misc]
            f"YOLOv3 NumPy meshgrid + copy, {grid}x{grid}x3",
            lambda g=grid: yolov3_offsets(g, 3, device),  # type: ignore[misc]
            min_run_time,
        )
    pred = _detections(10**6, device)
    yield _route(
        "cxcywh_to_xyxy",
        pred.numel(),
        lambda: cookbook.cxcywh_to_xyxy(pred),
        "YOLOv3 prediction.new(shape) route",
        lambda: _yolov3_corners(pred),
        min_run_time,
    )
    try:
        from torchvision.ops import box_convert
    except ImportError:
        pass
    else:
        boxes = pred[..., :4].contiguous()
        yield _route(
            "cxcywh_to_xyxy",
            boxes.numel(),
            lambda: cookbook.cxcywh_to_xyxy(boxes),
            "torchvision.ops.box_convert",
            lambda: box_convert(boxes, "cxcywh", "xyxy"),
            min_run_time,
        )
    try:
        import einops
    except ImportError:
        return
    x = _floats(10**6, device=device)
    square = _floats(1000, 1000, device=device)
    yield _route(
        "repeat_elements",
        x.numel(),
        lambda: cookbook.repeat_elements(x, 2),
        "einops.repeat(x, 'n -> (n r)', r=2)",
        lambda: einops.repeat(x, "n -> (n r)", r=2),
        min_run_time,
    )
    yield _route(
        "tile",
        square.numel(),
        lambda: cookbook.tile(square, (2, 2)),
        "einops.repeat(x, 'h w -> (a h) (b w)', a=2, b=2)",
        lambda: einops.repeat(square, "h w -> (a h) (b w)", a=2, b=2),
        min_run_time,
    )


@dataclass(frozen=True)
class Target:
    """One promise of the benchmark and whether this run kept it."""

    name: str
    held: bool
    detail: str


def _missed(rows: list[Row], ratio: Callable[[Row], float]) -> str:
    return ", ".join(f"{row.recipe} {ratio(row):.2f}x" for row in rows)


def check_targets(rows: list[Row]) -> list[Target]:
    """The three targets, judged at the largest size measured."""
    largest = max(row.size for row in rows if not row.route)
    at_largest = [row for row in rows if not row.route and row.size == largest]
    slow = [row for row in at_largest if row.ratio > 1.10]
    copies = [row for row in at_largest if row.clone_median_s is not None]

    def against_clone(row: Row) -> float:
        return row.recipe_median_s / (row.clone_median_s or math.inf)

    slow_copies = [row for row in copies if against_clone(row) > 1.5]
    targets = [
        Target(
            f"within 1.10x of the bare op at {largest:.0e} elements",
            not slow,
            f"{len(at_largest) - len(slow)}/{len(at_largest)}"
            + (f"; missed: {_missed(slow, lambda row: row.ratio)}" if slow else ""),
        ),
        Target(
            "copy recipes within 1.5x of torch.clone of their output",
            not slow_copies,
            f"{len(copies) - len(slow_copies)}/{len(copies)}"
            + (f"; missed: {_missed(slow_copies, against_clone)}" if slow_copies else ""),
        ),
    ]
    grid = [row for row in rows if row.route and row.baseline.endswith("76x76x3")]
    if grid:
        speedup = 1 / grid[0].ratio
        targets.append(
            Target(
                "grid_offsets >= 5x faster than the YOLOv3 route at 76x76x3",
                speedup >= 5,
                f"{speedup:.1f}x",
            )
        )
    return targets


def _duration(seconds: float) -> str:
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("us", 1e-6)):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds / 1e-9:.3g} ns"


def format_table(rows: list[Row]) -> str:
    """Recipe, size, recipe median, baseline median and their ratio, one row each."""
    header = ("recipe", "kind", "size", "recipe", "baseline", "ratio", "against")
    lines = [header] + [
        (
            row.recipe,
            row.kind,
            f"{row.size:.0e}" if not row.route else str(row.size),
            _duration(row.recipe_median_s),
            _duration(row.baseline_median_s),
            f"{row.ratio:.2f}",
            row.baseline,
        )
        for row in rows
    ]
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    text = [
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in lines
    ]
    text.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(text)


def environment(device: torch.device) -> dict[str, Any]:
    """What the numbers depend on: machine, versions, device, date."""
    name = (
        torch.cuda.get_device_name(device)
        if device.type == "cuda"
        else platform.processor() or platform.machine()
    )
    return {
        "date": date.today().isoformat(),
        "machine": f"{platform.machine()}, {torch.get_num_threads()} threads",
        "device": f"{device.type} ({name})",
        "torch": torch.__version__,
        "numpy": np.__version__,
        "python": platform.python_version(),
    }


def main(*, device: str, json_path: str | None, quick: bool) -> int:
    """The ``bench`` command; returns its exit status (0 whether or not targets hold)."""
    target = torch.device(device)
    sizes = (10**3, 10**4) if quick else SIZES
    rows: list[Row] = []
    facts = environment(target)
    print(" | ".join(f"{key} {value}" for key, value in facts.items()))
    for row in run_benches(target, sizes, min_run_time=0.02 if quick else 0.1):
        rows.append(row)
        print(f"  {row.recipe} at {row.size}: {row.ratio:.2f}x", file=sys.stderr, flush=True)
    targets = check_targets(rows)
    print(format_table(rows))
    if json_path:
        with open(json_path, "w") as handle:
            json.dump(
                {
                    **facts,
                    "command": "python -m cookbook bench"
                    + (f" --device {device}" if device != "cpu" else ""),
                    "rows": [{**asdict(row), "ratio": row.ratio} for row in rows],
                    "targets": [asdict(t) for t in targets],
                },
                handle,
                indent=1,
            )
    print(
        "targets: "
        + "; ".join(f"{t.name}: {'held' if t.held else 'MISSED'} ({t.detail})" for t in targets)
    )
    return 0
