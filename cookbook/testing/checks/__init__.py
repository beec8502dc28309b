"""Every recipe's declaration: its checks and the facts the tools read, written once.

Each family's module here (``cookbook/testing/checks/<module>.py``) lists a
[Recipe][cookbook.testing.checks.Recipe] per recipe in ``RECIPES``: the NumPy
line, the bare torch line, the kind, the benchmark workload, and the property
checks. ``tests/``, ``python -m cookbook check``, ``python -m cookbook bench``
and the site all read these declarations; no other list of recipes exists.

A [Case][cookbook.testing.checks.Case] pairs a recipe with a way to draw its
arguments and a NumPy oracle; each case yields three checks:

- ``oracle``: on tensors in any layout, the recipe equals the oracle exactly,
  and on a GPU the device result equals the CPU result;
- ``noncontiguous``: the same, with every input tensor that can be
  non-contiguous drawn non-contiguous;
- ``purity``: no input's storage (gaps included) or version counter changes,
  and the result is a fresh copy or a view of the input, as the recipe promises.

Recipes that take no tensors (shape arithmetic) have ``oracle`` checks only.

With a [Compiled][cookbook.testing.checks.Compiled] mode (``python -m cookbook
check --compile``) the same checks call the recipe through
``torch.compile(fullgraph=True)``: a graph break fails the check, and so does a
result that differs from eager beyond float rounding (exactly, for integers and
bools). Recipes whose declaration says they do not compile are left out, and so
are further properties, which call the recipe themselves.
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

import numpy as np
import torch
from hypothesis import Phase, assume, given, seed, settings
from hypothesis import strategies as st

from cookbook._registry import FAMILIES, Family
from cookbook.testing.assertions import StorageSnapshot, assert_matches_numpy, same_storage
from cookbook.testing.strategies import LAYOUT_KINDS, tensors

CheckKind = Literal["oracle", "noncontiguous", "purity"]
CHECK_KINDS: tuple[CheckKind, ...] = ("oracle", "noncontiguous", "purity")

#: What a recipe does to memory: computes new values, copies them, returns a
#: view, or reads only shapes and strides.
Kind = Literal["compute", "copy", "view", "metadata"]
#: ``(recipe_call, bare_call)``: two argument-free calls that compute the same thing.
Workload = tuple[Callable[[], object], Callable[[], object]]

__all__ = [
    "CHECK_KINDS",
    "Bench",
    "Case",
    "Check",
    "Compiled",
    "Drawer",
    "Kind",
    "Recipe",
    "Route",
    "Workload",
    "all_checks",
    "all_recipes",
    "checks_for",
    "disable_tf32",
    "recipes_of",
]


class Drawer:
    """What a case's ``example`` draws with: plain values, and tensors on the check's device.

    In a ``noncontiguous`` check every tensor that can be non-contiguous is.
    """

    def __init__(self, data: st.DataObject, device: torch.device, *, noncontiguous: bool) -> None:
        self.data = data
        self.device = device
        self.noncontiguous = noncontiguous

    def __call__(self, strategy: st.SearchStrategy[Any], label: str | None = None) -> Any:
        return self.data.draw(strategy, label=label)

    def tensor(
        self,
        dtype: torch.dtype | st.SearchStrategy[torch.dtype],
        shape: tuple[int, ...] | st.SearchStrategy[tuple[int, ...]],
        *,
        elements: st.SearchStrategy[Any] | None = None,
        label: str | None = None,
    ) -> torch.Tensor:
        if self.noncontiguous and isinstance(shape, st.SearchStrategy):
            # Only tensors of two or more elements can be non-contiguous.
            shape = shape.filter(lambda sizes: math.prod(sizes) >= 2)
        strategy = tensors(
            dtype,
            shape,
            elements=elements,
            device=self.device,
            kinds=LAYOUT_KINDS,
            noncontiguous=self.noncontiguous,
        )
        return self.data.draw(strategy, label=label)


#: ``(args, kwargs)`` for one call, or ``(args, kwargs, expected)`` where the
#: expected result is known from how the arguments were made.
Example = tuple[tuple[Any, ...], dict[str, Any]] | tuple[tuple[Any, ...], dict[str, Any], Any]


@dataclass(frozen=True)
class Case:
    """A recipe, how to draw its arguments, and the NumPy function it must equal.

    Attributes:
        recipe: The function under test.
        takes_tensors: False for recipes of shapes and counts only; those get
            an ``oracle`` check alone.
        variant: Tells apart several cases of one recipe in check names.
        example: Draws ``(args, kwargs)`` for one call.
        oracle: Called with the same arguments, tensors turned into ndarrays;
            None where ``example`` returns the expected result itself.
        returns: ``"copy"`` (shares no storage with any input), ``"view"``
            (shares the first input's storage), or ``"value"`` (not tensors).
        compare: Replaces [assert_matches_numpy][cookbook.testing.assert_matches_numpy]
            where equality is not the contract (uninitialised memory, say).
    """

    recipe: Callable[..., Any]
    example: Callable[[Drawer], Example]
    oracle: Callable[..., Any] | None
    returns: Literal["copy", "view", "value"] = "copy"
    takes_tensors: bool = True
    variant: str = ""
    compare: Callable[[Any, Any], None] = field(default=assert_matches_numpy)


@dataclass(frozen=True)
class Bench:
    """How ``python -m cookbook bench`` times a recipe against the bare torch it replaces.

    Attributes:
        baseline: The bare call, as the benchmark table shows it.
        workload: ``workload(n, device)`` makes inputs of about ``n`` elements on
            ``device`` and returns ``(recipe_call, bare_call)``; both compute the same.
        overhead: Why the recipe adds more than 1 us to the bare call on small
            inputs, where it does: the work NumPy's semantics need beyond it.
    """

    baseline: str
    workload: Callable[[int, torch.device], Workload]
    overhead: str | None = None


@dataclass(frozen=True)
class Route:
    """A comparison with another way to the same result: the YOLOv3 code, another library.

    Attributes:
        baseline: The other route, as the benchmark table shows it.
        size: Elements in the result, the table's size column.
        workload: ``workload(device)`` returns ``(recipe_call, other_call)``.
        needs: A module the other route imports (``"einops"``); the route is
            left out where it is not installed.
    """

    baseline: str
    size: int
    workload: Callable[[torch.device], Workload]
    needs: str | None = None


@dataclass(frozen=True)
class Recipe:
    """Everything the tools know about one recipe, declared once beside its checks.

    Attributes:
        function: The public recipe.
        numpy: The NumPy line it equals, as the site shows it.
        call: The cookbook call, as the site shows it.
        torch: The bare torch line people write instead (which may differ from NumPy).
        kind: ``"compute"``, ``"copy"``, ``"view"`` or ``"metadata"``.
        bench: Its benchmark workload and baseline.
        cases: Its property cases against NumPy; each must test ``function``.
        properties: Further property checks that need their own body, by variant.
        routes: Comparisons with other routes to the same result.
        compiles: True where ``torch.compile(fullgraph=True)`` takes the recipe;
            else why it is exempt (NumPy in or out, plain Python values).
        compile_flags: The ``torch._dynamo.config`` settings compiling needs:
            ``capture_dynamic_output_shape_ops`` where the result's shape depends
            on the values, say. ``check --compile`` runs with exactly these.
        host_sync: Why the recipe must wait for the device, where its contract
            makes it (a result whose length depends on the values, an index
            checked against its bounds); empty where it never waits.
    """

    function: Callable[..., Any]
    numpy: str
    call: str
    torch: str
    kind: Kind
    bench: Bench
    cases: tuple[Case, ...] = ()
    properties: Mapping[str, Callable[[Drawer], None]] = field(default_factory=dict)
    routes: tuple[Route, ...] = ()
    compiles: bool | str = True
    compile_flags: Mapping[str, bool] = field(default_factory=dict)
    host_sync: str = ""

    def __post_init__(self) -> None:
        strays = [case for case in self.cases if case.recipe is not self.function]
        if strays:
            raise ValueError(
                f"the declaration of {self.name} holds a case of {strays[0].recipe.__name__}"
            )
        if not self.cases and not self.properties:
            raise ValueError(f"the declaration of {self.name} has no property check")
        if self.compiles is False:
            raise ValueError(f"the declaration of {self.name} must say why it does not compile")

    @property
    def name(self) -> str:
        """The recipe's public name."""
        return str(self.function.__name__)

    def checks(self, family: str, compiled: Compiled | None = None) -> list[Check]:
        """The recipe's checks: three per case (one for cases without tensors), then its
        further properties as ``oracle`` checks.

        With ``compiled``, the cases' checks only, through ``torch.compile``; none for
        a recipe exempt from compiling.
        """
        if compiled is not None:
            if self.compiles is not True:
                return []
            compiled = replace(compiled, flags=self.compile_flags)
        checks: list[Check] = []
        for case in self.cases:
            kinds = CHECK_KINDS if case.takes_tensors else ("oracle",)
            checks.extend(
                Check(self.name, kind, family, _bind(case, kind, compiled), case.variant, compiled)
                for kind in kinds
            )
        if compiled is not None:
            return checks
        checks.extend(
            Check(self.name, "oracle", family, body, variant)
            for variant, body in self.properties.items()
        )
        return checks


def _tensor_leaves(value: Any) -> Iterator[torch.Tensor]:
    if isinstance(value, torch.Tensor):
        yield value
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _tensor_leaves(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _tensor_leaves(item)


def _map_tensors(value: Any, function: Callable[[torch.Tensor], Any]) -> Any:
    if isinstance(value, torch.Tensor):
        return function(value)
    if isinstance(value, tuple | list):
        return type(value)(_map_tensors(item, function) for item in value)
    if isinstance(value, dict):
        return {key: _map_tensors(item, function) for key, item in value.items()}
    return value


def _to_numpy(tensor: torch.Tensor) -> Any:
    return tensor.detach().cpu().numpy()


def _to_cpu(tensor: torch.Tensor) -> torch.Tensor:
    return tensor.detach().cpu()


@dataclass(frozen=True)
class Compiled:
    """How checks compile the recipe: ``torch.compile(recipe, fullgraph=True, backend=backend)``.

    Attributes:
        backend: ``"inductor"`` (torch's default, generates code) or ``"eager"``
            (traces the graph without generating code: finds graph breaks fast).
        flags: ``torch._dynamo.config`` settings, from the recipe's declaration.
    """

    backend: str = "inductor"
    flags: Mapping[str, bool] = field(default_factory=dict)

    def __call__(self, recipe: Callable[..., Any]) -> Callable[..., Any]:
        compiled: Callable[..., Any] = torch.compile(recipe, fullgraph=True, backend=self.backend)
        return compiled


def _assert_close_to_eager(compiled: Any, eager: Any) -> None:
    """The compiled result equals eager: exactly for integers and bools, within float rounding."""
    if isinstance(eager, torch.Tensor):
        if not isinstance(compiled, torch.Tensor):
            raise AssertionError(f"compiled: got {compiled!r}, eager gave a tensor")
        torch.testing.assert_close(compiled, eager, equal_nan=True, msg=None)
        return
    if isinstance(eager, tuple | list):
        if type(compiled) is not type(eager) or len(compiled) != len(eager):
            raise AssertionError(f"compiled: got {compiled!r}, eager gave {eager!r}")
        for got, wanted in zip(compiled, eager, strict=True):
            _assert_close_to_eager(got, wanted)
        return
    if compiled != eager:
        raise AssertionError(f"compiled: got {compiled!r}, eager gave {eager!r}")


def _call_both(
    case: Case,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    known: tuple[Any, ...],
    recipe: Callable[..., Any],
) -> tuple[Any, Any] | None:
    """The result of ``recipe`` (the recipe, maybe compiled) and the expected one;
    None where both raise ValueError.

    Raising is part of the contract: one side raising alone is a failure. Where
    NumPy raises, the recipe runs eagerly: compiled with ``fullgraph=True``, a
    raise is a graph break by design, which torch reports as ``Unsupported``
    ("raised exception ValueError(...)").
    """
    try:
        if case.oracle is None:
            (expected,) = known
        else:
            with np.errstate(all="ignore"):  # NumPy warns of inf and NaN; torch does not
                expected = case.oracle(
                    *_map_tensors(args, _to_numpy), **_map_tensors(kwargs, _to_numpy)
                )
    except ValueError as numpy_error:
        try:
            result = case.recipe(*args, **kwargs)
        except ValueError:
            return None
        raise AssertionError(
            f"NumPy raised ValueError({numpy_error}) but the recipe returned {result!r}"
        ) from numpy_error
    try:
        return recipe(*args, **kwargs), expected
    except ValueError as error:
        raise AssertionError(
            f"the recipe raised ValueError but NumPy returned {expected!r}"
        ) from error


def _run_case(
    case: Case, kind: CheckKind, draw: Drawer, compiled: Callable[..., Any] | None = None
) -> None:
    args, kwargs, *known = case.example(draw)
    inputs = list(_tensor_leaves((args, kwargs)))
    if kind == "noncontiguous":
        assume(any(not tensor.is_contiguous() for tensor in inputs))
    snapshots = [StorageSnapshot(tensor, f"input {i}") for i, tensor in enumerate(inputs)]
    outcome = _call_both(case, args, kwargs, tuple(known), compiled or case.recipe)
    if outcome is None:
        return
    result, expected = outcome
    try:
        case.compare(result, expected)
    except AssertionError:
        if compiled is None:
            raise
        # Generated code may round floats differently (fused, reordered): eager
        # must equal NumPy exactly, and the compiled result eager within rounding.
        eager = case.recipe(*args, **kwargs)
        case.compare(eager, expected)
        _assert_close_to_eager(result, eager)
    outputs = list(_tensor_leaves(result))
    for output in outputs:
        if output.device != draw.device:
            raise AssertionError(f"the result is on {output.device}, not on {draw.device}")
    # A rerun on CPU moves each argument separately, losing how the arguments
    # relate (views of one storage, say); cases that know their expected result
    # from such relations are device-independent already.
    if draw.device.type != "cpu" and case.oracle is not None:
        on_cpu = case.recipe(*_map_tensors(args, _to_cpu), **_map_tensors(kwargs, _to_cpu))
        # The same comparison as against NumPy: float maths may round differently
        # on the two devices, within the case's tolerances.
        case.compare(result, _map_tensors(on_cpu, _to_numpy))
    if kind != "purity":
        return
    for snapshot in snapshots:
        snapshot.assert_unchanged()
    for output in outputs:
        shared = [tensor for tensor in inputs if same_storage(output, tensor)]
        if case.returns == "view" and not shared:
            raise AssertionError("the recipe promises a view, but its result has its own storage")
        if case.returns == "copy" and shared:
            raise AssertionError("the result shares storage with an input: writes would leak")


@dataclass(frozen=True)
class Check:
    """One property of one recipe, runnable on any device."""

    recipe: str
    kind: CheckKind
    family: str
    body: Callable[[Drawer], None]
    variant: str = ""
    compiled: Compiled | None = None

    @property
    def name(self) -> str:
        """``recipe[variant]-kind``, as in test ids and the check command's table."""
        variant = f"[{self.variant}]" if self.variant else ""
        return f"{self.recipe}{variant}-{self.kind}"

    def __str__(self) -> str:
        return self.name

    def run(
        self,
        device: torch.device | str,
        *,
        seed_value: int | None = None,
        max_examples: int | None = None,
    ) -> None:
        """Run the property under the loaded Hypothesis profile (with at most
        ``max_examples``, if given); raises on a counterexample."""
        target = torch.device(device)
        if target.type == "cuda" and target.index is None:
            # Tensors report their device with its index: cuda:0, never cuda.
            target = torch.device("cuda", torch.cuda.current_device())
        noncontiguous = self.kind == "noncontiguous"

        def property_of_recipe(data: st.DataObject) -> None:
            self.body(Drawer(data, target, noncontiguous=noncontiguous))

        property_of_recipe.__qualname__ = self.name
        test = given(data=st.data())(property_of_recipe)
        changes: dict[str, Any] = {}
        if max_examples is not None:
            changes["max_examples"] = max_examples
        if self.compiled is not None:
            # Each shrinking step compiles anew (seconds under inductor), and a
            # graph break shows in any example: the first failure is reported as drawn.
            changes["phases"] = (Phase.generate,)
        if changes:
            test = settings(**changes)(test)
        if seed_value is not None:
            test = seed(seed_value)(test)
        if self.compiled is None:
            test()
            return
        # Each drawn dtype, rank and layout compiles anew: no limit on recompiles,
        # and a clean cache per check so guards do not pile up across recipes.
        torch._dynamo.reset()
        with torch._dynamo.config.patch(
            {"recompile_limit": 10**6, "accumulated_recompile_limit": 10**6, **self.compiled.flags}
        ):
            test()


def disable_tf32() -> None:
    """Make CUDA float32 matmuls and convolutions exact float32 (TF32 rounds inputs to 10 bits)."""
    torch.backends.cuda.matmul.allow_tf32 = False
    torch.backends.cudnn.allow_tf32 = False


def recipes_of(family: Family) -> tuple[Recipe, ...]:
    """The declarations of one family, in the order its checks module lists them."""
    module = importlib.import_module(
        f"cookbook.testing.checks.{family.module.__name__.rsplit('.', 1)[1]}"
    )
    recipes: tuple[Recipe, ...] = tuple(module.RECIPES)
    return recipes


def all_recipes() -> list[tuple[Family, Recipe]]:
    """Every declaration with its family, in family order."""
    return [(family, recipe) for family in FAMILIES for recipe in recipes_of(family)]


def _checks_of(family: Family, compiled: Compiled | None) -> list[Check]:
    return [
        check for recipe in recipes_of(family) for check in recipe.checks(family.name, compiled)
    ]


def _bind(case: Case, kind: CheckKind, compiled: Compiled | None) -> Callable[[Drawer], None]:
    recipe = None if compiled is None else compiled(case.recipe)

    def body(draw: Drawer) -> None:
        _run_case(case, kind, draw, recipe)

    return body


def all_checks(compiled: Compiled | None = None) -> list[Check]:
    """Every check of every family, in family order; through ``torch.compile`` with ``compiled``."""
    return [check for family in FAMILIES for check in _checks_of(family, compiled)]


def checks_for(family: str, compiled: Compiled | None = None) -> list[Check]:
    """The checks of one family (a name from ``cookbook._registry.FAMILIES``)."""
    for candidate in FAMILIES:
        if candidate.name == family:
            return _checks_of(candidate, compiled)
    raise ValueError(
        f"no family named {family!r}; choose from {', '.join(f.name for f in FAMILIES)}"
    )
