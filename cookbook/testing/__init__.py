"""Hypothesis strategies, assertions and property checks for PyTorch recipes.

Everything here needs Hypothesis (``pip install "tensor-cookbook[check]"``).
The strategies draw tensors in arbitrary memory layouts (permuted, stepped,
offset, expanded with stride 0) whose unused storage is poisoned, so code that
reads outside its view fails; reuse them in your own tests, or check a function
of yours against a NumPy oracle in one call with ``check_against_numpy``. The
pytest plugin (``_cookbook_pytestplugin``) adds ``--device`` and a ``device`` fixture.
"""

from cookbook.testing.assertions import StorageSnapshot, assert_matches_numpy, same_storage
from cookbook.testing.profiles import PROFILES, load_profile
from cookbook.testing.properties import (
    TensorArg,
    check_against_numpy,
    describe_layout,
    layout_kinds,
    tensor_arg,
)
from cookbook.testing.strategies import (
    ALL_DTYPES,
    COMPLEX_DTYPES,
    FLOAT_DTYPES,
    INTEGER_DTYPES,
    LAYOUT_KINDS,
    NUMERIC_DTYPES,
    WIDE_UNSIGNED_DTYPES,
    Layout,
    layouts,
    materialize,
    poison_value,
    shapes,
    tensors,
)

__all__ = [
    "ALL_DTYPES",
    "COMPLEX_DTYPES",
    "FLOAT_DTYPES",
    "INTEGER_DTYPES",
    "LAYOUT_KINDS",
    "NUMERIC_DTYPES",
    "PROFILES",
    "WIDE_UNSIGNED_DTYPES",
    "Layout",
    "StorageSnapshot",
    "TensorArg",
    "assert_matches_numpy",
    "check_against_numpy",
    "describe_layout",
    "layout_kinds",
    "layouts",
    "load_profile",
    "materialize",
    "poison_value",
    "same_storage",
    "shapes",
    "tensor_arg",
    "tensors",
]
