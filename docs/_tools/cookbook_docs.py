"""Helpers for the documentation site, run at build time by markdown-exec.

Nothing here is part of the ``cookbook`` package; pages import this module from
hidden ``python exec="on"`` blocks (see ``docs/_snippets/setup.md``).
"""

from __future__ import annotations

import importlib
from types import ModuleType

from cookbook._registry import FAMILIES
from cookbook.testing.checks import recipes_of


def _module(fam: object) -> ModuleType:
    mod = fam.module  # a module object, or its dotted name
    return importlib.import_module(mod) if isinstance(mod, str) else mod


def _code(text: str) -> str:
    return "`" + text.replace("|", "\\|") + "`"


def families_table() -> str:
    """Markdown table of every family and recipe, from the recipes' declarations.

    Links are site URLs relative to the home page (``use_directory_urls``); the
    block must use ``idprefix=""`` so markdown-exec leaves the anchors alone.
    """
    rows = [
        "| Family | NumPy | cookbook recipe | bare torch |",
        "| --- | --- | --- | --- |",
    ]
    for fam in FAMILIES:
        declared = {recipe.name: recipe for recipe in recipes_of(fam)}
        for i, name in enumerate(fam.recipes):
            recipe = declared[name]
            # markdown-exec output is not rewritten by MkDocs: use built URLs.
            family = f"[{fam.title}](recipes/{fam.name}/)" if i == 0 else ""
            link = f"[{_code(recipe.call)}](recipes/{fam.name}/#{name})"
            rows.append(f"| {family} | {_code(recipe.numpy)} | {link} | {_code(recipe.torch)} |")
    return "\n".join(rows)


def family_recipes(name: str) -> str:
    """Bullet list of a family's recipes with the module they live in."""
    fam = next(f for f in FAMILIES if f.name == name)
    module = _module(fam)
    path = module.__name__.replace(".", "/") + ".py"
    lines = [f"Recipes in `{module.__name__}` (source: `{path}`):", ""]
    for recipe in fam.recipes:
        doc = (getattr(module, recipe).__doc__ or "").strip().splitlines()
        summary = doc[0] if doc else ""
        lines.append(f"- [`{recipe}`](#{recipe}) — {summary}")
    return "\n".join(lines)
