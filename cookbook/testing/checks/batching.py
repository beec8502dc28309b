"""Checks of the batching family against ``torch.utils.data.DataLoader`` over ``range(n)``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

import torch
from hypothesis import strategies as st
from torch.utils.data import DataLoader

from cookbook.batching import batch_indices, batch_sizes
from cookbook.testing.assertions import assert_matches_numpy
from cookbook.testing.checks import Bench, Case, Drawer, Example, Recipe, Workload

COUNTS = st.integers(0, 40)
BATCH_SIZES = st.integers(1, 12)


def _batch_sizes_example(draw: Drawer) -> Example:
    n, size = draw(COUNTS, label="n"), draw(BATCH_SIZES, label="batch_size")
    return (n, size), {"drop_last": draw(st.booleans(), label="drop_last")}


def _loader(n: int, batch_size: int, drop_last: bool) -> Iterable[torch.Tensor]:
    """The notes' ``DataLoader(range(n), ...)``: a range is a map-style dataset to it."""
    dataset = cast(Any, range(n))
    loader = DataLoader(dataset, batch_size=batch_size, drop_last=drop_last)
    return cast(Iterable[torch.Tensor], loader)


def _data_loader_sizes(n: int, batch_size: int, *, drop_last: bool) -> list[int]:
    return [len(batch) for batch in _loader(n, batch_size, drop_last)]


def _check_batch_indices(draw: Drawer) -> None:
    """A partition of range(n) (bar the short batch with drop_last), DataLoader's in order,
    and the same batches for the same seed."""
    n, size = draw(COUNTS, label="n"), draw(BATCH_SIZES, label="batch_size")
    drop_last = draw(st.booleans(), label="drop_last")
    shuffle = draw(st.booleans(), label="shuffle")
    seed = draw(st.none() | st.integers(0, 2**64 - 1), label="seed")
    batches = batch_indices(n, size, shuffle=shuffle, seed=seed, drop_last=drop_last)
    lengths = batch_sizes(n, size, drop_last=drop_last)
    if [len(batch) for batch in batches] != lengths:
        raise AssertionError(f"batch lengths {[len(b) for b in batches]} != {lengths}")
    for batch in batches:
        if batch.dtype != torch.int64 or batch.device.type != "cpu" or batch.ndim != 1:
            raise AssertionError(f"a batch is {batch.dtype} {batch.ndim}-D on {batch.device}")
    everything = torch.cat([torch.zeros(0, dtype=torch.int64), *batches])
    if len(set(everything.tolist())) != len(everything) or not all(
        0 <= i < n for i in everything.tolist()
    ):
        raise AssertionError(f"the batches repeat an index or leave range({n}): {batches}")
    if not shuffle:
        loader = _loader(n, size, drop_last)
        assert_matches_numpy(batches, [batch.numpy() for batch in loader])
    elif seed is not None:
        again = batch_indices(n, size, shuffle=True, seed=seed, drop_last=drop_last)
        whole = batch_indices(n, size, shuffle=True, seed=seed)
        if not all(torch.equal(a, b) for a, b in zip(batches, again, strict=True)):
            raise AssertionError(f"seed {seed} gave different batches on a second call")
        if not all(torch.equal(a, b) for a, b in zip(batches, whole, strict=False)):
            raise AssertionError("drop_last changed the batches it kept")


def _batch_sizes_workload(n: int, d: torch.device) -> Workload:
    return (lambda: batch_sizes(n, 64)), (lambda: [min(64, n - i) for i in range(0, n, 64)])


def _batch_indices_workload(n: int, d: torch.device) -> Workload:
    def bare() -> list[torch.Tensor]:
        order = torch.arange(n)
        return [order[i : i + 64] for i in range(0, n, 64)]

    return (lambda: batch_indices(n, 64)), bare


RECIPES = [
    Recipe(
        batch_sizes,
        compiles="plain Python: returns a list of ints, not tensors",
        numpy="np.diff(np.r_[0:n:b, n])",
        call="batch_sizes(n, b)",
        torch="[len(t) for t in DataLoader(range(n), b)]",
        kind="metadata",
        bench=Bench("[min(b, n - i) for i in range(0, n, b)]", _batch_sizes_workload),
        cases=(
            Case(
                batch_sizes,
                _batch_sizes_example,
                _data_loader_sizes,
                returns="value",
                takes_tensors=False,
            ),
        ),
    ),
    Recipe(
        batch_indices,
        compiles="data loading, outside the model: Python ints in, a list as long as they say out",
        numpy="np.array_split(np.arange(n), range(b, n, b))",
        call="batch_indices(n, b)",
        torch="list(DataLoader(range(n), b))",
        kind="compute",
        bench=Bench(
            "slices of torch.arange(n)",
            _batch_indices_workload,
            overhead="checks five arguments; the bare slices take n and b on trust",
        ),
        properties={"": _check_batch_indices},
    ),
]
