"""Regression: a 1-10-1 ReLU net fits y = x² plus noise with plain SGD.

``python -m cookbook.examples.regression [FIGURE]`` trains the net and saves the
fit and the loss curve to FIGURE (default ``regression.png``; needs matplotlib).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import torch
from torch import nn

from cookbook.examples import plots

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["RegressionResult", "figure", "make_data", "run", "train"]


@dataclass(frozen=True)
class RegressionResult:
    """What [run][cookbook.examples.regression.run] produced, on the CPU.

    Attributes:
        x: The inputs, shape ``(n, 1)``.
        y: The noisy targets, shape ``(n, 1)``.
        prediction: The trained net's output on ``x``, shape ``(n, 1)``.
        losses: The mean squared error at each step, before that step's update.
    """

    x: torch.Tensor
    y: torch.Tensor
    prediction: torch.Tensor
    losses: list[float]


def make_data(
    n: int = 100, *, noise: float = 0.2, seed: int = 0
) -> tuple[torch.Tensor, torch.Tensor]:
    """``n`` points of ``y = x² + noise·U(0, 1)`` on ``[-1, 1]``, as column vectors.

    Args:
        n: How many points, evenly spaced.
        noise: The width of the uniform noise added to ``x²``.
        seed: Seeds the generator that draws the noise.

    Returns:
        ``(x, y)``, each of shape ``(n, 1)`` on the CPU.
    """
    generator = torch.Generator().manual_seed(seed)
    x = torch.linspace(-1, 1, n).unsqueeze(1)  # nn.Linear wants (batch, features)
    y = x.pow(2) + noise * torch.rand(x.shape, generator=generator)
    return x, y


def train(
    model: nn.Module, x: torch.Tensor, y: torch.Tensor, *, lr: float = 0.5, steps: int = 100
) -> list[float]:
    """Full-batch SGD on the mean squared error.

    Args:
        model: The net to train, in place.
        x: The inputs, on the model's device.
        y: The targets, on the model's device.
        lr: The learning rate.
        steps: How many updates.

    Returns:
        The loss at each step, before that step's update.
    """
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    loss_fn = nn.MSELoss()
    losses = []
    for _ in range(steps):
        loss = loss_fn(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())  # was loss.data[0]
    return losses


def run(
    device: torch.device | str = "cpu", *, steps: int = 100, lr: float = 0.5, seed: int = 0
) -> RegressionResult:
    """Fit a 1-10-1 ReLU net to 100 noisy points of ``x²``.

    Args:
        device: Where to train; the data are drawn on the CPU, so every device
            sees the same points.
        steps: How many SGD updates.
        lr: The learning rate.
        seed: Seeds the data and, through ``torch.manual_seed``, the weights.

    Returns:
        The data, the trained net's prediction and the loss curve.
    """
    x, y = make_data(seed=seed)
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(1, 10), nn.ReLU(), nn.Linear(10, 1)).to(device)
    losses = train(model, x.to(device), y.to(device), lr=lr, steps=steps)
    with torch.no_grad():
        prediction = model(x.to(device)).cpu()
    return RegressionResult(x=x, y=y, prediction=prediction, losses=losses)


def figure(result: RegressionResult, *, foreground: str = "black") -> Figure:
    """The data with the trained net's fit, and the loss at each step (needs matplotlib).

    Args:
        result: What [run][cookbook.examples.regression.run] returned.
        foreground: The colour of text, axes and ticks.

    Returns:
        The figure.
    """
    with plots.style(foreground):
        fig, (fit, loss) = plots.panels([3.2, 2.4])
        fit.scatter(result.x.squeeze(1), result.y.squeeze(1), s=10, alpha=0.6, label="data")
        fit.plot(result.x.squeeze(1), result.prediction.squeeze(1), color="C1", lw=2, label="net")
        fit.set(xlabel="x", ylabel="y", xticks=[-1, -0.5, 0, 0.5, 1])
        # Above the plot, as its title: no legend covers the data.
        fit.legend(
            title="y = x² + 0.2·U(0, 1)",
            title_fontsize="large",
            loc="lower center",
            bbox_to_anchor=(0.5, 1),
            ncols=2,
        )
        loss.plot(result.losses, color="C1")
        loss.set(xlabel="step", ylabel="MSE", yscale="log", title="loss")
        loss.yaxis.set_major_formatter("{x:g}")  # 0.01: 10⁻²'s exponent is too small on a phone
    return fig


if __name__ == "__main__":
    plots.main("regression.png", lambda: figure(run()))
