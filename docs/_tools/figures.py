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
    return f'<div class="cookbook-figure">{svg}</div>'


def _style(ax: plt.Axes) -> None:
    ax.set_axis_off()
    ax.set_aspect("equal")


def _cells(ax, x0, y0, values, *, color=None, label=None, fill=None):
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
        ax.text(x0 + i + 0.5, y0 + 0.5, str(v), ha="center", va="center", color=FG, fontsize=10)
    if label:
        ax.text(x0 - 0.3, y0 + 0.5, label, ha="right", va="center", color=FG, fontsize=10)


def memory_layout() -> str:
    """One storage under ``x`` and ``x.t()``, and the copy ``.contiguous()`` makes."""
    x = torch.arange(6).reshape(2, 3)
    xt = x.t()
    xc = xt.contiguous()
    assert cookbook.shares_storage(x, xt)
    assert not cookbook.shares_storage(xt, xc)
    fig, ax = plt.subplots(figsize=(8.5, 4.2))
    _style(ax)
    storage = x.untyped_storage()
    n = x.numel()
    _cells(ax, 3, 4, [int(v) for v in x.flatten()], label="storage of x, x.t()")
    for i in range(n):
        ax.text(3 + i + 0.5, 5.2, f"[{i}]", ha="center", color=FG, fontsize=8)
    # x: rows along storage
    ax.text(0, 2.6, f"x  shape {tuple(x.shape)}  stride {x.stride()}", color=ACCENT, fontsize=10)
    ax.text(
        0,
        1.9,
        f"x.t()  shape {tuple(xt.shape)}  stride {xt.stride()}  is_contiguous={xt.is_contiguous()}",
        color=ACCENT2,
        fontsize=10,
    )
    # arrows: x.t() walks the storage with stride 3 along its last dim
    for k, off in enumerate([0, 3]):
        ax.annotate(
            "",
            xy=(3 + off + 0.5, 4),
            xytext=(3 + k * 0 + 0.5 + off, 3.2),
            arrowprops={"arrowstyle": "->", "color": ACCENT},
        )
    for j, off in enumerate([0, 1, 2]):
        ax.annotate(
            "",
            xy=(3 + off + 0.5, 4),
            xytext=(1.2 + j * 2.2, 2.25),
            arrowprops={"arrowstyle": "->", "color": ACCENT2, "alpha": 0.8},
        )
    _cells(
        ax,
        3,
        0,
        [int(v) for v in xc.flatten()],
        color=ACCENT2,
        label="x.t().contiguous(): new storage",
    )
    ax.text(3 + n + 0.3, 0.5, f"stride {xc.stride()}", va="center", color=FG, fontsize=10)
    ax.set_xlim(-0.5, 3 + n + 3)
    ax.set_ylim(-0.5, 5.8)
    del storage
    return svg(fig, "memory layout of x, x.t() and x.t().contiguous()")


def grid_offsets_plot(height: int = 3, width: int = 4, num_anchors: int = 2) -> str:
    """The rows of ``grid_offsets`` on a small grid, numbered in order."""
    off = cookbook.grid_offsets(height, width, num_anchors)[0]
    fig, ax = plt.subplots(figsize=(7, 5.4))
    for spine in ax.spines.values():
        spine.set_color(FG)
    ax.tick_params(colors=FG, labelcolor=FG)
    ax.set_xlim(-0.6, width - 0.2)
    ax.set_ylim(height - 0.3, -0.6)  # image convention: y grows downwards
    ax.set_xlabel("x (column)", color=FG)
    ax.set_ylabel("y (row)", color=FG)
    ax.set_xticks(range(width))
    ax.set_yticks(range(height))
    ax.grid(True, color=FG, alpha=0.25)
    pts = off.numpy()
    ax.plot(pts[::num_anchors, 0], pts[::num_anchors, 1], color=FG, alpha=0.35, linewidth=1)
    for i, (x, y) in enumerate(pts):
        a = i % num_anchors
        dx, dy = 0.18 * a, 0.18 * a
        ax.scatter([x + dx], [y + dy], color=ACCENT if a == 0 else ACCENT2, s=30, zorder=3)
        ax.text(x + dx + 0.06, y + dy - 0.08, str(i), color=FG, fontsize=9)
    ax.set_title(
        f"grid_offsets({height}, {width}, num_anchors={num_anchors})[0]: row i at (x, y); "
        "anchors drawn offset",
        color=FG,
        fontsize=9,
    )
    return svg(fig, "grid offsets numbered in order")


def _heat(ax, arr: np.ndarray, title: str) -> None:
    ax.set_title(title, color=FG, fontsize=10)
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
                fontsize=9,
            )
    ax.set_xlim(0, cols)
    ax.set_ylim(0, rows)
    ax.set_aspect("equal")


def masking_before_after() -> str:
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
    fig, axes = plt.subplots(1, 3, figsize=(11, 3))
    _heat(axes[0], pred.numpy(), "pred (conf in column 4)")
    _heat(axes[1], naive.numpy(), "pred * (conf > 0.5): NaN survives")
    _heat(axes[2], fixed.numpy(), "confidence_mask(pred, 0.5)")
    return svg(fig, "confidence masking before and after, with a NaN row")


def repetition_side_by_side() -> str:
    """``tile`` vs ``repeat_elements`` vs ``broadcast_to`` on the same input."""
    x = torch.tensor([1, 2, 3])
    panels = [
        ("x", x.unsqueeze(0)),
        ("tile(x, 2)  ==  x.repeat(2)", cookbook.tile(x, 2).unsqueeze(0)),
        (
            "repeat_elements(x, 2)  ==  x.repeat_interleave(2)",
            cookbook.repeat_elements(x, 2).unsqueeze(0),
        ),
        ("broadcast_to(x, (2, 3)): a view, stride (0, 1)", cookbook.broadcast_to(x, (2, 3))),
    ]
    fig, ax = plt.subplots(figsize=(8, 4.6))
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
        ax.text(0, y + rows + 0.15, title, color=FG, fontsize=10)
        y += rows + 1.2
    ax.set_xlim(-0.2, 7)
    ax.set_ylim(-0.2, y)
    return svg(fig, "tile vs repeat_elements vs broadcast_to")


def benchmark_ratios(rows: list[dict], title: str) -> str:
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
    fig, ax = plt.subplots(figsize=(7.5, 0.28 * len(shown) + 1.6))
    names = [row["recipe"] for row in shown]
    ratios = [row["ratio"] for row in shown]
    colours = [ACCENT if ratio > 1.10 else ACCENT2 for ratio in ratios]
    ax.barh(names, [ratio - 1 for ratio in ratios], left=1, color=colours)
    ax.set_xscale("log")
    reach = max(2.0, *ratios, *(1 / ratio for ratio in ratios)) * 1.25
    ax.set_xlim(1 / reach, reach)
    top = int(np.log2(reach))
    ticks = [2.0**p for p in range(-top, top + 1, 1 if top <= 4 else 2)]
    ax.xaxis.set_major_locator(FixedLocator(ticks))
    ax.xaxis.set_minor_locator(NullLocator())
    ax.set_xticklabels([f"{t:g}x" if t >= 1 else f"1/{round(1 / t)}x" for t in ticks])
    ax.axvline(1.0, color=FG, linewidth=1)
    ax.axvline(1.10, color=FG, linewidth=1, linestyle="--")
    ax.set_xlabel(
        f"recipe / bare torch median at {largest:,} elements, log scale: "
        "left of 1x the recipe is faster, right of it slower",
        color=FG,
    )
    ax.set_title(title, color=FG)
    ax.tick_params(colors=FG, labelsize=8)
    for spine in ax.spines.values():
        spine.set_color(FG)
    handles = [
        Patch(color=ACCENT2, label="within the 1.10x target"),
        Patch(color=ACCENT, label="slower than 1.10x"),
        Line2D([], [], color=FG, linewidth=1, label="1x: as fast as bare torch"),
        Line2D([], [], color=FG, linewidth=1, linestyle="--", label="1.10x target"),
    ]
    # Below the axes, so it never covers a bar.
    legend = fig.legend(
        handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=2, frameon=False
    )
    for text in legend.get_texts():
        text.set_color(FG)
    return svg(fig, f"{title}: ratio of recipe to bare torch time per recipe")
