"""Classification: a 2-10-2 net separates two Gaussian clouds with cross-entropy and SGD.

``python -m cookbook.examples.classification [FIGURE]`` trains the net and saves
its decision regions and accuracy curve to FIGURE (default ``classification.png``;
needs matplotlib).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import torch
from torch import nn

from cookbook.examples import plots

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["ClassificationResult", "figure", "make_clouds", "run"]


@dataclass(frozen=True)
class ClassificationResult:
    """What [run][cookbook.examples.classification.run] produced, on the CPU.

    Attributes:
        x: The points, shape ``(200, 2)``.
        labels: Their classes, 0 or 1, shape ``(200,)``.
        accuracy: The fraction of points classified right at each step, before
            that step's update.
        grid: The ``(xx, yy)`` meshgrid the decision regions were evaluated on.
        regions: The trained net's class on each grid point, shaped like ``xx``.
    """

    x: torch.Tensor
    labels: torch.Tensor
    accuracy: list[float]
    grid: tuple[torch.Tensor, torch.Tensor]
    regions: torch.Tensor


def make_clouds(n: int = 100, *, seed: int = 0) -> tuple[torch.Tensor, torch.Tensor]:
    """Two clouds of ``n`` points each, unit normal around (2, 2) (class 0) and (-2, -2) (class 1).

    Args:
        n: Points per cloud.
        seed: Seeds the generator that draws the points.

    Returns:
        ``(x, labels)``: float points of shape ``(2n, 2)`` and int64 labels of
        shape ``(2n,)``, on the CPU.
    """
    generator = torch.Generator().manual_seed(seed)
    centre = torch.full((n, 2), 2.0)
    x = torch.cat(
        [
            torch.normal(centre, 1.0, generator=generator),
            torch.normal(-centre, 1.0, generator=generator),
        ]
    )
    # cross_entropy wants class indices as int64, not floats
    labels = torch.cat([torch.zeros(n, dtype=torch.int64), torch.ones(n, dtype=torch.int64)])
    return x, labels


def run(
    device: torch.device | str = "cpu", *, steps: int = 100, lr: float = 0.02, seed: int = 0
) -> ClassificationResult:
    """Train a 2-10-2 ReLU net on the two clouds and map its decision regions.

    Args:
        device: Where to train; the data are drawn on the CPU, so every device
            sees the same points.
        steps: How many full-batch SGD updates.
        lr: The learning rate.
        seed: Seeds the data and, through ``torch.manual_seed``, the weights.

    Returns:
        The data, the accuracy at each step and the decision regions.
    """
    x, labels = make_clouds(seed=seed)
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(2, 10), nn.ReLU(), nn.Linear(10, 2)).to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    loss_fn = nn.CrossEntropyLoss()  # takes raw scores: no softmax layer in the net
    x_dev, labels_dev = x.to(device), labels.to(device)
    accuracy = []
    for _ in range(steps):
        logits = model(x_dev)
        loss = loss_fn(logits, labels_dev)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        accuracy.append((logits.argmax(dim=1) == labels_dev).float().mean().item())

    xx, yy = torch.meshgrid(torch.linspace(-6, 6, 121), torch.linspace(-6, 6, 121), indexing="xy")
    with torch.no_grad():
        regions = model(torch.stack([xx, yy], dim=-1).to(device)).argmax(dim=-1).cpu()
    return ClassificationResult(
        x=x, labels=labels, accuracy=accuracy, grid=(xx, yy), regions=regions
    )


def figure(result: ClassificationResult, *, foreground: str = "black") -> Figure:
    """The trained net's decision regions under the points, and the accuracy at each step.

    Needs matplotlib.

    Args:
        result: What [run][cookbook.examples.classification.run] returned.
        foreground: The colour of text, axes and ticks.

    Returns:
        The figure.
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    with plots.style(foreground):
        fig, (regions, accuracy) = plots.panels([3.6, 2.2])
        xx, yy = result.grid
        # Strong enough to tell apart on a dark page too; the points keep an
        # outline in the foreground colour, so they stand out on either region.
        regions.contourf(
            xx, yy, result.regions, levels=[-0.5, 0.5, 1.5], colors=["C0", "C1"], alpha=0.35
        )
        handles = []
        for label in (0, 1):
            points = result.x[result.labels == label]
            regions.scatter(
                points[:, 0], points[:, 1], s=14, color=f"C{label}", edgecolor=foreground, lw=0.5
            )
            region = Patch(color=f"C{label}", alpha=0.35)
            point = Line2D([], [], ls="", marker="o", color=f"C{label}", mec=foreground, mew=0.5)
            handles.append(((region, point), f"class {label}"))
        regions.set(xlabel="x₁", ylabel="x₂", aspect="equal", title="decision regions")
        regions.legend(
            *zip(*handles, strict=True),
            title="points, and\nwhere the net\npicks them",
            loc="center left",
            bbox_to_anchor=(1, 0.5),
        )
        accuracy.plot(result.accuracy, color="C2")
        accuracy.set(xlabel="step", ylabel="accuracy", ylim=(0, 1.02), title="accuracy")
    return fig


if __name__ == "__main__":
    plots.main("classification.png", lambda: figure(run()))
