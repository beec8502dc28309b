"""The worked examples in ``cookbook.examples``: seeded, deterministic, and as their pages say.

Each example runs once per device (``device`` from the cookbook's pytest plugin); the CPU run is
cached so the checks and the figures share it.
"""

from __future__ import annotations

import ast
import functools
import graphlib
import io
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import torch
from phone import SMALLEST_TEXT_PX, smallest_text_px

import cookbook.examples
from cookbook.examples import (
    classification,
    minibatches,
    module_vs_sequential,
    optimizers,
    regression,
    saving,
)

EXAMPLES = (regression, classification, module_vs_sequential, minibatches, optimizers, saving)
EXAMPLES_DIR = Path(cookbook.examples.__file__).parent

# The noise 0.2·U(0, 1) alone has variance 0.04 / 12 ≈ 0.0033: the net gets within 3x of that.
REGRESSION_BOUND = 0.01


@pytest.fixture(autouse=True)
def one_thread() -> Iterator[None]:
    # Nets this small run slower on two intra-op threads than on one, here 20x.
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


@functools.cache
def cpu_result(example: ModuleType) -> Any:
    return example.run()


def result(example: ModuleType, device: torch.device) -> Any:
    return cpu_result(example) if device.type == "cpu" else example.run(device)


def test_regression_loss_falls_below_the_bound(device: torch.device) -> None:
    fit = result(regression, device)
    assert len(fit.losses) == 100
    assert fit.losses[-1] < REGRESSION_BOUND < fit.losses[0]
    assert fit.prediction.shape == fit.x.shape == fit.y.shape == (100, 1)


def test_classification_reaches_95_percent(device: torch.device) -> None:
    fit = result(classification, device)
    assert len(fit.accuracy) == 100
    assert fit.accuracy[-1] >= 0.95
    assert set(fit.regions.unique().tolist()) == {0, 1}


def test_training_is_deterministic_on_cpu() -> None:
    fit, again = cpu_result(regression), regression.run()
    assert fit.losses == again.losses
    assert fit.prediction.equal(again.prediction)
    clouds, again_clouds = cpu_result(classification), classification.run()
    assert clouds.accuracy == again_clouds.accuracy
    assert clouds.regions.equal(again_clouds.regions)


def test_module_and_sequential_give_equal_outputs(device: torch.device) -> None:
    both = result(module_vs_sequential, device)
    assert both.module_output.equal(both.sequential_output)
    assert both.module_keys == ["hidden.weight", "hidden.bias", "predict.weight", "predict.bias"]
    assert both.sequential_keys == ["0.weight", "0.bias", "2.weight", "2.bias"]
    # torch.relu in forward is no layer: only the Sequential prints a ReLU.
    assert "ReLU()" in both.sequential_repr
    assert "ReLU" not in both.module_repr


@pytest.mark.parametrize("drop_last", [False, True])
def test_batch_sizes_equal_the_dataloaders(device: torch.device, drop_last: bool) -> None:
    batches = minibatches.run(device, drop_last=drop_last)
    assert batches.loader_sizes == batches.cookbook_sizes
    assert batches.cookbook_sizes == ({5: [5, 5], 8: [8]} if drop_last else {5: [5, 5], 8: [8, 2]})
    for size, epochs in batches.loader_batches.items():
        assert len(epochs) == 3
        for epoch in epochs:
            assert [len(batch) for batch in epoch] == batches.loader_sizes[size]
            if not drop_last:
                assert sorted(item for batch in epoch for item in batch) == list(range(1, 11))
        assert [len(batch) for batch in batches.cookbook_batches[size]] == batches.cookbook_sizes[
            size
        ]
        # TensorDataset keeps each target with its input: y = 11 - x.
        for xs, ys in zip(epochs, batches.loader_targets[size], strict=True):
            assert [[11 - x for x in batch] for batch in xs] == ys


def test_minibatches_are_reproducible() -> None:
    assert minibatches.run() == minibatches.run()
    assert minibatches.run().loader_batches != minibatches.run(seed=1).loader_batches


def test_every_optimizer_lowers_the_loss(device: torch.device) -> None:
    runs = result(optimizers, device)
    assert list(runs.losses) == ["SGD", "Momentum", "RMSprop", "Adam"]
    # Same weights, same first batch: one first loss for all four.
    assert len({losses[0] for losses in runs.losses.values()}) == 1
    for name, losses in runs.losses.items():
        assert len(losses) == 12 * 32, name
        assert losses[-1] < losses[0], name
        assert runs.final_loss[name] < runs.initial_loss, name


def test_make_optimizer_rejects_unknown_names() -> None:
    with pytest.raises(ValueError, match="got 'LBFGS'"):
        optimizers.make_optimizer("LBFGS", [torch.nn.Parameter(torch.zeros(1))], 0.1)


def test_reloaded_and_exported_nets_predict_the_same(device: torch.device) -> None:
    saved = result(saving, device)
    assert saved.x.shape == (41, 1)  # not the 100 rows the program was exported with
    assert saved.whole_module.equal(saved.original)
    assert saved.state_dict.equal(saved.original)
    assert saved.exported.equal(saved.original)
    # The fresh process ran the program without importing anything from cookbook.
    assert saved.fresh_process_modules == []
    assert "Net" in saved.refusal
    assert set(saved.sizes) == {"whole module", "state_dict", "exported program"}


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda m: m.__name__.rsplit(".", 1)[1])
def test_every_figure_reads_on_a_phone(example: ModuleType) -> None:
    matplotlib = pytest.importorskip("matplotlib")
    figure = example.figure(cpu_result(example))
    # As the docs embed it: text kept as text, cropped to what is drawn.
    svg = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        figure.savefig(svg, format="svg", bbox_inches="tight")
    assert smallest_text_px(svg.getvalue()) >= SMALLEST_TEXT_PX
    # No legend covers data: each lies outside every panel.
    figure.draw_without_rendering()  # lays it out at its own size
    legends = [*figure.legends, *(ax.get_legend() for ax in figure.axes if ax.get_legend())]
    assert legends
    for legend in legends:
        for ax in figure.axes:
            covered = legend.get_window_extent().overlaps(ax.get_window_extent())
            assert not covered, f"a legend covers the panel {ax.get_title()!r}"


def _imports_among_examples(source: str, names: set[str]) -> set[str]:
    """Which of ``names`` (modules of ``cookbook.examples``) ``source`` imports.

    Every import counts, wherever it sits: at the top, under ``TYPE_CHECKING``,
    in a function or in the ``__main__`` block. ``__init__`` is the package itself.
    """
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            # Relative imports count from cookbook.examples, where these files live.
            package = ["cookbook", "examples"][: 3 - node.level] if node.level else []
            module = ".".join([*package, *([node.module] if node.module else [])])
            modules = [module, *(f"{module}.{alias.name}" for alias in node.names)]
        else:
            continue
        for module in modules:
            if module == "cookbook.examples":
                found.add("__init__")
            elif module.startswith("cookbook.examples."):
                found.add(module.split(".")[2])
    return found & names


def test_the_import_finder_sees_every_kind_of_import() -> None:
    source = """
from typing import TYPE_CHECKING
import cookbook.examples.regression
if TYPE_CHECKING:
    from cookbook.examples.saving import SavingResult
def f():
    from . import plots
    from .optimizers import run
if __name__ == "__main__":
    from cookbook.examples import minibatches
"""
    names = {"regression", "saving", "plots", "optimizers", "minibatches", "classification"}
    assert _imports_among_examples(source, names) == names - {"classification"}


def test_the_examples_import_one_another_without_a_circle() -> None:
    files = {path.stem: path for path in EXAMPLES_DIR.glob("*.py")}
    graph = {
        name: _imports_among_examples(path.read_text(encoding="utf-8"), set(files) - {name})
        for name, path in files.items()
    }
    assert graph["plots"] == set()  # the shared helpers depend on nothing above them
    for example in EXAMPLES:
        assert "plots" in graph[example.__name__.rsplit(".", 1)[1]]
    tuple(graphlib.TopologicalSorter(graph).static_order())  # raises CycleError on a circle


def test_python_m_saves_the_figure(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    path = tmp_path / "figure.png"
    done = subprocess.run(
        [sys.executable, "-m", "cookbook.examples.module_vs_sequential", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout == f"saved {path}\n"
    assert path.stat().st_size > 0
