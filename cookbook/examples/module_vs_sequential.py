"""Module versus Sequential: one net written two ways, with the same weights and outputs.

A ``Module`` subclass names its layers and spells out ``forward``; ``nn.Sequential``
chains the layers in order. With the weights copied across, the two give equal
outputs. ``python -m cookbook.examples.module_vs_sequential [FIGURE]`` saves the
outputs of one against the other to FIGURE (default ``module_vs_sequential.png``;
needs matplotlib).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import torch
from torch import nn

from cookbook.examples import plots
from cookbook.examples.classification import make_clouds

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["ModuleVsSequentialResult", "Net", "figure", "run", "sequential_net"]


class Net(nn.Module):
    """A one-hidden-layer ReLU net as a ``Module`` subclass.

    Args:
        n_features: Inputs per sample.
        n_hidden: Units in the hidden layer.
        n_outputs: Outputs per sample.
    """

    def __init__(self, n_features: int, n_hidden: int, n_outputs: int) -> None:
        super().__init__()
        self.hidden = nn.Linear(n_features, n_hidden)
        self.predict = nn.Linear(n_hidden, n_outputs)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """The outputs for a batch ``x`` of shape ``(batch, n_features)``."""
        # A function, not a layer: it holds no weights, and Net's repr does not list it.
        output: torch.Tensor = self.predict(torch.relu(self.hidden(x)))
        return output


def sequential_net(n_features: int, n_hidden: int, n_outputs: int) -> nn.Sequential:
    """The same net as [Net][cookbook.examples.module_vs_sequential.Net], as ``nn.Sequential``.

    Args:
        n_features: Inputs per sample.
        n_hidden: Units in the hidden layer.
        n_outputs: Outputs per sample.

    Returns:
        ``Linear``, ``ReLU``, ``Linear``, applied in that order.
    """
    return nn.Sequential(nn.Linear(n_features, n_hidden), nn.ReLU(), nn.Linear(n_hidden, n_outputs))


@dataclass(frozen=True)
class ModuleVsSequentialResult:
    """What [run][cookbook.examples.module_vs_sequential.run] produced.

    Attributes:
        module_repr: ``print(net)`` for the ``Module`` subclass.
        sequential_repr: ``print(net)`` for the ``Sequential``.
        module_keys: The ``state_dict`` keys of the ``Module`` subclass.
        sequential_keys: The ``state_dict`` keys of the ``Sequential``.
        module_output: The subclass's outputs on the two clouds, on the CPU.
        sequential_output: The ``Sequential``'s outputs on the same points, on the CPU.
    """

    module_repr: str
    sequential_repr: str
    module_keys: list[str]
    sequential_keys: list[str]
    module_output: torch.Tensor
    sequential_output: torch.Tensor


def run(device: torch.device | str = "cpu", *, seed: int = 0) -> ModuleVsSequentialResult:
    """Build a 2-10-2 net both ways, copy the weights across and compare the outputs.

    Args:
        device: Where the nets run.
        seed: Seeds the input points and, through ``torch.manual_seed``, the weights.

    Returns:
        What each net prints, its ``state_dict`` keys and its outputs.
    """
    torch.manual_seed(seed)
    net = Net(2, 10, 2).to(device)
    sequential = sequential_net(2, 10, 2).to(device)
    # The keys differ (hidden.weight versus 0.weight), so copy layer by layer.
    sequential[0].load_state_dict(net.hidden.state_dict())
    sequential[2].load_state_dict(net.predict.state_dict())

    x, _ = make_clouds(seed=seed)
    with torch.no_grad():
        module_output = net(x.to(device)).cpu()
        sequential_output = sequential(x.to(device)).cpu()
    return ModuleVsSequentialResult(
        module_repr=repr(net),
        sequential_repr=repr(sequential),
        module_keys=list(net.state_dict()),
        sequential_keys=list(sequential.state_dict()),
        module_output=module_output,
        sequential_output=sequential_output,
    )


def figure(result: ModuleVsSequentialResult, *, foreground: str = "black") -> Figure:
    """Each output of the ``Sequential`` against the same output of the ``Module`` subclass.

    Needs matplotlib.

    Args:
        result: What [run][cookbook.examples.module_vs_sequential.run] returned.
        foreground: The colour of text, axes and ticks.

    Returns:
        The figure.
    """
    difference = (result.module_output - result.sequential_output).abs().max().item()
    with plots.style(foreground):
        fig, (ax,) = plots.panels([4.6])
        ax.scatter(
            result.module_output.flatten(),
            result.sequential_output.flatten(),
            s=10,
            alpha=0.6,
            label="one output",
        )
        ax.axline((0, 0), slope=1, color=foreground, lw=0.8, alpha=0.5, label="equal outputs")
        ax.set(
            xlabel="Net (Module subclass)",
            ylabel="nn.Sequential",
            aspect="equal",
            title=f"largest difference: {difference:g}",
        )
        fig.legend(loc="outside lower center", ncols=2)
    return fig


if __name__ == "__main__":
    plots.main("module_vs_sequential.png", lambda: figure(run()))
