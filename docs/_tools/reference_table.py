"""The API reference's summary table, read from the package's docstrings at build time.

Each public recipe's docstring opens with a one-line summary and holds one
sentence starting ``NumPy equivalent``: either an inline literal
(````np.tile(x, reps)````), a literal block (``NumPy equivalent::``), or words
(``none built in``). A recipe without that sentence fails the build.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import cookbook
from cookbook._registry import FAMILIES

REFERENCE = Path(__file__).resolve().parents[1] / "reference.md"
_LITERAL = re.compile(r"``(.+?)``", re.S)


def summary(name: str) -> str:
    """The first line of ``cookbook.<name>``'s docstring."""
    return inspect.getdoc(getattr(cookbook, name)).splitlines()[0]  # type: ignore[union-attr]


def numpy_equivalent(name: str) -> str:
    """The NumPy code (or words) that the docstring's "NumPy equivalent" sentence names.

    Raises:
        KeyError: If the docstring has no such sentence.
    """
    doc = inspect.getdoc(getattr(cookbook, name)) or ""
    start = doc.find("NumPy equivalent")
    if start < 0:
        raise KeyError(f"cookbook.{name}: the docstring has no 'NumPy equivalent' sentence")
    tail = doc[start:].split(":", 1)[1]
    if tail.startswith(":"):  # a literal block: its indented lines
        lines = tail[1:].lstrip("\n").split("\n\n")[0].splitlines()
        return "; ".join(line.strip() for line in lines)
    first_sentence = re.split(r"\.\s", tail, maxsplit=1)[0]
    literal = _LITERAL.search(first_sentence)
    if literal:
        return " ".join(literal.group(1).split())
    return " ".join(first_sentence.split(";")[0].split())


def _code(text: str) -> str:
    return "`" + text.replace("|", "\\|") + "`"


def table() -> str:
    """Markdown table: every recipe (linked to its entry), its summary and its NumPy equivalent."""
    rows = ["| Recipe | What it does | NumPy equivalent |", "| --- | --- | --- |"]
    for family in FAMILIES:
        for name in family.recipes:
            numpy = numpy_equivalent(name)
            shown = _code(numpy) if numpy != "none built in" else numpy
            what = summary(name).replace("``", "`").replace("|", "\\|")
            rows.append(f"| [`{name}`](#cookbook.{name}) | {what} | {shown} |")
    return "\n".join(rows)


def expected_listing() -> list[str]:
    """The family headings and ``::: cookbook.<name>`` lines reference.md must hold, in order."""
    lines = []
    for family in FAMILIES:
        lines.append(f"## {family.title} {{#{family.name}}}")
        lines.extend(f"::: cookbook.{name}" for name in family.recipes)
    return lines


def check_listing(path: Path = REFERENCE) -> None:
    """Fail the build when docs/reference.md's entries differ from the registry.

    Raises:
        AssertionError: Naming the first line that differs.
    """
    found = [
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.startswith(("## ", "::: cookbook."))
    ]
    expected = expected_listing()
    if found != expected:
        for index, (got, want) in enumerate(
            zip(found + [""] * len(expected), expected, strict=False)
        ):
            if got != want:
                raise AssertionError(
                    f"{path}: entry {index + 1} is {got!r}, expected {want!r} "
                    "(one heading per family, one ::: line per recipe, registry order)"
                )
        raise AssertionError(
            f"{path}: extra entries after {expected[-1]!r}: {found[len(expected) :]}"
        )
