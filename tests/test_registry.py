"""One registry: the families, ``cookbook.__all__`` and the checks agree."""

from __future__ import annotations

import ast
import inspect

import pytest

import cookbook
from cookbook._registry import FAMILIES, Family, family_of
from cookbook.testing.checks import CHECK_KINDS, Case, Recipe, all_checks, recipes_of


def test_all_is_the_union_of_the_families() -> None:
    from_families = sorted(name for family in FAMILIES for name in family.recipes)
    assert from_families == sorted(cookbook.__all__)
    assert len(set(from_families)) == len(from_families)


@pytest.mark.parametrize("name", cookbook.__all__)
def test_every_recipe_is_documented_and_typed(name: str) -> None:
    recipe = getattr(cookbook, name)
    doc = inspect.getdoc(recipe) or ""
    assert "NumPy" in doc, f"{name}'s docstring does not name its NumPy equivalent"
    assert ">>>" in doc, f"{name}'s docstring has no example"
    assert "See also" in doc
    signature = inspect.signature(recipe)
    assert signature.return_annotation is not inspect.Signature.empty
    for parameter in signature.parameters.values():
        assert parameter.annotation is not inspect.Parameter.empty, f"{name}({parameter.name})"


@pytest.mark.parametrize("name", cookbook.__all__)
def test_every_recipe_has_its_checks(name: str) -> None:
    kinds = {check.kind for check in all_checks() if check.recipe == name}
    assert "oracle" in kinds, f"{name} has no property check against NumPy"
    takes_tensor = any(
        "Tensor" in str(parameter.annotation)
        for parameter in inspect.signature(getattr(cookbook, name)).parameters.values()
    )
    if takes_tensor:
        assert kinds == set(CHECK_KINDS), f"{name} lacks {set(CHECK_KINDS) - kinds}"


def test_module_names_do_not_shadow_recipes() -> None:
    modules = {family.module.__name__.rsplit(".", 1)[1] for family in FAMILIES}
    assert not modules & set(cookbook.__all__)


def test_family_of() -> None:
    assert family_of("tile").name == "repeat"
    with pytest.raises(KeyError, match="no recipe named 'tyle'"):
        family_of("tyle")


def test_check_names_are_unique() -> None:
    names = [check.name for check in all_checks()]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("family", FAMILIES, ids=lambda family: family.name)
def test_each_recipe_is_declared_once_in_its_family(family: Family) -> None:
    declared = [recipe.name for recipe in recipes_of(family)]
    assert sorted(declared) == sorted(family.recipes)
    for recipe in recipes_of(family):
        assert recipe.function is getattr(cookbook, recipe.name)
        assert recipe.kind in ("compute", "copy", "view", "metadata")
        for fact in (recipe.numpy, recipe.call, recipe.torch, recipe.bench.baseline):
            assert fact.strip(), f"{recipe.name} declares an empty line"


def test_a_declaration_refuses_another_recipes_case() -> None:
    stray = Case(cookbook.tile, lambda draw: ((), {}), None)
    with pytest.raises(ValueError, match="the declaration of repeat_elements holds a case of tile"):
        Recipe(
            cookbook.repeat_elements,
            numpy="np.repeat(a, r)",
            call="repeat_elements(x, r)",
            torch="x.repeat_interleave(r)",
            kind="copy",
            bench=recipes_of(family_of("repeat_elements"))[1].bench,
            cases=(stray,),
        )


def test_a_declaration_needs_a_check() -> None:
    with pytest.raises(ValueError, match="the declaration of tile has no property check"):
        Recipe(
            cookbook.tile,
            numpy="np.tile(a, r)",
            call="tile(x, r)",
            torch="x.repeat(*r)",
            kind="copy",
            bench=recipes_of(family_of("tile"))[0].bench,
        )


@pytest.mark.parametrize("family", FAMILIES, ids=lambda family: family.name)
def test_recipes_compose_through_unchecked_cores(family: Family) -> None:
    """A recipe that builds on another calls its private core: one validation per call."""
    source = inspect.getsource(family.module)
    public = set(cookbook.__all__)
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("cookbook"):
            borrowed = {alias.name for alias in node.names} & public
            assert not borrowed, f"{family.module.__name__} calls public {sorted(borrowed)}"
