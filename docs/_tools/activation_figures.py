"""Build-time figure of the activations family: the notes' 2x2 plot, as inline SVG.

Drawn from the recipes' own output, in ``currentColor`` on a transparent
background like every figure in ``figures.py``, so it reads in both palettes.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import torch
from figures import ACCENT, FG, TEXT, WIDTH, svg

import cookbook


def activations_figure() -> plt.Figure:
    """relu, sigmoid, tanh and softplus on ``linspace(-5, 5, 200)``, one panel each."""
    x = torch.linspace(-5, 5, 200)
    panels = [
        ("relu", cookbook.relu),
        ("sigmoid", cookbook.sigmoid),
        ("tanh", cookbook.tanh),
        ("softplus", cookbook.softplus),
    ]
    fig, axes = plt.subplots(2, 2, figsize=(WIDTH, 4.4))
    for ax, (name, recipe) in zip(axes.flat, panels, strict=True):
        y = recipe(x)
        ax.plot(x.numpy(), y.numpy(), color=ACCENT, linewidth=2)
        ax.axhline(0, color=FG, linewidth=0.6, alpha=0.5)
        ax.axvline(0, color=FG, linewidth=0.6, alpha=0.5)
        # The title, in the curve's colour, labels it.
        ax.set_title(f"cookbook.{name}(x)", color=ACCENT, fontsize=TEXT)
        ax.grid(True, color=FG, alpha=0.2)
        ax.tick_params(colors=FG, labelcolor=FG, labelsize=TEXT)
        for spine in ax.spines.values():
            spine.set_color(FG)
    fig.tight_layout()
    return fig


def activations_grid() -> str:
    return svg(activations_figure(), "relu, sigmoid, tanh and softplus on linspace(-5, 5, 200)")
