"""NumPy and torch side by side, run at build time, with a badge that says what differs.

A recipe section calls [side_by_side][] from a ``python exec="on"`` block; the
block prints Markdown: two columns (each snippet with the value of its last
line), then a badge computed from the two values: ``identical``, ``shape (3, 2)
vs (2, 3)``, ``dtype int64 vs uint64``, ``values differ at 2 positions``, or
``torch raises RuntimeError``. ``expect`` pins the badge: when a new torch or
NumPy changes the behaviour, the strict build fails instead of the page
silently claiming a difference that is gone.
"""

from __future__ import annotations

import ast
import html
import textwrap
from typing import Any

import numpy as np
import torch

import cookbook

__all__ = ["difference", "side_by_side"]


def _run(code: str, setup: str) -> tuple[Any, BaseException | None]:
    """The value of ``code``'s last line after ``setup``, or the exception it raised."""
    namespace: dict[str, Any] = {"np": np, "torch": torch, "cookbook": cookbook}
    exec(setup, namespace)
    tree = ast.parse(code)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    try:
        # NumPy's warnings (division by zero, say) are not what the columns compare.
        with np.errstate(all="ignore"):
            exec(compile(tree, "<example>", "exec"), namespace)
            if not isinstance(last, ast.Expr):
                return None, None
            value = eval(compile(ast.Expression(last.value), "<example>", "eval"), namespace)
        return value, None
    except Exception as error:  # the point of many examples: torch raises here
        return None, error


def _arrays(value: Any) -> Any:
    """Tensors and arrays as ndarrays, sequences of them as lists, anything else as is."""
    if isinstance(value, torch.Tensor):
        return value.detach().cpu().resolve_conj().numpy()
    if isinstance(value, np.ndarray | np.generic):
        return np.asarray(value)
    if isinstance(value, tuple | list):
        return [_arrays(item) for item in value]
    if isinstance(value, torch.dtype):  # torch.int64 and dtype('int64') compare as names
        return str(value).removeprefix("torch.")
    if isinstance(value, np.dtype):
        return str(value)
    return value


def _describe(value: Any) -> str:
    if isinstance(value, np.ndarray):
        return f"array{tuple(value.shape)}"
    if isinstance(value, list):
        return f"{len(value)} pieces"
    return type(value).__name__


def difference(expected: Any, actual: Any) -> str:
    """What differs between NumPy's value and torch's, in a few words; ``identical`` if nothing."""
    expected, actual = _arrays(expected), _arrays(actual)
    if isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            return f"{len(expected)} pieces vs {len(actual)}"
        for index, (left, right) in enumerate(zip(expected, actual, strict=True)):
            found = difference(left, right)
            if found != "identical":
                return f"piece {index}: {found}"
        return "identical"
    if isinstance(expected, np.ndarray) and isinstance(actual, np.ndarray):
        if expected.shape != actual.shape:
            return f"shape {tuple(expected.shape)} vs {tuple(actual.shape)}"
        if expected.dtype != actual.dtype:
            return f"dtype {expected.dtype} vs {actual.dtype}"
        differ = ~_same_values(expected, actual)
        if differ.any():
            count = int(differ.sum())
            return f"values differ at {count} position{'s' if count != 1 else ''}"
        return "identical"
    if type(expected) is not type(actual) and not (
        isinstance(expected, np.ndarray) or isinstance(actual, np.ndarray)
    ):
        return "identical" if expected == actual else f"{expected!r} vs {actual!r}"
    if isinstance(expected, np.ndarray) != isinstance(actual, np.ndarray):
        return f"{_describe(expected)} vs {_describe(actual)}"
    return "identical" if expected == actual else f"{expected!r} vs {actual!r}"


def _same_values(expected: np.ndarray, actual: np.ndarray) -> np.ndarray:
    """Elementwise: equal values, NaN matching NaN, and -0.0 told apart from +0.0."""
    same = np.asarray(expected == actual)
    if expected.dtype.kind in "fc":
        both_nan = np.isnan(expected) & np.isnan(actual)
        signs = np.signbit(np.real(expected)) == np.signbit(np.real(actual))
        same = (same & signs) | both_nan
    return same


def _shown(value: Any, error: BaseException | None) -> str:
    if error is not None:
        return f"{type(error).__name__}: {str(error).splitlines()[0]}"
    return repr(value)


def _column(title: str, code: str, shown: str) -> str:
    return (
        f"<div markdown>\n\n**{html.escape(title)}**\n\n```python\n{code.strip()}\n```\n\n"
        f"```{{.text .cookbook-output}}\n{shown}\n```\n\n</div>"
    )


def _badge(titles: tuple[str, str], badge: str) -> str:
    kind = "same" if badge == "identical" else "differs"
    return (
        f'<p class="cookbook-badge cookbook-badge--{kind}">'
        f"{html.escape(titles[0])} vs {html.escape(titles[1])}: "
        f"<strong>{html.escape(badge)}</strong></p>\n"
    )


def _badge_of(
    left: Any, left_error: BaseException | None, right: Any, right_error: BaseException | None
) -> str:
    if left_error is not None and right_error is not None:
        return "both raise"
    if left_error is not None:
        return f"NumPy raises {type(left_error).__name__}"
    if right_error is not None:
        return f"torch raises {type(right_error).__name__}"
    return difference(left, right)


def _pinned(badge: str, expect: str, what: str) -> None:
    if badge != expect:
        raise AssertionError(f"side_by_side: expected {what} {expect!r}, got {badge!r}")


def side_by_side(
    numpy: str,
    torch_code: str,
    *,
    setup: str = "",
    expect: str,
    recipe: str | None = None,
    recipe_expect: str = "identical",
) -> str:
    """Markdown for NumPy and bare torch run side by side, the badge, and the recipe's fix.

    Args:
        numpy: NumPy code; its last line's value is shown and compared.
        torch_code: The bare torch code people write, likewise.
        setup: Code all of them run first (shown above the columns when not empty).
        expect: The badge this build must produce for NumPy against bare torch
            (``"identical"``, ``"shape (2, 3) vs (3, 2)"``, ``"torch raises
            RuntimeError"``...); anything else fails the build.
        recipe: The cookbook call, shown below with its own badge against NumPy.
        recipe_expect: The recipe's badge: ``identical``, or ``both raise`` where the
            recipe raises as NumPy does.

    Returns:
        Markdown with ``md_in_html`` columns, ready to print from a markdown-exec block.
    """
    setup = textwrap.dedent(setup).strip()
    left, left_error = _run(textwrap.dedent(numpy), setup)
    right, right_error = _run(textwrap.dedent(torch_code), setup)
    badge = _badge_of(left, left_error, right, right_error)
    _pinned(badge, expect, "the badge")
    parts = [f"```python\n{setup}\n```\n"] if setup else []
    parts.append('<div class="grid cookbook-compare" markdown>\n')
    parts.append(_column("NumPy", numpy, _shown(left, left_error)))
    parts.append(_column("bare torch", torch_code, _shown(right, right_error)))
    parts.append("\n</div>\n")
    parts.append(_badge(("NumPy", "bare torch"), badge))
    if recipe is not None:
        fixed, fixed_error = _run(textwrap.dedent(recipe), setup)
        fixed_badge = _badge_of(left, left_error, fixed, fixed_error)
        _pinned(fixed_badge, recipe_expect, "the recipe's badge")
        parts.append('<div class="cookbook-compare" markdown>\n')
        parts.append(_column("cookbook", recipe, _shown(fixed, fixed_error)))
        parts.append("\n</div>\n")
        parts.append(_badge(("NumPy", "cookbook"), fixed_badge))
    return "\n".join(parts)
