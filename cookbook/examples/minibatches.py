"""Mini-batches: a ``DataLoader`` over ten items, next to ``cookbook.batch_sizes``.

``TensorDataset(x, y)`` pairs inputs with targets (the old keyword form
``TensorDataset(data_tensor=x, target_tensor=y)`` is gone), and a shuffling
``DataLoader`` with a seeded ``torch.Generator`` yields the same batches on every
run, in a new order each epoch. ``python -m cookbook.examples.minibatches [FIGURE]``
saves the batches to FIGURE (default ``minibatches.png``; needs matplotlib).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import torch
from torch.utils.data import DataLoader, TensorDataset

from cookbook import batch_indices, batch_sizes
from cookbook.examples import plots

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["MinibatchesResult", "figure", "run"]


@dataclass(frozen=True)
class MinibatchesResult:
    """What [run][cookbook.examples.minibatches.run] produced, keyed by batch size.

    Attributes:
        loader_batches: The inputs ``x`` of each batch the ``DataLoader``
            yielded, epoch by epoch.
        loader_targets: The targets ``y`` that came with them, in the same places.
        loader_sizes: The length of each batch of the first epoch.
        cookbook_sizes: What ``cookbook.batch_sizes`` says they are.
        cookbook_batches: The inputs picked by ``cookbook.batch_indices`` with
            the same seed: one fixed order, not one per epoch.
    """

    loader_batches: dict[int, list[list[list[int]]]]
    loader_targets: dict[int, list[list[list[int]]]]
    loader_sizes: dict[int, list[int]]
    cookbook_sizes: dict[int, list[int]]
    cookbook_batches: dict[int, list[list[int]]]


def run(
    device: torch.device | str = "cpu",
    *,
    sizes: Sequence[int] = (5, 8),
    epochs: int = 3,
    drop_last: bool = False,
    seed: int = 0,
) -> MinibatchesResult:
    """Split ten ``(x, y)`` pairs into shuffled mini-batches, for each batch size.

    Args:
        device: Where each batch is moved, as a training loop would.
        sizes: The batch sizes to try.
        epochs: Passes over the data.
        drop_last: Drop each epoch's last batch if it is short.
        seed: Seeds each loader's shuffling, and ``batch_indices``.

    Returns:
        The batches, their sizes, and the cookbook's sizes and batches.
    """
    x = torch.arange(1, 11)  # 1, 2, ..., 10
    y = torch.arange(10, 0, -1)  # 10, 9, ..., 1: each y stays paired with its x
    dataset = TensorDataset(x, y)
    loader_batches, loader_targets, loader_sizes = {}, {}, {}
    cookbook_sizes, cookbook_batches = {}, {}
    for size in sizes:
        loader = DataLoader(
            dataset,
            batch_size=size,
            shuffle=True,
            drop_last=drop_last,
            generator=torch.Generator().manual_seed(seed),
        )
        xs, ys = [], []
        for _ in range(epochs):
            batches = [(batch_x.to(device), batch_y.to(device)) for batch_x, batch_y in loader]
            xs.append([batch_x.tolist() for batch_x, _ in batches])
            ys.append([batch_y.tolist() for _, batch_y in batches])
        loader_batches[size], loader_targets[size] = xs, ys
        loader_sizes[size] = [len(batch) for batch in xs[0]]
        cookbook_sizes[size] = batch_sizes(len(dataset), size, drop_last=drop_last)
        cookbook_batches[size] = [
            x[indices].tolist()
            for indices in batch_indices(
                len(dataset), size, shuffle=True, seed=seed, drop_last=drop_last
            )
        ]
    return MinibatchesResult(
        loader_batches=loader_batches,
        loader_targets=loader_targets,
        loader_sizes=loader_sizes,
        cookbook_sizes=cookbook_sizes,
        cookbook_batches=cookbook_batches,
    )


def figure(result: MinibatchesResult, *, foreground: str = "black") -> Figure:
    """Which items each mini-batch held, epoch by epoch, for each batch size.

    Each batch is one colour; the last row is ``cookbook.batch_indices`` with the
    loader's seed. Needs matplotlib.

    Args:
        result: What [run][cookbook.examples.minibatches.run] returned.
        foreground: The colour of text, axes and ticks.

    Returns:
        The figure.
    """
    from matplotlib.patches import Patch

    n = len(result.loader_batches)
    most = 0  # the most batches in one row: one legend entry each
    with plots.style(foreground):
        fig, axes = plots.panels([2.2] * n)
        for ax, (batch_size, epochs) in zip(axes, result.loader_batches.items(), strict=True):
            rows = {f"epoch {epoch}": batches for epoch, batches in enumerate(epochs)}
            rows["batch_indices"] = result.cookbook_batches[batch_size]
            for row, batches in enumerate(rows.values()):
                most = max(most, len(batches))
                position = 0
                for index, batch in enumerate(batches):
                    # A tenth narrower than the batch: a gap shows where the next begins.
                    width = len(batch) - 0.1
                    ax.barh(
                        row, width, left=position - 0.45, height=0.8, color=f"C{index}", alpha=0.35
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
        fig.legend(
            handles=[Patch(color=f"C{i}", alpha=0.35, label=f"batch {i + 1}") for i in range(most)],
            loc="outside lower center",
            ncols=most,
        )
    return fig


if __name__ == "__main__":
    plots.main("minibatches.png", lambda: figure(run()))
