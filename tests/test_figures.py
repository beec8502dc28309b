"""The docs' build-time figures (docs/_tools): legible on a phone, every colour explained.

Each figure is drawn from the real recipes, as the pages draw it, and saved as
the pages embed it (``figures.svg``).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from phone import SMALLEST_TEXT_PX, smallest_text_px

matplotlib = pytest.importorskip("matplotlib")
from matplotlib.collections import Collection  # noqa: E402
from matplotlib.colors import to_hex, to_rgba  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.legend import Legend  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402
from matplotlib.text import Text  # noqa: E402

DOCS = Path(__file__).resolve().parents[1] / "docs"
sys.path.insert(0, str(DOCS / "_tools"))

import activation_figures  # noqa: E402
import figures  # noqa: E402


def _run(name: str) -> tuple[object, ...]:
    run = json.loads((DOCS / "_data" / name).read_text(encoding="utf-8"))
    return run["rows"], run["device"]


# Each figure the pages draw: its builder and the arguments the page passes.
FIGURES: dict[str, tuple[Callable[..., Figure], tuple[object, ...]]] = {
    "memory_layout": (figures.memory_layout_figure, ()),
    "grid_offsets": (figures.grid_offsets_figure, ()),
    "masking": (figures.masking_figure, ()),
    "repetition": (figures.repetition_figure, ()),
    "activations": (activation_figures.activations_figure, ()),
    "bench-cpu": (figures.benchmark_ratios_figure, _run("bench-cpu.json")),
    "bench-cuda": (figures.benchmark_ratios_figure, _run("bench-cuda.json")),
}


def test_every_figure_builder_is_checked() -> None:
    builders = {
        name
        for module in (figures, activation_figures)
        for name in vars(module)
        if name.endswith("_figure")
    }
    assert builders == {builder.__name__ for builder, _ in FIGURES.values()}


@pytest.fixture(params=sorted(FIGURES))
def figure(request: pytest.FixtureRequest) -> Figure:
    builder, args = FIGURES[request.param]
    return builder(*args)


def test_text_reads_on_a_phone(figure: Figure) -> None:
    html = figures.svg(figure, "a figure")
    assert smallest_text_px(html) >= SMALLEST_TEXT_PX


def _colour(value: object) -> str | None:
    """The colour as hex, None where it draws nothing."""
    rgba = to_rgba(value)  # type: ignore[arg-type]
    return None if rgba[3] == 0 else to_hex(rgba)


def _data_colours(figure: Figure) -> set[str]:
    """The colours of the lines, patches and markers drawn in the panels."""
    found: set[str] = set()
    for ax in figure.axes:
        # Not data: the background, the frame, ticks and grid lines, and any legend.
        skip = {id(ax.patch), *map(id, ax.spines.values())}
        for part in [ax.xaxis, ax.yaxis, *(a for a in ax.get_children() if isinstance(a, Legend))]:
            skip |= {id(artist) for artist in part.findobj()}
        for artist in ax.findobj(lambda a: isinstance(a, Line2D | Patch | Collection)):
            if id(artist) in skip or not artist.get_visible():
                continue
            if isinstance(artist, Line2D):
                colours = [artist.get_color()]
            elif isinstance(artist, Patch):
                colours = [artist.get_facecolor(), artist.get_edgecolor()]
            else:
                colours = [*artist.get_facecolor(), *artist.get_edgecolor()]
            found |= {c for c in map(_colour, colours) if c}
    return found - {figures.FG}


def _explained_colours(figure: Figure) -> set[str]:
    """The colours a legend shows, and those of text drawn in its own colour (direct labels)."""
    found: set[str] = set()
    for legend in [*figure.legends, *(ax.get_legend() for ax in figure.axes if ax.get_legend())]:
        for handle in legend.legend_handles:
            if isinstance(handle, Line2D):
                found |= {_colour(handle.get_color()), _colour(handle.get_markerfacecolor())}
            elif isinstance(handle, Patch):
                found |= {_colour(handle.get_facecolor()), _colour(handle.get_edgecolor())}
    found |= {_colour(text.get_color()) for text in figure.findobj(Text) if text.get_text()}
    return {c for c in found if c}


def test_every_colour_is_explained(figure: Figure) -> None:
    figure.draw_without_rendering()
    missing = _data_colours(figure) - _explained_colours(figure)
    assert not missing, f"colours with neither a legend entry nor a label: {sorted(missing)}"


def test_no_legend_covers_a_panel(figure: Figure) -> None:
    figure.draw_without_rendering()  # lays it out at its own size
    legends = [*figure.legends, *(ax.get_legend() for ax in figure.axes if ax.get_legend())]
    for legend in legends:
        for ax in figure.axes:
            covered = legend.get_window_extent().overlaps(ax.get_window_extent())
            assert not covered, f"a legend covers the panel {ax.get_title()!r}"
