"""Optimizers: SGD, momentum, RMSprop and Adam train four copies of one net on the same batches.

``python -m cookbook.examples.optimizers [FIGURE]`` trains the four copies and saves
their loss curves to FIGURE (default ``optimizers.png``; needs matplotlib).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from cookbook.examples import plots
from cookbook.examples.regression import make_data

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["OptimizersResult", "figure", "make_optimizer", "run"]

OPTIMIZERS = ("SGD", "Momentum", "RMSprop", "Adam")


def make_optimizer(name: str, params: Iterable[nn.Parameter], lr: float) -> torch.optim.Optimizer:
    """One of the four optimizers compared, by name.

    Args:
        name: ``"SGD"``, ``"Momentum"`` (SGD with momentum 0.8), ``"RMSprop"``
            (alpha 0.9) or ``"Adam"`` (betas 0.9 and 0.99).
        params: The parameters it updates.
        lr: The learning rate.

    Returns:
        The optimizer.

    Raises:
        ValueError: For any other name.
    """
    if name == "SGD":
        return torch.optim.SGD(params, lr=lr)
    if name == "Momentum":
        return torch.optim.SGD(params, lr=lr, momentum=0.8)
    if name == "RMSprop":
        return torch.optim.RMSprop(params, lr=lr, alpha=0.9)
    if name == "Adam":
        return torch.optim.Adam(params, lr=lr, betas=(0.9, 0.99))
    raise ValueError(f"make_optimizer: name must be one of {OPTIMIZERS}, got {name!r}")


@dataclass(frozen=True)
class OptimizersResult:
    """What [run][cookbook.examples.optimizers.run] produced, keyed by optimizer name.

    Attributes:
        losses: Each copy's loss on each mini-batch, before that batch's update.
        initial_loss: The loss on the whole data set before training (one net,
            so one number for all four).
        final_loss: Each copy's loss on the whole data set after training.
    """

    losses: dict[str, list[float]]
    initial_loss: float
    final_loss: dict[str, float]


def run(
    device: torch.device | str = "cpu",
    *,
    epochs: int = 12,
    batch_size: int = 32,
    lr: float = 0.01,
    seed: int = 0,
) -> OptimizersResult:
    """Train four copies of a 1-20-1 ReLU net on 1000 noisy points of ``x²``.

    Every copy starts from the same weights and sees the same mini-batches in
    the same order; only the update rule differs.

    Args:
        device: Where to train; the data and their shuffling stay on the CPU.
        epochs: Passes over the data.
        batch_size: Points per mini-batch.
        lr: The learning rate, the same for all four.
        seed: Seeds the data, the shuffling and (through ``torch.manual_seed``) the weights.

    Returns:
        The loss curves, and the whole-data loss before and after training.
    """
    x, y = make_data(1000, seed=seed)
    loader = DataLoader(
        TensorDataset(x, y),
        batch_size=batch_size,
        shuffle=True,
        generator=torch.Generator().manual_seed(seed),
    )
    torch.manual_seed(seed)
    template = nn.Sequential(nn.Linear(1, 20), nn.ReLU(), nn.Linear(20, 1)).to(device)
    nets = {name: copy.deepcopy(template) for name in OPTIMIZERS}
    optimizers = {name: make_optimizer(name, net.parameters(), lr) for name, net in nets.items()}
    loss_fn = nn.MSELoss()
    x, y = x.to(device), y.to(device)
    with torch.no_grad():
        initial_loss = loss_fn(template(x), y).item()

    losses: dict[str, list[float]] = {name: [] for name in OPTIMIZERS}
    for _ in range(epochs):
        for batch_x, batch_y in loader:
            batch_x, batch_y = batch_x.to(device), batch_y.to(device)
            for name, net in nets.items():
                loss = loss_fn(net(batch_x), batch_y)
                optimizers[name].zero_grad()
                loss.backward()
                optimizers[name].step()
                losses[name].append(loss.item())

    with torch.no_grad():
        final_loss = {name: loss_fn(net(x), y).item() for name, net in nets.items()}
    return OptimizersResult(losses=losses, initial_loss=initial_loss, final_loss=final_loss)


def figure(result: OptimizersResult, *, foreground: str = "black") -> Figure:
    """The four loss curves, one per optimizer, on one plot (needs matplotlib).

    Args:
        result: What [run][cookbook.examples.optimizers.run] returned.
        foreground: The colour of text, axes and ticks.

    Returns:
        The figure.
    """
    with plots.style(foreground):
        fig, (ax,) = plots.panels([3.6])
        for name, losses in result.losses.items():
            ax.plot(losses, lw=1, alpha=0.8, label=name)
        ax.set(xlabel="mini-batch", ylabel="MSE", yscale="log", title="loss on each mini-batch")
        ax.yaxis.set_major_formatter("{x:g}")  # 0.01: 10⁻²'s exponent is too small on a phone
        # Below the plot: the four curves fill it from corner to corner.
        fig.legend(loc="outside lower center", ncols=len(result.losses))
    return fig


if __name__ == "__main__":
    plots.main("optimizers.png", lambda: figure(run()))
