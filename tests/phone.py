"""How tall a figure's text is on a phone, measured from the SVG the docs embed.

The docs scale each figure to the text column, never up; at 390 px the column
is 390 px less Material's 0.8rem margins (16 px each). Text must stay 9 px tall there.
"""

from __future__ import annotations

import re

PHONE_COLUMN_PX = 390 - 2 * 16
SMALLEST_TEXT_PX = 9


def smallest_text_px(svg: str) -> float:
    """The smallest font size in ``svg`` (saved with ``svg.fonttype: none``) in the phone column.

    Args:
        svg: The SVG text, its width in pt as matplotlib writes it.

    Returns:
        The smallest text's height in CSS px once the figure is scaled to the column.
    """
    width = re.search(r'<svg[^>]* width="([\d.]+)pt"', svg)
    assert width, "no width in pt on the <svg> element"
    width_pt = float(width.group(1))
    sizes = [float(size) for size in re.findall(r"font(?:-size)?: ([\d.]+)px", svg)]
    assert sizes, "no text in the SVG"
    # Scaled down to the column, never up: 1 pt of the SVG is 4/3 CSS px at full size.
    scale = min(PHONE_COLUMN_PX, width_pt * 4 / 3) / width_pt
    return min(sizes) * scale
