"""Performance promises that need no clock: views allocate nothing, builds stay on their
device, CUDA recipes never wait for the host; and the benchmark itself runs and covers
every recipe with a baseline that computes the same thing."""

from __future__ import annotations

import contextlib
import importlib.util
import json
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import torch
from torch.utils._python_dispatch import TorchDispatchMode
from torch.utils._pytree import tree_leaves

import cookbook
from cookbook import bench
from cookbook.testing import same_storage
from cookbook.testing.checks import Recipe, all_recipes
from cookbook.testing.workloads import yolov3_offsets

TIMED = bench.timed_recipes()
DATA = Path(__file__).resolve().parents[1] / "docs" / "_data"


def test_every_recipe_is_benchmarked() -> None:
    assert sorted(b.recipe for b in TIMED) == sorted(cookbook.__all__)


@pytest.mark.parametrize("case", TIMED, ids=lambda b: b.recipe)
def test_baseline_computes_what_the_recipe_computes(case: bench.Timed) -> None:
    recipe, baseline = case.bench.workload(1000, torch.device("cpu"))
    expected, actual = baseline(), recipe()
    for got, wanted in zip(tree_leaves(actual), tree_leaves(expected), strict=True):
        if isinstance(got, torch.Tensor):
            # Float maths may round differently (torch.softmax fuses its steps): per-dtype
            # tolerances there; everything else must be equal.
            exact = case.kind != "compute" or not got.dtype.is_floating_point
            torch.testing.assert_close(got, wanted, **({"rtol": 0, "atol": 0} if exact else {}))
        else:
            assert got == wanted


@pytest.mark.parametrize(
    "route",
    [(b.recipe, route) for b in TIMED for route in b.routes],
    ids=lambda pair: f"{pair[0]}-{pair[1].baseline}",
)
def test_route_computes_what_the_recipe_computes(route: tuple[str, Any]) -> None:
    _, declared = route
    if declared.needs is not None:
        pytest.importorskip(declared.needs)
    recipe, other = declared.workload(torch.device("cpu"))
    torch.testing.assert_close(recipe(), other(), rtol=0, atol=0)


def test_quick_bench_reports_every_target(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "bench.json"
    assert bench.main(device="cpu", json_path=str(report), quick=True) == 0
    last_line = capsys.readouterr().out.strip().splitlines()[-1]
    assert last_line.startswith("targets: ")
    for promise in (
        "1.10x of the bare op",
        "1.5x of torch.clone",
        "grid_offsets >= 5x",
        f"+1.0 us over the bare op at {bench.OVERHEAD_SIZE} elements",
    ):
        assert promise in last_line
    data = json.loads(report.read_text())
    assert {row["recipe"] for row in data["rows"]} == set(cookbook.__all__)
    assert [row["recipe"] for row in data["overhead"]] == [b.recipe for b in TIMED]
    assert data["torch"] == torch.__version__


def test_timed_functions_take_turns_and_keep_their_fastest_median(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    order: list[str] = []
    medians = iter([3.0, 5.0, 1.0, 6.0, 2.0, 4.0])

    def median_seconds(function: Any, min_run_time: float, clock: Any) -> float:
        order.append(function())
        return next(medians)

    monkeypatch.setattr(bench, "median_seconds", median_seconds)
    assert bench.fastest_medians([lambda: "a", lambda: "b"], 0.01, rounds=3) == [1.0, 4.0]
    assert order == ["a", "b"] * 3


def test_overhead_target_names_each_exception_with_its_figure() -> None:
    def row(recipe: str, added_us: float, excuse: str | None = None) -> bench.Overhead:
        return bench.Overhead(recipe, (1 + added_us) * 1e-6, "bare", 1e-6, excuse)

    within = bench.overhead_target([row("a", 0.5), row("b", 3.0, "two kernels")])
    assert within.held
    assert within.detail == "1/2 within; exceptions: b +3.0 us (two kernels)"
    missed = bench.overhead_target([row("a", 1.5)])
    assert not missed.held
    assert missed.detail == "0/1 within; missed: a +1.5 us"


@pytest.mark.parametrize(
    ("recipe", "arguments"),
    [
        (cookbook.permute, ((2, 0, 1),)),
        (cookbook.moveaxis, (0, -1)),
        (cookbook.chw_to_hwc, ()),
        (cookbook.hwc_to_chw, ()),
        (cookbook.broadcast_to, ((2, 3, 4, 5),)),
    ],
    ids=lambda value: getattr(value, "__name__", ""),
)
def test_view_recipes_allocate_nothing(
    recipe: Any, arguments: tuple[Any, ...], device: torch.device
) -> None:
    x = torch.zeros(3, 4, 5, device=device)
    assert same_storage(recipe(x, *arguments), x)


def test_meshgrid_outputs_are_views(device: torch.device) -> None:
    xs = torch.arange(3, device=device), torch.arange(4.0, device=device)
    for grid, x in zip(cookbook.meshgrid(*xs), xs, strict=True):
        assert same_storage(grid, x)


class DevicesOfEveryOp(TorchDispatchMode):
    """Records the device of every tensor every aten op returns."""

    def __init__(self) -> None:
        super().__init__()
        self.made: list[tuple[str, str]] = []

    def __torch_dispatch__(self, func: Any, types: Any, args: Any = (), kwargs: Any = None) -> Any:
        out = func(*args, **(kwargs or {}))
        self.made += [
            (str(func), t.device.type) for t in tree_leaves(out) if isinstance(t, torch.Tensor)
        ]
        return out


def off_device(target: str, build: Any) -> Iterator[tuple[str, str]]:
    with DevicesOfEveryOp() as log:
        build()
    return (made for made in log.made if made[1] != target)


@pytest.mark.parametrize("target", ["meta", "cuda"])
def test_grid_offsets_never_builds_on_the_cpu(target: str) -> None:
    if target == "cuda" and not torch.cuda.is_available():
        pytest.skip("no cuda device available")
    built_elsewhere = list(
        off_device(target, lambda: cookbook.grid_offsets(13, 13, 3, device=target))
    )
    assert not built_elsewhere
    # The YOLOv3 route builds on the CPU and copies: the log does see that.
    assert list(off_device(target, lambda: yolov3_offsets(13, 3, torch.device(target))))


@pytest.fixture
def cuda() -> torch.device:
    if not torch.cuda.is_available():
        pytest.skip("no cuda device available")
    return torch.device("cuda")


@contextlib.contextmanager
def host_sync_is_an_error() -> Iterator[None]:
    """CUDA's sync debug mode, set to raise; torch warns that the mode is a prototype."""
    torch.cuda.synchronize()
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Synchronization debug mode", UserWarning)
        torch.cuda.set_sync_debug_mode("error")
        try:
            yield
        finally:
            torch.cuda.set_sync_debug_mode("default")


@pytest.mark.parametrize(
    "case",
    [recipe for _, recipe in all_recipes() if not recipe.host_sync],
    ids=lambda recipe: recipe.name,
)
def test_no_host_sync_on_cuda(case: Recipe, cuda: torch.device) -> None:
    """Only recipes whose declaration says why (``host_sync``) may wait for the device."""
    recipe, _ = case.bench.workload(1000, cuda)
    with host_sync_is_an_error():
        recipe()


def test_no_host_sync_in_integer_matmul_or_repeat_counts(cuda: torch.device) -> None:
    a = torch.arange(6, device=cuda).view(2, 3)
    with host_sync_is_an_error():
        cookbook.matmul(a, a.t())
        cookbook.numpy_dot(a, a.t())
        cookbook.repeat_elements(a, (1, 2), axis=0)
        cookbook.confidence_mask(a, 2.5, conf_index=1)
        cookbook.mean(a)


def test_the_recorded_cpu_run_covers_every_recipe() -> None:
    """The Performance page renders it: rerun the benchmark when a recipe is added."""
    rows = json.loads((DATA / "bench-cpu.json").read_text())["rows"]
    assert set(cookbook.__all__) <= {row["recipe"] for row in rows}


@pytest.mark.parametrize("recorded", sorted(DATA.glob("bench-*.json")), ids=lambda p: p.name)
def test_the_performance_page_names_what_a_run_lacks(
    recorded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A run recorded before recipes were added (a GPU run, say) says which it lacks."""
    spec = importlib.util.spec_from_file_location(
        "performance", DATA.parent / "_snippets" / "performance.py"
    )
    assert spec is not None
    assert spec.loader is not None
    performance = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(performance)
    run = json.loads(recorded.read_text())
    missing = sorted(set(cookbook.__all__) - {row["recipe"] for row in run["rows"]})
    assert performance.missing_recipes(run) == missing
    performance.render(recorded.name)
    page = capsys.readouterr().out
    for name in missing:
        assert f"<code>{name}</code>" in page.split("Not in this run", 1)[1].split("</p>", 1)[0]
