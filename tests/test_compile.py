"""Every tensor recipe under ``torch.compile(fullgraph=True)``, as ``check --compile`` runs it.

Graph breaks show with the ``eager`` backend, which traces without generating
code: every recipe's checks run that way, a few examples each. Inductor, which
generates code (slowly), compiles a handful of representative recipes; the
full inductor check is ``python -m cookbook check --compile``.
"""

from __future__ import annotations

import dataclasses

import pytest
import torch

import cookbook.testing.checks.repetition as repetition_checks
from cookbook import cli
from cookbook.repetition import tile as real_tile
from cookbook.testing.checks import Check, Compiled, all_checks, all_recipes

# Inductor's own warnings: a deprecated torch.jit API that torch 2.13 calls itself,
# and complex operators left to eager kernels (the results are still checked).
pytestmark = [
    pytest.mark.filterwarnings("ignore:`torch.jit.script_method` is deprecated:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:Torchinductor does not support code generation:UserWarning"),
]

# Few examples: each new dtype, rank or layout compiles anew.
TRACED = [check for check in all_checks(Compiled("eager")) if check.kind == "oracle"]
INDUCTOR = ("tile", "matmul", "confidence_mask", "softplus")


@pytest.mark.parametrize("check", TRACED, ids=str)
def test_no_graph_break(check: Check) -> None:
    check.run("cpu", max_examples=2)


@pytest.mark.parametrize(
    "check",
    [
        check
        for check in all_checks(Compiled("inductor"))
        if check.recipe in INDUCTOR and check.kind == "oracle" and not check.variant
    ],
    ids=str,
)
def test_inductor_matches_eager(check: Check) -> None:
    check.run("cpu", max_examples=2)


def test_every_tensor_recipe_compiles_or_says_why() -> None:
    for _, recipe in all_recipes():
        if recipe.compiles is True:
            assert any(check.recipe == recipe.name for check in TRACED), recipe.name
        else:
            assert isinstance(recipe.compiles, str)
            assert recipe.compiles


def test_a_graph_break_fails_check_compile(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def tile(x: torch.Tensor, reps: object) -> torch.Tensor:
        if x.sum().item() > 0:  # a Python branch on a value: the graph breaks
            return real_tile(x, reps)  # type: ignore[arg-type]
        return real_tile(x, reps)  # type: ignore[arg-type]

    (declared,) = (recipe for recipe in repetition_checks.RECIPES if recipe.function is real_tile)
    broken = dataclasses.replace(
        declared,
        function=tile,
        cases=tuple(dataclasses.replace(case, recipe=tile) for case in declared.cases),
    )
    monkeypatch.setattr(repetition_checks, "RECIPES", [broken])
    arguments = ["check", "--device", "cpu", "--profile", "dev", "--family", "repeat"]
    status = cli.main([*arguments, "--compile", "--backend", "eager"])
    out = capsys.readouterr().out
    assert status == 1
    assert "tile-oracle on cpu FAILED" in out
    assert "torch._dynamo.exc." in out  # the graph break, as torch reports it
    assert "replay: python -m cookbook check --profile dev --compile --backend eager" in out
