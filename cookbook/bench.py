"""Benchmarks: every recipe against the bare torch it stands for, side by side in one process.

Run ``python -m cookbook bench [--device cuda] [--json PATH]``. What to time comes
from each recipe's declaration (``cookbook.testing.checks``): its workload, its
bare baseline and the other routes to its result. Timings come from
``torch.utils.benchmark`` (which synchronises CUDA and picks repeat counts);
the table gives medians and their ratio, and the last line says which targets hold:

- every recipe within 1.10x of its bare op at 10**6 elements, on whichever device it runs;
- copy recipes within 1.5x of a ``torch.clone`` of their output;
- ``grid_offsets`` at least 5x faster than the YOLOv3 NumPy route at 76x76x3.
"""

from __future__ import annotations

import importlib.util
import json
import math
import platform
import sys
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

import numpy as np
import torch
from torch.utils import benchmark

from cookbook.testing.checks import Bench, Kind, Route, all_recipes

SIZES = (10**3, 10**5, 10**6)


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
class Timed:
    """One recipe's benchmark, as its declaration gives it."""

    recipe: str
    kind: Kind
    bench: Bench
    routes: tuple[Route, ...]


def timed_recipes() -> list[Timed]:
    """Every declared recipe's benchmark, in family order."""
    return [
        Timed(recipe.name, recipe.kind, recipe.bench, recipe.routes) for _, recipe in all_recipes()
    ]


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
    """Time every recipe at every size, then the other routes; yields rows as they finish."""
    timed = timed_recipes()
    for entry in timed:
        for size in sizes:
            recipe, bare = entry.bench.workload(size, device)
            clone = None
            if entry.kind == "copy":
                clone = median_seconds(_outputs_clone(recipe()), min_run_time)
            yield Row(
                entry.recipe,
                entry.kind,
                size,
                median_seconds(recipe, min_run_time),
                entry.bench.baseline,
                median_seconds(bare, min_run_time),
                clone,
            )
    for entry in timed:
        for route in entry.routes:
            if route.needs is not None and importlib.util.find_spec(route.needs) is None:
                continue
            recipe, other = route.workload(device)
            yield Row(
                entry.recipe,
                entry.kind,
                route.size,
                median_seconds(recipe, min_run_time),
                route.baseline,
                median_seconds(other, min_run_time),
                route=True,
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
