"""Gradients: a scalar function's value and gradient, without touching the input.

The notes' route, ``x.requires_grad_(); f(x).backward(); x.grad``, changes
``x``: it starts tracking gradients, and ``x.grad`` accumulates across calls.
``value_and_grad`` differentiates through a detached alias instead.
"""

from __future__ import annotations

from collections.abc import Callable

import torch

from cookbook._validation import describe, require_tensor

__all__ = ["value_and_grad"]


def value_and_grad(
    f: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor]:
    """``f(x)`` and its gradient ``df/dx`` for a scalar-valued ``f``; ``x`` is left as it was.

    NumPy equivalent: none built in; by hand, the analytic derivative, e.g.
    ``(np.mean(x * x), 2 * x / x.size)`` for ``f = mean(x * x)``. Bare
    ``x.requires_grad_(); f(x).backward()`` turns on ``x.requires_grad`` and
    adds into ``x.grad`` (a second call doubles it); this recipe calls ``f`` on
    ``x.detach().requires_grad_()``, so ``x.requires_grad`` and ``x.grad`` stay
    as they were, and works under ``torch.no_grad()`` too. Under
    ``torch.compile(fullgraph=True)`` it needs
    ``torch._dynamo.config.trace_autograd_ops = True`` (for ``torch.autograd.grad``).

    Args:
        f: Function of one tensor returning a 0-d tensor, built from
            differentiable torch operations.
        x: Floating-point or complex tensor of any rank and device.

    Returns:
        ``(value, grad)``: ``f(x)`` detached, and a new tensor of ``x``'s shape
        and dtype holding ``df/dx`` (zeros where ``f`` does not depend on ``x``).

    Raises:
        ValueError: If ``f(x)`` is not a 0-d tensor.
        TypeError: If ``f`` is not callable, ``x`` is not a floating-point or
            complex tensor, or ``f`` returns something other than a tensor.

    Examples:
        >>> x = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
        >>> value, grad = value_and_grad(lambda v: (v * v).mean(), x)
        >>> value
        tensor(7.5000)
        >>> grad
        tensor([[0.5000, 1.0000],
                [1.5000, 2.0000]])
        >>> x.requires_grad, x.grad  # untouched
        (False, None)
        >>> value_and_grad(lambda v: v * 2, x)
        Traceback (most recent call last):
        ...
        ValueError: value_and_grad: f(x) must be a scalar (a 0-d tensor), got shape (2, 2)

    See also:
        [mean][cookbook.mean], the notes' function.
    """
    if not callable(f):
        raise TypeError(f"value_and_grad: f must be callable, got {describe(f)}")
    require_tensor(x, "x", "value_and_grad")
    if not (x.dtype.is_floating_point or x.dtype.is_complex):
        raise TypeError(
            f"value_and_grad: x must be a floating-point or complex tensor, got dtype {x.dtype}"
        )
    leaf = x.detach().requires_grad_()
    with torch.enable_grad():
        value = f(leaf)
        if not isinstance(value, torch.Tensor):
            raise TypeError(f"value_and_grad: f must return a tensor, got {describe(value)}")
        if value.ndim != 0:
            raise ValueError(
                "value_and_grad: f(x) must be a scalar (a 0-d tensor), "
                f"got shape {tuple(value.shape)}"
            )
        if not value.requires_grad:  # f does not depend on x at all
            return value.detach(), torch.zeros_like(x)
        (grad,) = torch.autograd.grad(value, leaf, allow_unused=True)
    if grad is None:
        grad = torch.zeros_like(x)
    return value.detach(), grad
