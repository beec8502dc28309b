"""Classification: a 2-10-2 net separates two Gaussian clouds with cross-entropy and SGD.

``python -m cookbook.examples.classification [FIGURE]`` trains the net and saves
its decision regions and accuracy curve to FIGURE (default ``classification.png``;
needs matplotlib).
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import nn

__all__ = ["ClassificationResult", "make_clouds", "run"]


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


if __name__ == "__main__":
    from cookbook.examples import plots

    plots.main("classification.png", lambda: plots.classification(run()))
