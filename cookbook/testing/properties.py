"""A property test of your own tensor function in one call.

[check_against_numpy][cookbook.testing.check_against_numpy] runs the cookbook's own
property check on a function of yours: it draws the arguments (tensors in every
layout over poisoned storage, in every dtype you allow, on the device you name),
calls your function and your NumPy oracle, compares the results, and checks that
no input was written to. A failure reports the smallest failing example Hypothesis
found, each tensor argument's layout, and the seed that replays it::

    def test_flatten(device):
        check_against_numpy(flatten, np.ravel, tensor_arg(FLOAT_DTYPES), device=device)
"""

from __future__ import annotations

import inspect
import math
import random
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import torch
from hypothesis import HealthCheck, Phase, given, note, settings
from hypothesis import seed as fix_seed
from hypothesis import strategies as st
from hypothesis.errors import FailedHealthCheck, Unsatisfiable

from cookbook.testing.assertions import assert_matches_numpy
from cookbook.testing.checks import Case, CheckKind, Drawer, Example, _run_case
from cookbook.testing.strategies import LAYOUT_KINDS, NUMERIC_DTYPES, shapes

__all__ = ["TensorArg", "check_against_numpy", "describe_layout", "layout_kinds", "tensor_arg"]


@dataclass(frozen=True)
class TensorArg:
    """How [check_against_numpy][cookbook.testing.check_against_numpy] draws one tensor argument.

    Made by [tensor_arg][cookbook.testing.tensor_arg].
    """

    dtype: torch.dtype | st.SearchStrategy[torch.dtype]
    shape: tuple[int, ...] | st.SearchStrategy[tuple[int, ...]]
    elements: st.SearchStrategy[Any] | None = None


def tensor_arg(
    dtype: torch.dtype | Sequence[torch.dtype] | st.SearchStrategy[torch.dtype] = NUMERIC_DTYPES,
    shape: tuple[int, ...] | st.SearchStrategy[tuple[int, ...]] | None = None,
    *,
    elements: st.SearchStrategy[Any] | None = None,
) -> TensorArg:
    """A tensor argument: one of ``dtype``, of ``shape``, in any layout over poisoned storage.

    Args:
        dtype: A dtype, a sequence of dtypes to draw from (default: every
            integer and float dtype), or a strategy of dtypes.
        shape: A fixed shape or a strategy of shapes (default:
            `shapes()`, 0 to 4 axes of 0 to 4 elements).
        elements: The values, as for ``hypothesis.extra.numpy.arrays`` (default:
            any value of the dtype, NaN and infinities included).

    Returns:
        A [TensorArg][cookbook.testing.TensorArg] to pass to
        [check_against_numpy][cookbook.testing.check_against_numpy].
    """
    if isinstance(dtype, torch.dtype | st.SearchStrategy):
        dtypes = dtype
    else:
        dtypes = st.sampled_from(tuple(dtype))
    return TensorArg(dtypes, shapes() if shape is None else shape, elements)


def layout_kinds(tensor: torch.Tensor) -> tuple[str, ...]:
    """Which of `LAYOUT_KINDS` a tensor's layout shows.

    ``()`` for a tensor laid out as a fresh contiguous one would be.

    Examples:
        >>> layout_kinds(torch.zeros(2, 3).t())
        ('permuted',)
        >>> layout_kinds(torch.zeros(4, 6)[1:, ::2])
        ('stepped', 'offset')
        >>> layout_kinds(torch.zeros(3, 1).expand(3, 4))
        ('expanded',)
    """
    # Axes of one element have no neighbours, whatever their stride says.
    sized = [
        (size, stride)
        for size, stride in zip(tensor.shape, tensor.stride(), strict=True)
        if size > 1
    ]
    strided = [(size, stride) for size, stride in sized if stride != 0]
    strides = [stride for _, stride in strided]
    step, stepped = 1, False
    for size, stride in sorted(strided, key=lambda pair: pair[1]):
        stepped |= stride != step
        step = stride * size
    shown = {
        "permuted": strides != sorted(strides, reverse=True),
        "stepped": stepped,
        "offset": tensor.storage_offset() > 0,
        "expanded": len(strided) < len(sized),
    }
    return tuple(kind for kind in LAYOUT_KINDS if shown[kind])


def describe_layout(tensor: torch.Tensor) -> str:
    """A tensor's dtype, device, shape, strides, storage offset and layout kinds, on one line.

    Examples:
        >>> describe_layout(torch.zeros(4, 6)[1:, ::2])
        'float32 on cpu, shape (3, 3), strides (6, 2), storage offset 6, layout: stepped, offset'
    """
    return (
        f"{str(tensor.dtype).removeprefix('torch.')} on {tensor.device}, "
        f"shape {tuple(tensor.shape)}, strides {tensor.stride()}, "
        f"storage offset {tensor.storage_offset()}, "
        f"layout: {', '.join(layout_kinds(tensor)) or 'contiguous'}"
    )


def _assert_close(actual: Any, expected: Any, *, rtol: float | None, atol: float | None) -> None:
    if isinstance(actual, tuple | list):
        if len(actual) != len(expected):
            raise AssertionError(f"{actual!r} does not match NumPy's {expected!r}")
        for item, expected_item in zip(actual, expected, strict=True):
            _assert_close(item, expected_item, rtol=rtol, atol=atol)
    elif isinstance(actual, torch.Tensor):
        # A copy: NumPy results may have negative strides, which torch.from_numpy refuses.
        wanted = torch.from_numpy(np.array(expected, copy=True))
        torch.testing.assert_close(
            actual.detach().cpu(), wanted, rtol=rtol, atol=atol, equal_nan=True
        )
    else:
        assert_matches_numpy(actual, expected)


def _names(function: Callable[..., Any], count: int) -> list[str]:
    try:
        parameters = list(inspect.signature(function).parameters)
    except (TypeError, ValueError):  # builtins without a signature
        parameters = []
    return [parameters[i] if i < len(parameters) else f"argument {i}" for i in range(count)]


def check_against_numpy(
    function: Callable[..., Any],
    oracle: Callable[..., Any],
    *arguments: TensorArg | st.SearchStrategy[Any],
    compare: Literal["exact", "close"] | Callable[[Any, Any], None] = "exact",
    rtol: float | None = None,
    atol: float | None = None,
    returns: Literal["copy", "view", "any"] = "any",
    device: torch.device | str = "cpu",
    max_examples: int | None = None,
    seed: int | None = None,
) -> None:
    """Check that ``function`` equals its NumPy ``oracle`` on tensors in every layout.

    Runs a Hypothesis property under the loaded profile, twice: first with every
    tensor argument that can be strided drawn strided, then with every layout,
    contiguous ones included. Each example draws the ``arguments``, calls
    ``function`` with them and ``oracle`` with the tensors turned into ndarrays,
    and requires:

    - the results to be equal (``compare="exact"``: values, NaNs, signed zeros,
      shape and dtype) or close (``"close"``: ``torch.testing.assert_close`` with
      ``rtol`` and ``atol``, NaNs equal); or pass your own ``compare(actual, expected)``;
    - raising ``ValueError`` on both sides, or on neither;
    - every result tensor on ``device``, and on a GPU equal to a rerun on the CPU;
    - in the second run, no input written to: each input's whole storage (its
      poisoned gaps too) and its version counter are unchanged;
    - with ``returns="copy"``, no result sharing an input's storage; with
      ``"view"``, every result sharing one.

    Tensors are drawn in contiguous and strided layouts (permuted, stepped, offset,
    expanded with stride 0) over storage filled with NaN or a sentinel, so a
    function that assumes contiguity, or reads outside its view, fails.

    Args:
        function: Your function under test.
        oracle: The NumPy function it must equal, called with the same arguments.
        *arguments: How to draw each positional argument: a
            [tensor_arg][cookbook.testing.tensor_arg], or any Hypothesis strategy
            for a plain value.
        compare: ``"exact"``, ``"close"``, or a function that raises AssertionError.
        rtol: Relative tolerance for ``"close"`` (default: torch's for the dtype).
        atol: Absolute tolerance for ``"close"`` (default: torch's for the dtype).
        returns: What the result may share with the inputs: ``"copy"`` nothing,
            ``"view"`` the storage of one, ``"any"`` not checked.
        device: Where the tensors are drawn; the plugin's ``device`` fixture gives each.
        max_examples: Overrides the profile's number of examples.
        seed: Replays a run; a failure prints the seed to pass here.

    Raises:
        AssertionError: Or whatever ``function`` raised, for the smallest failing
            example; its notes name each tensor argument's layout and the seed.
        ValueError: If ``compare`` or ``returns`` is not one of the names above.

    Examples:
        >>> import numpy as np
        >>> def flatten(x):
        ...     return x.reshape(-1)
        >>> check_against_numpy(flatten, np.ravel, tensor_arg(torch.float32), max_examples=10)
    """
    __tracebackhide__ = True
    if compare == "exact":
        comparison: Callable[[Any, Any], None] = assert_matches_numpy
    elif compare == "close":

        def comparison(actual: Any, expected: Any) -> None:
            _assert_close(actual, expected, rtol=rtol, atol=atol)

    elif callable(compare):
        comparison = compare
    else:
        raise ValueError(
            f"check_against_numpy: compare must be 'exact', 'close' or a function, got {compare!r}"
        )
    if returns not in ("copy", "view", "any"):
        raise ValueError(
            f"check_against_numpy: returns must be 'copy', 'view' or 'any', got {returns!r}"
        )
    names = _names(function, len(arguments))

    def example(draw: Drawer) -> Example:
        args = []
        for name, argument in zip(names, arguments, strict=True):
            if isinstance(argument, TensorArg):
                tensor = draw.tensor(
                    argument.dtype, argument.shape, elements=argument.elements, label=name
                )
                note(f"{name}: {describe_layout(tensor)}")
                args.append(tensor)
            else:
                args.append(draw(argument, label=name))
        return tuple(args), {}

    # Case's "value" skips the storage-sharing checks, as "any" asks.
    case = Case(
        function, example, oracle, "value" if returns == "any" else returns, compare=comparison
    )
    target = torch.device(device)
    if target.type == "cuda" and target.index is None:
        # Tensors report their device with its index: cuda:0, never cuda.
        target = torch.device("cuda", torch.cuda.current_device())
    loaded = settings()  # the loaded profile's settings
    if seed is None:
        # A derandomized profile (ci) runs the same examples every time.
        seed = 0 if loaded.derandomize else random.randrange(2**32)

    chosen = settings(
        loaded,
        max_examples=loaded.max_examples if max_examples is None else max_examples,
        # As in the cookbook's profiles, which a run outside pytest may not have loaded:
        # a first call (a CUDA one above all) can take seconds.
        deadline=None,
        suppress_health_check=[*loaded.suppress_health_check, HealthCheck.too_slow],
        derandomize=False,
        database=None,  # one inner test serves every function: replay by seed instead
        print_blob=False,
        report_multiple_bugs=False,  # one shrunk example, not an exception group
        # The explain phase would list lines of the cookbook's machinery, not of the function.
        phases=[phase for phase in loaded.phases if phase != Phase.explain],
    )
    # Strided inputs first: drawn among all layouts, they are missed by one run in ten
    # of twenty examples. Then every layout, contiguous ones included, with the purity check.
    kinds: list[CheckKind] = ["purity"]
    if any(_can_be_strided(argument) for argument in arguments):
        kinds.insert(0, "noncontiguous")
    for kind in kinds:
        try:
            _run(case, kind, target, chosen, seed, function.__qualname__)
        except (Unsatisfiable, FailedHealthCheck):
            if kind != "noncontiguous":
                raise
            # The shapes drawn never have two elements, so no tensor is ever strided;
            # the run over every layout that follows still checks them.
        except Exception as error:
            replay = f"replay: check_against_numpy(..., seed={seed}) on {target}"
            if sys.version_info >= (3, 11):
                error.add_note(replay)
            else:
                setattr(error, "__notes__", [*getattr(error, "__notes__", []), replay])  # noqa: B010
            raise


def _can_be_strided(argument: TensorArg | st.SearchStrategy[Any]) -> bool:
    if not isinstance(argument, TensorArg):
        return False
    return isinstance(argument.shape, st.SearchStrategy) or math.prod(argument.shape) >= 2


def _run(
    case: Case,
    kind: CheckKind,
    target: torch.device,
    chosen: settings,
    seed: int,
    name: str,
) -> None:
    __tracebackhide__ = True

    def matches_numpy(data: st.DataObject) -> None:
        __tracebackhide__ = True  # pytest: show the user's frames, not this machinery's
        _run_case(case, kind, Drawer(data, target, noncontiguous=kind == "noncontiguous"))

    matches_numpy.__qualname__ = f"check_against_numpy({name})"
    fix_seed(seed)(chosen(given(data=st.data())(matches_numpy)))()
