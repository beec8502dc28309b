"""Interpolation: NumPy's ``interp`` for tensors.

The trap: torch has no ``interp``. The usual stand-in, a round trip through
NumPy, leaves the device, and hand-written ``searchsorted`` versions miss
NumPy's rules for points outside ``xp``, repeated ``xp`` values and NaN.
"""

from __future__ import annotations

import torch

from cookbook._validation import describe, require_tensor

__all__ = ["interp"]


def interp(
    x: torch.Tensor,
    xp: torch.Tensor,
    fp: torch.Tensor,
    left: float | complex | None = None,
    right: float | complex | None = None,
) -> torch.Tensor:
    """Piecewise-linear interpolation of the points ``(xp, fp)`` at ``x``.

    NumPy equivalent: ``np.interp(x, xp, fp, left, right)``. ``xp`` must be
    increasing (repeats allowed); like NumPy, this is not checked, and an
    unsorted ``xp`` gives meaningless values. Below ``xp[0]`` the result is
    ``left`` (default ``fp[0]``), above ``xp[-1]`` it is ``right`` (default
    ``fp[-1]``); at a sample point it is that point's ``fp`` exactly (the last
    one where ``xp`` repeats, as in NumPy), and a NaN in ``x`` gives NaN. A
    complex ``fp`` interpolates its real and imaginary parts.

    The dtype differs from NumPy's on purpose: NumPy always computes in float64
    (complex128); here the result is float32 (complex64), computed in float32,
    when ``x``, ``xp`` and ``fp`` are all float32 (``fp`` complex64), and
    float64 (complex128) otherwise: integer, bool and float16 inputs included.
    float32 results carry float32 rounding: about ``1e-6 * max(abs(fp))``.
    Every dtype works except complex ``x`` or ``xp``, refused as in NumPy.
    The result stays on the device, costs no sync, and the function compiles
    with ``torch.compile(fullgraph=True)``.

    Args:
        x: Tensor of any shape: the points to evaluate at.
        xp: 1-D tensor of increasing sample points.
        fp: 1-D tensor of the values at ``xp``, real or complex.
        left: Value for ``x < xp[0]``; None for ``fp[0]``.
        right: Value for ``x > xp[-1]``; None for ``fp[-1]``.

    Returns:
        A tensor of ``x``'s shape, on its device.

    Raises:
        ValueError: If ``xp`` is empty, ``xp`` or ``fp`` is not 1-D, their
            lengths differ, or the tensors are on different devices.
        TypeError: If an argument is not a tensor (a number for ``left`` and
            ``right``), ``x`` or ``xp`` is complex, or ``left`` or ``right``
            is complex where ``fp`` is real.

    Examples:
        >>> xp = torch.tensor([0.0, 1.0, 1.0, 3.0])
        >>> fp = torch.tensor([0.0, 10.0, 20.0, 40.0])
        >>> interp(torch.tensor([-1.0, 0.5, 1.0, 2.0, 9.0, float("nan")]), xp, fp)
        tensor([ 0.,  5., 20., 30., 40., nan])
        >>> interp(torch.tensor([-1, 4]), xp, fp, left=-1.0, right=99.0)  # integers: float64
        tensor([-1., 99.], dtype=torch.float64)

    See also:
        [take_along_axis][cookbook.take_along_axis] picks values at indices, as
        the ``searchsorted`` result is used here.
    """
    for value, name in ((x, "x"), (xp, "xp"), (fp, "fp")):
        require_tensor(value, name, "interp")
        if value.device != x.device:
            raise ValueError(f"interp: {name} is on {value.device} but x is on {x.device}")
    for value, name in ((x, "x"), (xp, "xp")):
        if value.dtype.is_complex:
            raise TypeError(f"interp: {name} must be real, got {describe(value)}")
    for value, name in ((xp, "xp"), (fp, "fp")):
        if value.ndim != 1:
            raise ValueError(f"interp: {name} must be 1-D, got shape {tuple(value.shape)}")
    if xp.numel() == 0:
        raise ValueError("interp: xp is empty: there is nothing to interpolate")
    if fp.numel() != xp.numel():
        raise ValueError(
            f"interp: xp and fp must have the same length, got {xp.numel()} and {fp.numel()}"
        )
    single = all(t.dtype in (torch.float32, torch.complex64) for t in (x, xp, fp))
    real = torch.float32 if single else torch.float64
    dtype = (torch.complex64 if single else torch.complex128) if fp.dtype.is_complex else real
    ends = (_end(left, "left", fp[0], dtype), _end(right, "right", fp[-1], dtype))
    return _interp(x.to(real), xp.to(real), fp.to(dtype), *ends)


def _end(value: object, name: str, default: torch.Tensor, dtype: torch.dtype) -> torch.Tensor:
    """``left`` or ``right`` as a 0-d tensor of the result's dtype; ``default`` for None."""
    if value is None:
        return default.to(dtype)
    if not isinstance(value, bool | int | float | complex) or (
        isinstance(value, complex) and not dtype.is_complex
    ):
        kind = "number" if dtype.is_complex else "real number"
        raise TypeError(f"interp: {name} must be a {kind} or None, got {describe(value)}")
    return torch.full((), value, dtype=dtype, device=default.device)


def _interp(
    x: torch.Tensor, xp: torch.Tensor, fp: torch.Tensor, left: torch.Tensor, right: torch.Tensor
) -> torch.Tensor:
    """``interp``'s core, on ``x`` and ``xp`` of one real dtype and ``fp``, ``left``,
    ``right`` of the result's: NumPy's ``arr_interp`` rules, precomputed per segment
    where they do not depend on ``x``, so each point costs one search and a few passes."""
    complex_result = fp.is_complex()
    if complex_result:  # real and imaginary parts side by side on a last axis
        fp, left, right = (torch.view_as_real(t) for t in (fp, left, right))

    def along(t: torch.Tensor) -> torch.Tensor:
        """``t`` (of ``x``'s shape) lined up with the values' last axis, if any."""
        return t.unsqueeze(-1) if complex_result else t

    n = xp.shape[0]
    if n == 1:  # NumPy's own branch: no NaN test, so NaN gives fp[0]
        result = fp[0].expand(tuple(x.shape) + tuple(fp.shape[1:]))
        result = torch.where(along(x > xp[0]), right, result)
        result = torch.where(along(x < xp[0]), left, result)
    else:
        x0, x1, y0, y1 = xp[:-1], xp[1:], fp[:-1], fp[1:]
        slope = (y1 - y0) / along(x1 - x0)  # NumPy's, one per segment
        # Per part for a complex fp: NumPy interpolates the real and imaginary parts apart.
        regular = (
            along(x0.isfinite() & x1.isfinite()) & y0.isfinite() & y1.isfinite() & slope.isfinite()
        )
        # Inside a segment with an infinite end or value, NumPy's result depends on signs
        # only: one value per segment, NumPy's formula at a point inside.
        inside = torch.where(
            x0.isfinite() & x1.isfinite(),
            x0 / 2 + x1 / 2,
            torch.where(
                x0.isfinite(),
                x0 + x0.abs() + 1,
                torch.where(x1.isfinite(), x1 - x1.abs() - 1, torch.zeros_like(x0)),
            ),
        )
        constant = slope * along(inside - x0) + y0
        # A NaN one way: NumPy tries from the other end, then y0 if the values agree.
        constant = torch.where(constant.isnan(), slope * along(inside - x1) + y1, constant)
        constant = torch.where(constant.isnan() & (y0 == y1), y0, constant)
        # One row per p, the count of samples at or below x: p = 0 below xp[0], p = 1 to
        # n - 1 the segment from xp[p - 1], p = n at or above xp[-1]. The first and the
        # last rows, and irregular segments, are constants.
        none, nothing = xp.new_zeros(1), fp.new_zeros((1, *fp.shape[1:]))
        never = xp.new_full((1,), float("nan"))
        always = regular.new_ones((1, *fp.shape[1:]))
        rows = {
            "x0": torch.cat((none, x0, none)),
            "slope": torch.cat((nothing, slope, nothing)),
            "y0": torch.cat((nothing, y0, nothing)),
            "special": torch.cat((always, ~regular, always)),
            "constant": torch.cat((left.unsqueeze(0), constant, right.unsqueeze(0))),
            "sample": torch.cat((never, x0, xp[-1:])),
            "value": torch.cat((fp[:1], y0, fp[-1:])),
        }
        p = _count_at_or_below(xp, x)

        def at(name: str) -> torch.Tensor:
            """Row ``p`` of the table for each x: index_select, far faster than t[p]."""
            table = rows[name]
            return table.index_select(0, p).reshape(tuple(x.shape) + tuple(table.shape[1:]))

        result = at("slope") * along(x - at("x0")) + at("y0")
        # NaN stays NaN: NaN - x0 is NaN in every row (NaN + 0j for a complex fp, below).
        result = torch.where(at("special") & along(~x.isnan()), at("constant"), result)
        result = torch.where(along(x == at("sample")), at("value"), result)  # at a sample
        if complex_result:
            fill = torch.stack((x, torch.zeros_like(x)), -1)
            result = torch.where(along(x.isnan()), fill, result)
    return torch.view_as_complex(result.contiguous()) if complex_result else result


# From this many points, on CPU, the search runs in passes. Into 1000 sample points,
# torch.searchsorted takes about 63 ns a point there (mostly mispredicted branches) and
# the passes about 17 ns; below a few thousand points the passes' fixed cost loses.
_SEARCH_IN_PASSES_FROM = 4096


def _count_at_or_below(xp: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
    """For each point of ``x``, flattened, how many of ``xp`` (increasing) are at or below it.

    That is ``torch.searchsorted(xp, x, right=True)``, except for NaN points (any
    count will do: their result is NaN). On CPU, for many points and outside a
    compiled graph, the search runs in passes.
    """
    flat = x.reshape(-1)
    if (
        flat.device.type != "cpu"
        or flat.shape[0] < _SEARCH_IN_PASSES_FROM
        or torch.compiler.is_compiling()
    ):
        return torch.searchsorted(xp.contiguous(), flat.contiguous(), right=True)
    return _count_in_passes(xp, flat)


def _count_in_passes(xp: torch.Tensor, flat: torch.Tensor) -> torch.Tensor:
    """``_count_at_or_below`` without branches: a gather, a compare and an add per halving
    of ``xp``, each over every point of the 1-D ``flat`` at once (NaN points count 0)."""
    xp, flat = xp.detach(), flat.detach()  # a count has no gradient, and out= refuses one
    n = xp.shape[0]
    levels = n.bit_length()
    # NaN beyond the end compares false: a count never passes n.
    padded = xp.new_full(((1 << levels) - 1,), float("nan"))
    padded[:n] = xp
    count = flat.new_zeros(flat.shape, dtype=torch.int32 if n < 2**31 - 1 else torch.int64)
    sample = torch.empty_like(flat)
    below = flat.new_empty(flat.shape, dtype=torch.bool)
    for level in reversed(range(levels)):
        step = 1 << level
        # Whether the count reaches count + step: is sample number count + step at or below x?
        torch.index_select(padded[step - 1 :], 0, count, out=sample)
        torch.le(sample, flat, out=below)
        count.add_(below, alpha=step)
    return count
