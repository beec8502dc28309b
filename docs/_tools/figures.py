"""Build-time figures: matplotlib drawings of real tensors, returned as inline SVG.

The SVG has a transparent background and draws its lines and text in
``currentColor`` so it stays readable in both the light and the dark palette.
Pages call these from hidden ``python exec="on" html="1"`` blocks.
"""

from __future__ import annotations

import io
import itertools

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import torch
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import FixedLocator, NullLocator

import cookbook

FG = "#010203"  # sentinel colour, rewritten to currentColor in the SVG
ACCENT = "#ff7043"  # deep orange, readable on white and on slate
ACCENT2 = "#42a5f5"
ACCENT3 = "#66bb6a"
# Narrow enough that TEXT-point text stays 9 px tall when a phone scales the
# figure to its 358 px column (tests/test_figures.py measures it).
WIDTH = 5.0
TEXT = 10
_counter = itertools.count()


def svg(fig: plt.Figure, alt: str) -> str:
    buf = io.StringIO()
    with plt.rc_context({"svg.fonttype": "none", "svg.hashsalt": f"cookbook-{next(_counter)}"}):
        fig.savefig(buf, format="svg", transparent=True, bbox_inches="tight")
    plt.close(fig)
    svg = buf.getvalue()
    svg = svg[svg.index("<svg") :]  # drop the XML prolog and doctype
    svg = svg.replace(FG, "currentColor")
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{alt}" ', 1)
    # Out of the search index: cell values and tick labels are noise there.
    return f'<div class="cookbook-figure" data-search-exclude>{svg}</div>'


def _style(ax: plt.Axes) -> None:
    ax.set_axis_off()
    ax.set_aspect("equal")


def _foreground(ax: plt.Axes) -> None:
    """Axes, ticks and labels in the foreground colour."""
    for spine in ax.spines.values():
        spine.set_color(FG)
    ax.tick_params(colors=FG, labelcolor=FG, labelsize=TEXT)


def _legend(fig: plt.Figure, handles: list, ncol: int = 1) -> None:
    """A legend under the figure, where it covers no panel."""
    legend = fig.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, 0.0),
        ncol=ncol,
        frameon=False,
        fontsize=TEXT,
    )
    for text in legend.get_texts():
        text.set_color(FG)


def _cells(ax, x0, y0, values, *, color=None, fill=None):
    for i, v in enumerate(values):
        ax.add_patch(
            Rectangle(
                (x0 + i, y0),
                1,
                1,
                fill=fill is not None,
                facecolor=fill or "none",
                edgecolor=color or FG,
                linewidth=1.2,
                alpha=1,
            )
        )
        ax.text(x0 + i + 0.5, y0 + 0.5, str(v), ha="center", va="center", color=FG, fontsize=TEXT)


def memory_layout_figure() -> plt.Figure:
    """One storage under ``x`` and ``x.t()``, and the copy ``.contiguous()`` makes."""
    x = torch.arange(6).reshape(2, 3)
    xt = x.t()
    xc = xt.contiguous()
    assert cookbook.shares_storage(x, xt)
    assert not cookbook.shares_storage(xt, xc)
    n = x.numel()
    fig, ax = plt.subplots(figsize=(WIDTH, 4.2), layout="constrained")
    _style(ax)
    # Top to bottom: what x reads, the shared storage, what x.t() reads, the copy.
    # x is arange(6), so each storage element's value is also its index.
    ax.text(0, 10.5, "storage of x and x.t() (value = index)", color=FG, fontsize=TEXT)
    ax.text(0, 9.5, f"x: shape {tuple(x.shape)}, stride {x.stride()}", color=ACCENT, fontsize=TEXT)
    _cells(ax, 0, 7.3, [int(v) for v in x.flatten()])
    # Arrows to the start of each row: x's rows start every 3 elements, x.t()'s every 1.
    for off in range(0, n, x.stride(0)):
        ax.annotate(
            "",
            xy=(off + 0.5, 8.3),
            xytext=(off + 0.5, 9.3),
            arrowprops={"arrowstyle": "->", "color": ACCENT},
        )
    for off in range(0, xt.shape[0] * xt.stride(0), xt.stride(0)):
        ax.annotate(
            "",
            xy=(off + 0.5, 7.3),
            xytext=(off + 0.5, 6.2),
            arrowprops={"arrowstyle": "->", "color": ACCENT2},
        )
    ax.text(
        0,
        6.0,
        f"x.t(): shape {tuple(xt.shape)}, stride {xt.stride()}\n"
        f"is_contiguous() = {xt.is_contiguous()}",
        color=ACCENT2,
        fontsize=TEXT,
        va="top",
    )
    ax.text(
        0,
        3.6,
        f"x.t().contiguous(): new storage,\nstride {xc.stride()}",
        color=FG,
        fontsize=TEXT,
    )
    _cells(ax, 0, 2.2, [int(v) for v in xc.flatten()], color=ACCENT2)
    ax.set_xlim(-0.1, n + 0.1)
    ax.set_ylim(2.1, 11.1)
    return fig


def memory_layout() -> str:
    return svg(memory_layout_figure(), "memory layout of x, x.t() and x.t().contiguous()")


def grid_offsets_figure(height: int = 3, width: int = 4, num_anchors: int = 2) -> plt.Figure:
    """The rows of ``grid_offsets`` on a small grid, numbered in order."""
    off = cookbook.grid_offsets(height, width, num_anchors)[0]
    fig, ax = plt.subplots(figsize=(WIDTH, 3.9), layout="constrained")
    _foreground(ax)
    ax.set_xlim(-0.4, width - 0.4)
    ax.set_ylim(height - 0.4, -0.4)  # image convention: y grows downwards
    ax.set_xlabel("x (column)", color=FG, fontsize=TEXT)
    ax.set_ylabel("y (row)", color=FG, fontsize=TEXT)
    ax.set_xticks(range(width))
    ax.set_yticks(range(height))
    ax.grid(True, color=FG, alpha=0.25)
    pts = off.numpy()
    ax.plot(pts[::num_anchors, 0], pts[::num_anchors, 1], color=FG, alpha=0.35, linewidth=1)
    colours = [ACCENT, ACCENT2, ACCENT3][:num_anchors]
    for i, (x, y) in enumerate(pts):
        a = i % num_anchors
        dx, dy = 0.2 * a, 0.2 * a
        ax.scatter([x + dx], [y + dy], color=colours[a], s=30, zorder=3)
        ax.text(x + dx + 0.06, y + dy - 0.07, str(i), color=FG, fontsize=TEXT)
    ax.set_title(
        f"grid_offsets({height}, {width}, num_anchors={num_anchors})[0]\nrow i drawn at (x, y)",
        color=FG,
        fontsize=TEXT,
    )
    handles = [
        Line2D(
            [],
            [],
            color=c,
            marker="o",
            linestyle="",
            label=f"anchor {a}" + (", drawn offset" if a else ""),
        )
        for a, c in enumerate(colours)
    ]
    path = Line2D([], [], color=FG, alpha=0.35, linewidth=1, label="anchor 0 in row order")
    _legend(fig, [*handles, path], 2)
    return fig


def grid_offsets_plot(height: int = 3, width: int = 4, num_anchors: int = 2) -> str:
    return svg(grid_offsets_figure(height, width, num_anchors), "grid offsets numbered in order")


def _heat(ax, arr: np.ndarray, title: str) -> None:
    ax.set_title(title, color=FG, fontsize=TEXT)
    ax.set_axis_off()
    rows, cols = arr.shape
    for r in range(rows):
        for c in range(cols):
            v = arr[r, c]
            nan = np.isnan(v)
            ax.add_patch(
                Rectangle(
                    (c, rows - 1 - r),
                    1,
                    1,
                    facecolor=ACCENT if nan else "none",
                    alpha=0.35 if nan else 1,
                    edgecolor=FG,
                    linewidth=1,
                )
            )
            ax.text(
                c + 0.5,
                rows - 1 - r + 0.5,
                "NaN" if nan else f"{v:g}",
                ha="center",
                va="center",
                color=FG,
                fontsize=TEXT,
            )
    ax.set_xlim(0, cols)
    ax.set_ylim(0, rows)


def masking_figure() -> plt.Figure:
    """A prediction with a NaN row, the naive 0/1 multiply, and ``confidence_mask``."""
    pred = torch.tensor(
        [
            [10.0, 12.0, 4.0, 4.0, 0.9, 0.2],
            [float("nan"), 3.0, 2.0, 2.0, 0.1, 0.7],
            [30.0, 31.0, 8.0, 6.0, 0.3, 0.5],
            [5.0, 6.0, 2.0, 2.0, 0.8, 0.9],
        ]
    )
    naive = pred * (pred[:, 4:5] > 0.5)
    fixed = cookbook.confidence_mask(pred, 0.5)
    # Stacked, not side by side: three 6-column grids in a row are unreadable on a phone.
    fig, axes = plt.subplots(3, 1, figsize=(WIDTH, 6.6), layout="constrained")
    _heat(axes[0], pred.numpy(), "pred (confidence in column 4)")
    _heat(axes[1], naive.numpy(), "pred * (conf > 0.5): NaN survives")
    _heat(axes[2], fixed.numpy(), "confidence_mask(pred, 0.5)")
    _legend(fig, [Patch(facecolor=ACCENT, alpha=0.35, edgecolor=FG, label="NaN")])
    return fig


def masking_before_after() -> str:
    return svg(masking_figure(), "confidence masking before and after, with a NaN row")


def repetition_figure() -> plt.Figure:
    """``tile`` vs ``repeat_elements`` vs ``broadcast_to`` on the same input."""
    x = torch.tensor([1, 2, 3])
    panels = [
        ("x", x.unsqueeze(0)),
        ("tile(x, 2) == x.repeat(2)", cookbook.tile(x, 2).unsqueeze(0)),
        (
            "repeat_elements(x, 2)\n== x.repeat_interleave(2)",
            cookbook.repeat_elements(x, 2).unsqueeze(0),
        ),
        ("broadcast_to(x, (2, 3)): stride (0, 1)", cookbook.broadcast_to(x, (2, 3))),
    ]
    fig, ax = plt.subplots(figsize=(WIDTH, 4.6), layout="constrained")
    _style(ax)
    y = 0.0
    for title, t in reversed(panels):
        rows = t.shape[0]
        for r in range(rows):
            _cells(
                ax,
                0,
                y + (rows - 1 - r),
                [int(v) for v in t[r]],
                color=ACCENT if "broadcast" in title else FG,
            )
        ax.text(0, y + rows + 0.15, title, color=FG, fontsize=TEXT)
        y += rows + (2.0 if "\n" in title else 1.2)
    ax.set_xlim(-0.2, 7)
    ax.set_ylim(-0.2, y)
    _legend(
        fig,
        [
            Patch(facecolor="none", edgecolor=FG, label="a tensor with its own memory"),
            Patch(facecolor="none", edgecolor=ACCENT, label="a view: no copy, x's memory"),
        ],
    )
    return fig


def repetition_side_by_side() -> str:
    return svg(repetition_figure(), "tile vs repeat_elements vs broadcast_to")


def benchmark_ratios_figure(rows: list[dict], title: str) -> plt.Figure:
    """Recipe time over bare-torch time at the largest size, one bar per recipe.

    Each bar starts at 1x (equal time) and runs left where the recipe is faster,
    right where it is slower. The log axis is symmetric about 1x, so 0.5x and 2x
    sit at the same distance, and its ticks are powers of two.
    """
    largest = max(row["size"] for row in rows if not row["route"])
    shown = sorted(
        (row for row in rows if not row["route"] and row["size"] == largest),
        key=lambda row: row["ratio"],
    )
    fig, ax = plt.subplots(figsize=(WIDTH - 0.6, 0.26 * len(shown) + 1.2), layout="constrained")
    names = [row["recipe"] for row in shown]
    ratios = [row["ratio"] for row in shown]
    colours = [ACCENT if ratio > 1.10 else ACCENT2 for ratio in ratios]
    ax.barh(names, [ratio - 1 for ratio in ratios], left=1, color=colours)
    ax.set_xscale("log")
    reach = max(2.0, *ratios, *(1 / ratio for ratio in ratios)) * 1.25
    ax.set_xlim(1 / reach, reach)
    ax.set_ylim(-0.6, len(shown) - 0.4)
    top = int(np.log2(reach))
    ticks = [2.0**p for p in range(-top, top + 1, 1 if top <= 3 else 2)]
    ax.xaxis.set_major_locator(FixedLocator(ticks))
    ax.xaxis.set_minor_locator(NullLocator())
    ax.set_xticklabels([f"{t:g}x" if t >= 1 else f"1/{round(1 / t)}x" for t in ticks])
    ax.axvline(1.0, color=FG, linewidth=1)
    ax.axvline(1.10, color=FG, linewidth=1, linestyle="--")
    ax.set_xlabel(
        f"recipe / bare torch at {largest:,} elements, log scale\n"
        "left of 1x the recipe is faster, right of it slower",
        color=FG,
        fontsize=TEXT,
    )
    ax.set_title(title, color=FG, fontsize=TEXT)
    _foreground(ax)
    _legend(
        fig,
        [
            Patch(color=ACCENT2, label="within the 1.10x target"),
            Patch(color=ACCENT, label="slower than 1.10x"),
            Line2D([], [], color=FG, linewidth=1, label="1x: as fast as bare torch"),
            Line2D([], [], color=FG, linewidth=1, linestyle="--", label="1.10x target"),
        ],
    )
    return fig


def benchmark_ratios(rows: list[dict], title: str) -> str:
    return svg(
        benchmark_ratios_figure(rows, title),
        f"{title}: ratio of recipe to bare torch time per recipe",
    )
