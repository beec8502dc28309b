"""The ``device`` fixture and the Hypothesis profile.

Every test that takes ``device`` runs once per device: cpu always, cuda and
mps where present. An absent device is reported as skipped, with the reason;
``pytest --device cuda`` selects one device and fails if it is absent.
"""

from __future__ import annotations

import pytest
import torch

from cookbook.testing import load_profile
from cookbook.testing.checks import disable_tf32
from cookbook.testing.suite import DEVICE_TYPES as DEVICES
from cookbook.testing.suite import device_available


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--device",
        action="append",
        choices=DEVICES,
        help="run device tests on this device only (repeatable); default: every device",
    )


def pytest_configure(config: pytest.Config) -> None:
    load_profile()
    disable_tf32()
    for name in config.getoption("device") or ():
        if not device_available(name):
            raise pytest.UsageError(f"--device {name}: no {name} device is available here")


def pytest_report_header(config: pytest.Config) -> str:
    from hypothesis import settings

    present = [name for name in DEVICES if device_available(name)]
    return (
        f"torch {torch.__version__}; devices present: {', '.join(present)}; "
        f"hypothesis profile: {settings.get_current_profile_name()}"
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "device" not in metafunc.fixturenames:
        return
    chosen = metafunc.config.getoption("device") or DEVICES
    metafunc.parametrize(
        "device",
        [
            pytest.param(
                torch.device(name),
                id=name,
                marks=pytest.mark.skipif(
                    not device_available(name), reason=f"no {name} device available"
                ),
            )
            for name in chosen
        ],
    )
