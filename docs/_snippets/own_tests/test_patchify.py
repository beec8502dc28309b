import hypothesis.strategies as st
from cookbook.testing import FLOAT_DTYPES, check_against_numpy, shapes, tensor_arg

from patchify import patchify, patchify_numpy


def test_patchify(device):
    images = tensor_arg(FLOAT_DTYPES, shapes(min_dims=3, max_dims=3))
    check_against_numpy(patchify, patchify_numpy, images, st.integers(1, 2), device=device)
