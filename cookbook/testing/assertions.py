"""Assertions that compare recipes with their NumPy oracle, and check purity.

Every failure message prints the values involved, so a Hypothesis report
shows the example without a debugger.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import torch

from cookbook._dtypes import NUMPY_TO_TORCH


def _as_numpy(tensor: torch.Tensor) -> np.ndarray:
    return tensor.detach().cpu().resolve_conj().numpy()


def assert_matches_numpy(
    actual: Any,
    expected: Any,
    *,
    check_dtype: bool = True,
    signed_zeros: bool = True,
    where: str = "result",
) -> None:
    """Assert that a recipe's result equals NumPy's, exactly.

    Tensors are compared with arrays by shape, dtype (unless ``check_dtype`` is
    false), values and NaN positions, and for floats by the sign of zeros too
    (unless ``signed_zeros`` is false: a sum's zero sign depends on its order).
    Sequences are compared item by item; anything else with ``==``.
    """
    if isinstance(actual, torch.Tensor):
        if not isinstance(expected, np.ndarray | np.generic):
            raise AssertionError(
                f"{where}: got a tensor, NumPy gave {type(expected).__name__} {expected!r}"
            )
        expected = np.asarray(expected)
        if tuple(actual.shape) != expected.shape:
            raise AssertionError(
                f"{where}: shape {tuple(actual.shape)} != NumPy's {expected.shape}\n"
                f"actual:\n{actual}\nexpected:\n{expected}"
            )
        if check_dtype and NUMPY_TO_TORCH.get(expected.dtype) != actual.dtype:
            raise AssertionError(f"{where}: dtype {actual.dtype} != NumPy's {expected.dtype}")
        _assert_same_values(_as_numpy(actual), expected, where, signed_zeros=signed_zeros)
        return
    if isinstance(actual, tuple | list) and not isinstance(expected, np.ndarray):
        if not isinstance(expected, Sequence) or len(actual) != len(expected):
            raise AssertionError(f"{where}: {actual!r} does not match NumPy's {expected!r}")
        for index, (item, expected_item) in enumerate(zip(actual, expected, strict=True)):
            assert_matches_numpy(
                item,
                expected_item,
                check_dtype=check_dtype,
                signed_zeros=signed_zeros,
                where=f"{where}[{index}]",
            )
        return
    if type(actual) is not type(expected) and not (isinstance(expected, np.generic | np.ndarray)):
        raise AssertionError(
            f"{where}: {actual!r} ({type(actual).__name__}) != "
            f"NumPy's {expected!r} ({type(expected).__name__})"
        )
    if actual != expected:
        raise AssertionError(f"{where}: {actual!r} != NumPy's {expected!r}")


def _assert_same_values(
    actual: np.ndarray, expected: np.ndarray, where: str, *, signed_zeros: bool
) -> None:
    if actual.dtype.kind in "fc":
        same = (actual == expected) | (np.isnan(actual) & np.isnan(expected))
        if actual.dtype.kind == "f" and signed_zeros:
            # A NaN's sign bit is not part of its value (x86 and CUDA make NaNs of opposite sign).
            same &= (np.signbit(actual) == np.signbit(expected)) | np.isnan(actual)
    else:
        same = actual == expected
    if not np.all(same):
        mismatches = np.argwhere(~same)
        raise AssertionError(
            f"{where}: {len(mismatches)} of {actual.size} elements differ from NumPy's, "
            f"first at index {tuple(int(i) for i in mismatches[0])}\n"
            f"actual:\n{actual}\nexpected:\n{expected}"
        )


def same_storage(a: torch.Tensor, b: torch.Tensor) -> bool:
    """Whether two tensors sit on one storage object (not via ``cookbook.shares_storage``)."""
    return a.device == b.device and a.untyped_storage()._cdata == b.untyped_storage()._cdata


class StorageSnapshot:
    """A tensor's whole storage, as bytes, and its version counter, to check neither changes."""

    def __init__(self, tensor: torch.Tensor, name: str = "input") -> None:
        self.tensor = tensor
        self.name = name
        self.version = tensor._version
        self.storage_bytes = self._bytes().clone()

    def _bytes(self) -> torch.Tensor:
        storage = self.tensor.untyped_storage()
        return torch.empty(0, dtype=torch.uint8, device=self.tensor.device).set_(storage)

    def assert_unchanged(self) -> None:
        """AssertionError if any byte of the storage (gaps included) or the version changed."""
        if self.tensor._version != self.version:
            raise AssertionError(
                f"{self.name}: version counter went from {self.version} to {self.tensor._version}: "
                f"the recipe wrote into its input"
            )
        if not torch.equal(self._bytes(), self.storage_bytes):
            raise AssertionError(f"{self.name}: the bytes of its storage changed")
