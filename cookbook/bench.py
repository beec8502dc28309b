"""Benchmarks: every recipe against the bare torch it stands for, side by side in one process.

Run ``python -m cookbook bench [--device cuda] [--json PATH]``. What to time comes
from each recipe's declaration (``cookbook.testing.checks``): its workload, its
bare baseline and the other routes to its result. Timings come from
``torch.utils.benchmark`` (which synchronises CUDA and picks repeat counts),
the recipe and its baseline taking turns for a few rounds, each keeping its
fastest median; the table gives those and their ratio, and the last line says
which targets hold:

- every recipe within 1.10x of its bare op at 10**6 elements, on whichever device it runs;
- copy recipes within 1.5x of a ``torch.clone`` of their output;
- ``grid_offsets`` at least 5x faster than the YOLOv3 NumPy route at 76x76x3;
- every recipe adds at most 1.0 us to its bare op on small inputs (the declared
  workload at ``OVERHEAD_SIZE`` elements, one thread): the Python a call costs.
  A recipe that cannot get there says why in its declaration (``Bench.overhead``),
  and the target line names it with its figure.
"""

from __future__ import annotations

import importlib.util
import json
import math
import platform
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

import numpy as np
import torch
from torch.utils import benchmark

from cookbook.testing.checks import Bench, Kind, Route, all_recipes

SIZES = (10**3, 10**5, 10**6)
#: Elements in the workload that measures per-call overhead: small enough that
#: the kernels cost next to nothing and the Python around them shows.
OVERHEAD_SIZE = 16
#: The most a recipe may add to its bare op on small inputs, in seconds.
OVERHEAD_LIMIT_S = 1.0e-6


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
class Overhead:
    """What one call of a recipe adds to its bare op on small inputs, single-threaded."""

    recipe: str
    recipe_median_s: float
    baseline: str
    baseline_median_s: float

    excuse: str | None = None

    @property
    def added_s(self) -> float:
        return self.recipe_median_s - self.baseline_median_s


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


def median_seconds(
    function: Callable[[], object],
    min_run_time: float,
    clock: Callable[[], float] = time.perf_counter,
) -> float:
    """Median time of one call, from ``torch.utils.benchmark``'s adaptive repeats (one thread)."""
    timer = benchmark.Timer(
        stmt="function()", globals={"function": function}, num_threads=1, timer=clock
    )
    return float(timer.blocked_autorange(min_run_time=min_run_time).median)


def _outputs_clone(output: object) -> Callable[[], object]:
    tensors = [output] if isinstance(output, torch.Tensor) else list(output)  # type: ignore[call-overload]
    return lambda: [tensor.clone() for tensor in tensors]


def fastest_medians(
    functions: Sequence[Callable[[], object]],
    min_run_time: float,
    rounds: int,
    clock: Callable[[], float] = time.perf_counter,
) -> list[float]:
    """Each function's fastest median over ``rounds`` rounds, the functions taking turns.

    On a busy machine other processes only ever add time, and they come and go:
    taking turns gives each function the same weather, and the fastest round
    is the one least disturbed.
    """
    fastest = [math.inf] * len(functions)
    for _ in range(rounds):
        for i, function in enumerate(functions):
            fastest[i] = min(fastest[i], median_seconds(function, min_run_time, clock))
    return fastest


def _clock(device: torch.device) -> Callable[[], float]:
    """This thread's CPU time on CPU, which leaves out waits for a core; else the wall clock."""
    return time.thread_time if device.type == "cpu" else time.perf_counter


def run_benches(
    device: torch.device,
    sizes: tuple[int, ...] = SIZES,
    min_run_time: float = 0.05,
    rounds: int = 3,
) -> Iterator[Row]:
    """Time every recipe at every size, then the other routes; yields rows as they finish."""
    timed = timed_recipes()
    clock = _clock(device)
    for entry in timed:
        for size in sizes:
            recipe, bare = entry.bench.workload(size, device)
            functions = [recipe, bare]
            if entry.kind == "copy":
                functions.append(_outputs_clone(recipe()))
            recipe_s, bare_s, *clone = fastest_medians(functions, min_run_time, rounds, clock)
            yield Row(
                entry.recipe,
                entry.kind,
                size,
                recipe_s,
                entry.bench.baseline,
                bare_s,
                clone[0] if clone else None,
            )
    for entry in timed:
        for route in entry.routes:
            if route.needs is not None and importlib.util.find_spec(route.needs) is None:
                continue
            recipe, other = route.workload(device)
            recipe_s, other_s = fastest_medians([recipe, other], min_run_time, rounds, clock)
            yield Row(
                entry.recipe,
                entry.kind,
                route.size,
                recipe_s,
                route.baseline,
                other_s,
                route=True,
            )


def run_overheads(
    device: torch.device, min_run_time: float = 0.05, rounds: int = 5
) -> Iterator[Overhead]:
    """Time every recipe and its bare op on ``OVERHEAD_SIZE`` elements, as ``fastest_medians``."""
    clock = _clock(device)
    for entry in timed_recipes():
        recipe, bare = entry.bench.workload(OVERHEAD_SIZE, device)
        recipe(), bare()  # warm caches (and CUDA kernels) before timing
        recipe_s, bare_s = fastest_medians([recipe, bare], min_run_time, rounds, clock)
        yield Overhead(entry.recipe, recipe_s, entry.bench.baseline, bare_s, entry.bench.overhead)


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


def overhead_target(overheads: list[Overhead]) -> Target:
    """At most ``OVERHEAD_LIMIT_S`` added per call; the recipes over it with their excuses."""
    over = [row for row in overheads if row.added_s > OVERHEAD_LIMIT_S]
    unexcused = [row for row in over if row.excuse is None]
    detail = f"{len(overheads) - len(over)}/{len(overheads)} within"
    if unexcused:
        detail += "; missed: " + ", ".join(
            f"{row.recipe} +{row.added_s / 1e-6:.1f} us" for row in unexcused
        )
    if len(over) > len(unexcused):
        detail += "; exceptions: " + "; ".join(
            f"{row.recipe} +{row.added_s / 1e-6:.1f} us ({row.excuse})"
            for row in over
            if row.excuse is not None
        )
    return Target(
        f"at most +{OVERHEAD_LIMIT_S / 1e-6:.1f} us over the bare op at {OVERHEAD_SIZE} elements",
        not unexcused,
        detail,
    )


def format_overheads(overheads: list[Overhead]) -> str:
    """Recipe, its median, the bare op's median and what the recipe adds, one row each."""
    header = ("recipe", "recipe", "baseline", "added", "against")
    lines = [header] + [
        (
            row.recipe,
            _duration(row.recipe_median_s),
            _duration(row.baseline_median_s),
            f"{row.added_s / 1e-6:+.2f} us",
            row.baseline,
        )
        for row in overheads
    ]
    return _aligned(lines)


def _aligned(lines: Sequence[tuple[str, ...]]) -> str:
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    text = [
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in lines
    ]
    text.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(text)


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
    return _aligned(lines)


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
    for row in run_benches(target, sizes, 0.02 if quick else 0.05, rounds=1 if quick else 3):
        rows.append(row)
        print(f"  {row.recipe} at {row.size}: {row.ratio:.2f}x", file=sys.stderr, flush=True)
    overheads = []
    for overhead in run_overheads(target, 0.01 if quick else 0.05, rounds=1 if quick else 5):
        overheads.append(overhead)
        print(
            f"  {overhead.recipe} at {OVERHEAD_SIZE}: {overhead.added_s / 1e-6:+.2f} us",
            file=sys.stderr,
            flush=True,
        )
    targets = [*check_targets(rows), overhead_target(overheads)]
    print(format_table(rows))
    print(f"\nPer-call overhead at {OVERHEAD_SIZE} elements (one thread):")
    print(format_overheads(overheads))
    if json_path:
        with open(json_path, "w") as handle:
            json.dump(
                {
                    **facts,
                    "command": "python -m cookbook bench"
                    + (f" --device {device}" if device != "cpu" else ""),
                    "rows": [{**asdict(row), "ratio": row.ratio} for row in rows],
                    "overhead": [
                        {**asdict(row), "added_s": row.added_s, "size": OVERHEAD_SIZE}
                        for row in overheads
                    ],
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
