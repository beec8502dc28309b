"""The Performance page's compile table, from the recipes' declarations, at build time.

Each recipe's ``compiles`` and ``compile_flags`` (``cookbook.testing.checks.Recipe``)
say whether ``torch.compile(fullgraph=True)`` takes it and with which
``torch._dynamo.config`` settings; ``python -m cookbook check --compile`` checks
exactly that, so the table cannot drift from what the checks run.
"""

from __future__ import annotations

from cookbook.testing.checks import all_recipes


def compile_table() -> str:
    """Markdown table: every recipe, whether it compiles fullgraph, the flags, or why not."""
    rows = [
        "| Recipe | `fullgraph=True` | Flags needed, or why it is exempt |",
        "| --- | --- | --- |",
    ]
    for _, recipe in all_recipes():
        if recipe.compiles is True:
            flags = "<br>".join(
                f"`torch._dynamo.config.{name} = {value}`"
                for name, value in recipe.compile_flags.items()
            )
            rows.append(f"| `{recipe.name}` | yes | {flags or 'none'} |")
        else:
            rows.append(f"| `{recipe.name}` | exempt | {recipe.compiles} |")
    return "\n".join(rows)
