"""The one list of recipe families: the tests, the docs and ``python -m cookbook`` read it."""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType

from cookbook import (
    activations,
    allocation,
    axes,
    batching,
    division,
    gradients,
    grids,
    indexing,
    interop,
    interpolation,
    masking,
    maths,
    plumbing,
    products,
    repetition,
    sizes,
    sorting,
    splitting,
    statistics,
    strides,
)


@dataclass(frozen=True)
class Family:
    """A family of recipes: one module of the package, one page of the site."""

    name: str
    title: str
    module: ModuleType

    @property
    def recipes(self) -> tuple[str, ...]:
        """The public names the family's module defines, in ``__all__`` order."""
        return tuple(self.module.__all__)


FAMILIES: tuple[Family, ...] = (
    Family("matmul", "Matmul semantics", products),
    Family("contiguous", "Contiguous versus view", strides),
    Family("permute", "Transpose and permute", axes),
    Family("repeat", "Repeat", repetition),
    Family("meshgrid", "Meshgrid grid offsets", grids),
    Family("masking", "Confidence masking", masking),
    Family("numel", "Numel", sizes),
    Family("new", "Tensor.new", allocation),
    Family("interop", "NumPy interop", interop),
    Family("maths", "Maths", maths),
    Family("activations", "Activations", activations),
    Family("gradients", "Gradients", gradients),
    Family("plumbing", "Shape plumbing", plumbing),
    Family("batching", "Batching", batching),
    Family("division", "Division and dtypes", division),
    Family("statistics", "Statistics", statistics),
    Family("sorting", "Sorting and searching", sorting),
    Family("indexing", "Indexing", indexing),
    Family("splitting", "Splitting and padding", splitting),
    Family("interpolation", "Interpolation", interpolation),
)


def family_of(recipe: str) -> Family:
    """The family that defines ``recipe``; KeyError for an unknown name."""
    for family in FAMILIES:
        if recipe in family.recipes:
            return family
    raise KeyError(f"no recipe named {recipe!r}; see cookbook.__all__")
