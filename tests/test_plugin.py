"""The pytest plugin: in pytest runs inside this one, and from a built wheel in a fresh environment."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from hypothesis import settings

import _cookbook_pytestplugin
from _cookbook_pytestplugin import DEVICE_TYPES, device_available
from cookbook.testing import PROFILES, suite

# The plugin by its module, whether or not this environment registers its entry point.
PLUGIN = ("-p", "no:cookbook", "-p", "_cookbook_pytestplugin", "-p", "no:cacheprovider")
ABSENT = [name for name in DEVICE_TYPES if not device_available(name)]

USER_TEST = """
import numpy as np
from cookbook.testing import FLOAT_DTYPES, check_against_numpy, shapes, tensor_arg


def flatten(x):
    return x.reshape(-1)


def test_flatten(device):
    matrices = tensor_arg(FLOAT_DTYPES, shapes(min_dims=2, max_dims=3))
    check_against_numpy(flatten, np.ravel, matrices, device=device)
"""


def test_the_plugin_knows_the_devices_and_profiles_the_cookbook_does() -> None:
    assert _cookbook_pytestplugin.DEVICE_TYPES == suite.DEVICE_TYPES
    for name in suite.DEVICE_TYPES:
        assert _cookbook_pytestplugin.device_available(name) == suite.device_available(name)
    assert tuple(PROFILES) == _cookbook_pytestplugin.PROFILE_NAMES


def test_loading_the_plugin_imports_nothing_heavy() -> None:
    """Every pytest run in an environment with the package loads the plugin: it must cost nothing."""
    probe = (
        "import sys, _cookbook_pytestplugin; "
        "print([m for m in ('torch', 'hypothesis', 'numpy', 'cookbook') if m in sys.modules])"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert loaded == "[]"


def test_a_project_without_torch_or_hypothesis_runs_with_the_plugin(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HYPOTHESIS_PROFILE", raising=False)
    # As if the [check] extra were not installed: importing Hypothesis fails, and its plugin
    # is not there to be loaded.
    pytester.makeconftest("import sys\nsys.modules['hypothesis'] = None\n")
    pytester.makepyfile(
        """
        import sys

        def test_plain():
            assert "torch" not in sys.modules
        """
    )
    result = pytester.runpytest_subprocess(*PLUGIN, "-p", "no:hypothesispytest")
    result.assert_outcomes(passed=1)
    assert "tensor-cookbook:" not in result.stdout.str()


def test_the_header_names_torch_the_devices_and_the_profile(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HYPOTHESIS_PROFILE", "ci")
    pytester.makepyfile("import torch\n\ndef test_on(device):\n    pass\n")
    result = pytester.runpytest(*PLUGIN, "--device", "cpu")
    result.stdout.fnmatch_lines(
        [
            f"tensor-cookbook: torch {torch.__version__}; devices present: cpu*; TF32 off; "
            "hypothesis profile: ci"
        ]
    )


def test_device_runs_on_each_present_device_and_skips_the_others(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import torch

        def test_on(device):
            assert isinstance(device, torch.device)
            assert torch.ones(1, device=device).device.type == device.type
        """
    )
    result = pytester.runpytest(*PLUGIN, "-rs")
    result.assert_outcomes(passed=len(DEVICE_TYPES) - len(ABSENT), skipped=len(ABSENT))
    result.stdout.fnmatch_lines([f"*no {name} device available*" for name in ABSENT])
    result.stdout.fnmatch_lines(["tensor-cookbook: torch *; devices present: cpu*; TF32 off; *"])


def test_device_option_keeps_only_that_device(pytester: pytest.Pytester) -> None:
    pytester.makepyfile("def test_on(device):\n    assert device.type == 'cpu'\n")
    result = pytester.runpytest(*PLUGIN, "--device", "cpu")
    result.assert_outcomes(passed=1, deselected=len(DEVICE_TYPES) - 1)


@pytest.mark.skipif(not ABSENT, reason="every device type is present here")
def test_an_absent_device_is_a_usage_error(pytester: pytest.Pytester) -> None:
    pytester.makepyfile("def test_on(device):\n    pass\n")
    result = pytester.runpytest(*PLUGIN, "--device", ABSENT[0])
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(
        [f"*--device {ABSENT[0]}: no {ABSENT[0]} device is available here*"]
    )


def test_a_projects_own_device_fixture_wins(pytester: pytest.Pytester) -> None:
    pytester.makeconftest("import pytest\n\n@pytest.fixture\ndef device():\n    return 'mine'\n")
    pytester.makepyfile("def test_on(device):\n    assert device == 'mine'\n")
    pytester.runpytest(*PLUGIN, "--device", "cpu").assert_outcomes(passed=1)


def test_tf32_is_off_during_the_run_and_restored_after(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import torch

        def test_tf32_off():
            assert not torch.backends.cuda.matmul.allow_tf32
            assert not torch.backends.cudnn.allow_tf32
        """
    )
    before = torch.backends.cuda.matmul.allow_tf32, torch.backends.cudnn.allow_tf32
    torch.backends.cuda.matmul.allow_tf32 = torch.backends.cudnn.allow_tf32 = True
    try:
        pytester.runpytest(*PLUGIN).assert_outcomes(passed=1)
        assert torch.backends.cuda.matmul.allow_tf32
        assert torch.backends.cudnn.allow_tf32
    finally:
        torch.backends.cuda.matmul.allow_tf32, torch.backends.cudnn.allow_tf32 = before


@pytest.mark.parametrize(
    ("environment", "ini", "options", "expected"),
    [
        ("thorough", "", (), "thorough"),
        ("", "thorough", (), "thorough"),
        ("dev", "thorough", (), "dev"),
        ("dev", "", ("--hypothesis-profile", "ci"), "ci"),
    ],
)
def test_profiles_by_name(
    pytester: pytest.Pytester,
    monkeypatch: pytest.MonkeyPatch,
    environment: str,
    ini: str,
    options: tuple[str, ...],
    expected: str,
) -> None:
    before = settings.get_current_profile_name()
    monkeypatch.setenv("HYPOTHESIS_PROFILE", environment)
    if ini:
        pytester.makeini(f"[pytest]\ncookbook_hypothesis_profile = {ini}\n")
    pytester.makepyfile(
        f"""
        from hypothesis import settings
        from cookbook.testing import PROFILES

        def test_profile():
            assert settings.get_current_profile_name() == {expected!r}
            assert settings.default.max_examples == PROFILES[{expected!r}].max_examples
        """
    )
    pytester.runpytest(*PLUGIN, *options).assert_outcomes(passed=1)
    assert settings.get_current_profile_name() == before


def test_an_unknown_profile_is_a_usage_error(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HYPOTHESIS_PROFILE", "nope")
    pytester.makepyfile("def test_nothing():\n    pass\n")
    result = pytester.runpytest(*PLUGIN)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*Hypothesis profile 'nope'*"])


def test_a_user_test_passes_from_the_wheel_and_a_view_fails_with_its_layout(
    wheel_python: Path, tmp_path: Path
) -> None:
    (tmp_path / "test_good.py").write_text(USER_TEST)
    (tmp_path / "test_bad.py").write_text(USER_TEST.replace("x.reshape(-1)", "x.view(-1)"))
    # Away from the checkout and without PYTHONPATH: the wheel's package and its
    # entry point are all there is; no conftest registers the plugin.
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    result = subprocess.run(
        [wheel_python, "-m", "pytest", "--device", "cpu", "-p", "no:cacheprovider", "-rA"],
        cwd=tmp_path,
        env={**env, "HYPOTHESIS_PROFILE": "dev"},
        capture_output=True,
        text=True,
        check=False,
    )
    out = result.stdout + result.stderr
    assert result.returncode == pytest.ExitCode.TESTS_FAILED, out
    assert "PASSED test_good.py::test_flatten[cpu]" in out
    assert "FAILED test_bad.py::test_flatten[cpu]" in out
    assert "view size is not compatible with input tensor's size and stride" in out
    assert re.search(
        r"x: float\d+ on cpu, shape \(\d+(, \d+)+\), strides \(\d+(, \d+)+\), "
        r"storage offset \d+, layout: [a-z, ]*(permuted|stepped|expanded)",
        out,
    ), out
    assert re.search(r"replay: check_against_numpy\(\.\.\., seed=\d+\) on cpu", out), out
    assert "hypothesis profile: dev" in out
