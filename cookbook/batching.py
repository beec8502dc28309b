"""Batching: the batch sizes and index batches a ``DataLoader`` over ``range(n)`` yields.

The notes split ten items into batches of 5 and of 8 with a ``DataLoader``;
these recipes give the same split without building one: the sizes as plain
ints, and the index batches as tensors, shuffled reproducibly from a seed.
"""

from __future__ import annotations

import torch

from cookbook._validation import as_int, describe

__all__ = ["batch_indices", "batch_sizes"]


def _counts(n: int, batch_size: int, drop_last: bool, recipe: str) -> tuple[int, int]:
    """Validated ``(n, batch_size)``."""
    count = as_int(n, "n", recipe, minimum=0)
    size = as_int(batch_size, "batch_size", recipe, minimum=1)
    if not isinstance(drop_last, bool):
        raise TypeError(f"{recipe}: drop_last must be a bool, got {describe(drop_last)}")
    return count, size


def batch_sizes(n: int, batch_size: int, *, drop_last: bool = False) -> list[int]:
    """The length of each batch when ``n`` items are cut into batches of ``batch_size``.

    NumPy equivalent: ``np.diff(np.r_[0:n:batch_size, n]).tolist()`` (with the
    last, short batch removed for ``drop_last``). The contract is PyTorch's:
    ``[len(b) for b in DataLoader(range(n), batch_size=batch_size,
    drop_last=drop_last)]``, without building a loader. Only the last batch
    may be short; ``drop_last`` drops it.

    Args:
        n: Number of items, at least 0.
        batch_size: Items per batch, at least 1.
        drop_last: Drop the last batch if it is short.

    Returns:
        ``n // batch_size`` copies of ``batch_size``, then ``n % batch_size``
        unless it is 0 or ``drop_last`` is set.

    Raises:
        ValueError: If ``n`` is negative or ``batch_size`` is below 1.
        TypeError: If ``n`` or ``batch_size`` is not an integer, or
            ``drop_last`` not a bool.

    Examples:
        >>> batch_sizes(10, 5)
        [5, 5]
        >>> batch_sizes(10, 8)
        [8, 2]
        >>> batch_sizes(10, 8, drop_last=True)
        [8]
        >>> batch_sizes(3, 8, drop_last=True)  # every batch short: none left
        []

    See also:
        [batch_indices][cookbook.batch_indices] gives the indices themselves.
    """
    count, size = _counts(n, batch_size, drop_last, "batch_sizes")
    full, rest = divmod(count, size)
    return [size] * full + ([rest] if rest and not drop_last else [])


def batch_indices(
    n: int,
    batch_size: int,
    *,
    shuffle: bool = False,
    seed: int | None = None,
    drop_last: bool = False,
) -> list[torch.Tensor]:
    """Index batches that partition ``range(n)``: in order, or shuffled from a seed.

    NumPy equivalent (for ``n > 0``): ``np.array_split(order, range(batch_size,
    n, batch_size))`` with ``order = np.arange(n)`` or a permutation of it, the
    last batch dropped if short and ``drop_last`` is set. Without ``shuffle``
    the batches are those of ``DataLoader(range(n), batch_size=batch_size,
    drop_last=drop_last)``. With ``shuffle`` the order is
    ``torch.randperm(n, generator=torch.Generator().manual_seed(seed))``: the
    same seed gives the same batches on every call (a ``DataLoader`` with
    ``shuffle=True`` draws a new order per epoch). ``seed=None`` draws the
    order from torch's global generator.

    Args:
        n: Number of items, at least 0.
        batch_size: Items per batch, at least 1.
        shuffle: Permute the indices before cutting them into batches.
        seed: Seed of the permutation, in ``range(2**64)``; used only with ``shuffle``.
        drop_last: Drop the last batch if it is short.

    Returns:
        int64 CPU tensors of the lengths [batch_sizes][cookbook.batch_sizes]
        gives; together they hold every index in ``range(n)`` once (bar the
        dropped batch).

    Raises:
        ValueError: If ``n`` is negative, ``batch_size`` is below 1 or ``seed``
            is outside ``range(2**64)``.
        TypeError: If ``n``, ``batch_size`` or ``seed`` is not an integer, or
            ``shuffle`` or ``drop_last`` not a bool.

    Examples:
        >>> batch_indices(5, 2)
        [tensor([0, 1]), tensor([2, 3]), tensor([4])]
        >>> batch_indices(5, 2, drop_last=True)
        [tensor([0, 1]), tensor([2, 3])]
        >>> a = batch_indices(10, 4, shuffle=True, seed=0)
        >>> b = batch_indices(10, 4, shuffle=True, seed=0)
        >>> all(torch.equal(p, q) for p, q in zip(a, b))
        True
        >>> batch_indices(0, 4)  # nothing to batch
        []

    See also:
        [batch_sizes][cookbook.batch_sizes] gives only the lengths.
    """
    count, size = _counts(n, batch_size, drop_last, "batch_indices")
    if not isinstance(shuffle, bool):
        raise TypeError(f"batch_indices: shuffle must be a bool, got {describe(shuffle)}")
    if seed is not None:
        seed = as_int(seed, "seed", "batch_indices", minimum=0)
        if seed >= 2**64:
            raise ValueError(f"batch_indices: seed must be below 2**64, got {seed}")
    if not shuffle:
        order = torch.arange(count)
    elif seed is None:
        order = torch.randperm(count)
    else:
        order = torch.randperm(count, generator=torch.Generator().manual_seed(seed))
    covered = count - count % size if drop_last else count
    # Views of one fresh tensor: split slices in C++, where a Python loop of
    # slices and clones costs three times as long for many small batches.
    return list(torch.split(order[:covered] if drop_last else order, size)) if covered else []
