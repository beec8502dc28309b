"""What the worked examples' figures share, drawn with matplotlib (from the docs extra).

Each example module draws its own figure with ``figure(result, *, foreground=...)``
and saves it from its ``__main__`` block through [main][cookbook.examples.plots.main].
This module imports none of them, so the imports among the examples run one way.

The figures are narrow, panels stacked rather than side by side: the docs
scale them to the page width, and at [WIDTH][cookbook.examples.plots.WIDTH] inches
(5.2 with the margin the docs crop to) their 10 pt text is still 9.6 px tall in
the 358 px text column of a 390 px phone.
``foreground`` colours the text, axes and ticks, so the docs can draw in a colour
they later swap for ``currentColor``; the data take the colours of
[PALETTE][cookbook.examples.plots.PALETTE], which read on a light and a dark page.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

# matplotlib is imported inside the functions: the package, its doctests
# included, needs only torch.
if TYPE_CHECKING:
    # Ignored where matplotlib is absent (it comes with the docs extra only).
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["PALETTE", "WIDTH", "main", "panels", "style"]

WIDTH = 5.0
"""The width of every example figure, in inches."""

PALETTE = ("#1e88e5", "#f4511e", "#43a047", "#ab47bc", "#d81b60", "#7f7f7f")
"""Blue, deep orange, green, purple, pink, grey: each at least 3:1 against white and #1e2129."""


@contextmanager
def style(foreground: str) -> Iterator[None]:
    """Draw in ``foreground`` (text, axes, ticks) and cycle through the palette.

    Args:
        foreground: The colour of text, axes and ticks.

    Yields:
        Nothing; matplotlib's settings are restored on exit.
    """
    import matplotlib
    from cycler import cycler

    with matplotlib.rc_context(
        {
            "text.color": foreground,
            "axes.edgecolor": foreground,
            "axes.labelcolor": foreground,
            "axes.prop_cycle": cycler(color=PALETTE),
            "xtick.color": foreground,
            "ytick.color": foreground,
            "legend.frameon": False,
        }
    ):
        yield


def panels(heights: Sequence[float]) -> tuple[Figure, list[Axes]]:
    """A figure [WIDTH][cookbook.examples.plots.WIDTH] wide with one panel per height, stacked.

    Args:
        heights: The height of each panel in inches, top to bottom.

    Returns:
        The figure and its axes, top to bottom.
    """
    from matplotlib.figure import Figure

    figure = Figure(figsize=(WIDTH, sum(heights)), layout="constrained")
    axes = figure.subplots(len(heights), 1, squeeze=False, height_ratios=heights)
    return figure, [row[0] for row in axes]


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
