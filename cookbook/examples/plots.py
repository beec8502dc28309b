"""The figures of the worked examples, drawn with matplotlib (from the docs extra).

Each function takes the result of one example's ``run`` and returns a matplotlib
``Figure``; ``foreground`` colours the text, axes and ticks, so the docs can draw
in a colour they later swap for ``currentColor``. [main][cookbook.examples.plots.main]
is what each example's ``__main__`` block calls.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

# matplotlib is imported inside the functions: the package, its doctests
# included, needs only torch.
if TYPE_CHECKING:
    # Ignored where matplotlib is absent (it comes with the docs extra only).
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from cookbook.examples.classification import ClassificationResult
    from cookbook.examples.minibatches import MinibatchesResult
    from cookbook.examples.module_vs_sequential import ModuleVsSequentialResult
    from cookbook.examples.optimizers import OptimizersResult
    from cookbook.examples.regression import RegressionResult
    from cookbook.examples.saving import SavingResult

__all__ = [
    "classification",
    "main",
    "minibatches",
    "module_vs_sequential",
    "optimizers",
    "regression",
    "saving",
]


@contextmanager
def _style(foreground: str) -> Iterator[None]:
    import matplotlib

    with matplotlib.rc_context(
        {
            "text.color": foreground,
            "axes.edgecolor": foreground,
            "axes.labelcolor": foreground,
            "xtick.color": foreground,
            "ytick.color": foreground,
            "legend.frameon": False,
        }
    ):
        yield


def _panels(n: int, width: float, height: float) -> tuple[Figure, list[Axes]]:
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), layout="constrained")
    return figure, list(figure.subplots(1, n, squeeze=False)[0])


def regression(result: RegressionResult, *, foreground: str = "black") -> Figure:
    """The data with the trained net's fit, and the loss at each step.

    Args:
        result: What ``regression.run`` returned.
        foreground: The colour of text, axes and ticks.

    Returns:
        The figure.
    """
    with _style(foreground):
        figure, (fit, loss) = _panels(2, 9, 3.6)
        fit.scatter(result.x.squeeze(1), result.y.squeeze(1), s=10, alpha=0.6, label="data")
        fit.plot(result.x.squeeze(1), result.prediction.squeeze(1), color="C1", lw=2, label="net")
        fit.set(xlabel="x", ylabel="y", xticks=[-1, -0.5, 0, 0.5, 1], title="y = x² + 0.2·U(0, 1)")
        fit.legend()
        loss.plot(result.losses, color="C1")
        loss.set(xlabel="step", ylabel="MSE", yscale="log", title="loss")
    return figure


def classification(result: ClassificationResult, *, foreground: str = "black") -> Figure:
    """The trained net's decision regions under the points, and the accuracy at each step.

    Args:
        result: What ``classification.run`` returned.
        foreground: The colour of text, axes and ticks.

    Returns:
        The figure.
    """
    with _style(foreground):
        figure, (regions, accuracy) = _panels(2, 9, 4)
        xx, yy = result.grid
        regions.contourf(
            xx, yy, result.regions, levels=[-0.5, 0.5, 1.5], colors=["C0", "C1"], alpha=0.25
        )
        for label in (0, 1):
            points = result.x[result.labels == label]
            regions.scatter(
                points[:, 0], points[:, 1], s=10, color=f"C{label}", label=f"class {label}"
            )
        regions.set(xlabel="x₁", ylabel="x₂", aspect="equal", title="decision regions")
        regions.legend(loc="upper left")
        accuracy.plot(result.accuracy, color="C2")
        accuracy.set(xlabel="step", ylabel="accuracy", ylim=(0, 1.02), title="accuracy")
    return figure


def module_vs_sequential(result: ModuleVsSequentialResult, *, foreground: str = "black") -> Figure:
    """Each output of the ``Sequential`` against the same output of the ``Module`` subclass.

    Args:
        result: What ``module_vs_sequential.run`` returned.
        foreground: The colour of text, axes and ticks.

    Returns:
        The figure.
    """
    difference = (result.module_output - result.sequential_output).abs().max().item()
    with _style(foreground):
        figure, (ax,) = _panels(1, 4.5, 4.5)
        ax.scatter(
            result.module_output.flatten(), result.sequential_output.flatten(), s=10, alpha=0.6
        )
        ax.axline((0, 0), slope=1, color=foreground, lw=0.8, alpha=0.5)
        ax.set(
            xlabel="Net (Module subclass)",
            ylabel="nn.Sequential",
            aspect="equal",
            title=f"largest difference: {difference:g}",
        )
    return figure


def minibatches(result: MinibatchesResult, *, foreground: str = "black") -> Figure:
    """Which items each mini-batch held, epoch by epoch, for each batch size.

    Each batch is one colour; the last row is ``cookbook.batch_indices`` with the
    loader's seed.

    Args:
        result: What ``minibatches.run`` returned.
        foreground: The colour of text, axes and ticks.

    Returns:
        The figure.
    """
    n = len(result.loader_batches)
    with _style(foreground):
        figure, axes = _panels(n, 4.5 * n, 3.2)
        for ax, (batch_size, epochs) in zip(axes, result.loader_batches.items(), strict=True):
            rows = {f"epoch {epoch}": batches for epoch, batches in enumerate(epochs)}
            rows["batch_indices"] = result.cookbook_batches[batch_size]
            for row, batches in enumerate(rows.values()):
                position = 0
                for index, batch in enumerate(batches):
                    # A tenth narrower than the batch: a gap shows where the next begins.
                    width = len(batch) - 0.1
                    ax.barh(
                        row, width, left=position - 0.45, height=0.8, color=f"C{index}", alpha=0.3
                    )
                    for item in batch:
                        ax.text(position, row, str(item), ha="center", va="center")
                        position += 1
            ax.set(
                xlim=(-0.6, position - 0.4),
                ylim=(len(rows) - 0.5, -0.5),
                yticks=range(len(rows)),
                yticklabels=list(rows),
                xticks=[],
                title=f"batch_size={batch_size}",
            )
            ax.tick_params(length=0)
            for spine in ax.spines.values():
                spine.set_visible(False)
    return figure


def optimizers(result: OptimizersResult, *, foreground: str = "black") -> Figure:
    """The four loss curves, one per optimizer, on one plot.

    Args:
        result: What ``optimizers.run`` returned.
        foreground: The colour of text, axes and ticks.

    Returns:
        The figure.
    """
    with _style(foreground):
        figure, (ax,) = _panels(1, 7, 4)
        for name, losses in result.losses.items():
            ax.plot(losses, lw=1, alpha=0.8, label=name)
        ax.set(xlabel="mini-batch", ylabel="MSE", yscale="log", title="loss on each mini-batch")
        ax.legend()
    return figure


def saving(result: SavingResult, *, foreground: str = "black") -> Figure:
    """The predictions of the original and of each loaded copy, and the size of each file.

    Args:
        result: What ``saving.run`` returned.
        foreground: The colour of text, axes and ticks.

    Returns:
        The figure.
    """
    x = result.x.squeeze(1)
    with _style(foreground):
        figure, (predictions, sizes) = _panels(2, 9, 3.6)
        predictions.plot(x, result.original.squeeze(1), lw=6, alpha=0.3, label="original")
        predictions.plot(x, result.whole_module.squeeze(1), "-", lw=1, label="whole module")
        predictions.plot(x, result.state_dict.squeeze(1), "--", lw=1.5, label="state_dict")
        predictions.plot(x, result.exported.squeeze(1), ":", lw=2, label="exported, fresh process")
        predictions.set(xlabel="x", ylabel="prediction", title="the same predictions")
        predictions.legend()
        sizes.barh(list(result.sizes), list(result.sizes.values()), color="C1", alpha=0.7)
        sizes.set(xlabel="bytes", title="file size")
    return figure


def main(default: str, draw: Callable[[], Figure]) -> None:
    """Save ``draw()`` to the path on the command line, or to ``default``.

    Args:
        default: The file name to use when the command line gives none.
        draw: Runs the example and returns its figure.
    """
    parser = argparse.ArgumentParser(description="Run the example and save its figure.")
    parser.add_argument(
        "figure", nargs="?", default=default, help=f"where to save it (default: {default})"
    )
    path = parser.parse_args().figure
    draw().savefig(path, dpi=150)
    print(f"saved {path}")
