"""The pytest plugin that ``pip install "tensor-cookbook[check]"`` gives every project.

Registered under the ``pytest11`` entry point ``cookbook``, it adds:

- ``--device cpu|cuda|mps`` (repeatable): run device tests on these devices only; naming a
  device that is not present is a usage error, not a silent pass;
- a ``device`` fixture: a test that takes it runs once per device type, as a
  ``torch.device``; an absent device is reported as skipped, with the reason;
- TF32 off for the whole run (CUDA float32 matmuls and convolutions are exact float32);
- the Hypothesis profiles ``ci``, ``dev`` and ``thorough``: name one with Hypothesis's own
  ``--hypothesis-profile`` or with ``HYPOTHESIS_PROFILE``; the ini option
  ``cookbook_hypothesis_profile`` names the one to load when neither does.

A project's own ``device`` fixture (in a conftest) overrides the plugin's, and profiles it
registers under the same names override the cookbook's. Disable the plugin with
``-p no:cookbook``.
"""

from __future__ import annotations

import os

import pytest
import torch
from hypothesis import settings
from hypothesis.errors import InvalidArgument

from cookbook.testing.checks import disable_tf32
from cookbook.testing.suite import DEVICE_TYPES, device_available

_TF32 = pytest.StashKey[tuple[bool, bool]]()
_PROFILE = pytest.StashKey[str]()


class _DeviceType(str):
    """A parameter of the plugin's ``device`` fixture, told apart from a project's own."""

    __slots__ = ()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("cookbook", "tensor-cookbook")
    group.addoption(
        "--device",
        action="append",
        choices=DEVICE_TYPES,
        help="run tests that take `device` on this device only (repeatable); default: every one",
    )
    parser.addini(
        "cookbook_hypothesis_profile",
        "Hypothesis profile to load when neither --hypothesis-profile nor HYPOTHESIS_PROFILE "
        "names one (ci, dev, thorough, or one you register)",
        default="",
    )


# Before Hypothesis's own plugin, which then applies --hypothesis-profile and
# --hypothesis-verbosity on top of the profile loaded here.
@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    for name in config.getoption("device") or ():
        if not device_available(name):
            raise pytest.UsageError(
                f"--device {name}: no {name} device is available here (torch {torch.__version__})"
            )
    config.stash[_TF32] = (
        torch.backends.cuda.matmul.allow_tf32,
        torch.backends.cudnn.allow_tf32,
    )
    disable_tf32()
    config.stash[_PROFILE] = settings.get_current_profile_name()
    if config.getoption("hypothesis_profile", None):
        return
    name = os.environ.get("HYPOTHESIS_PROFILE") or config.getini("cookbook_hypothesis_profile")
    if name:
        try:
            settings.load_profile(name)
        except InvalidArgument as error:
            raise pytest.UsageError(f"Hypothesis profile {name!r}: {error}") from error


def pytest_unconfigure(config: pytest.Config) -> None:
    # Put back what was there before, for pytest runs inside a process (pytester).
    if _TF32 in config.stash:
        torch.backends.cuda.matmul.allow_tf32, torch.backends.cudnn.allow_tf32 = config.stash[_TF32]
    if _PROFILE in config.stash:
        settings.load_profile(config.stash[_PROFILE])


def pytest_report_header(config: pytest.Config) -> str:
    present = [name for name in DEVICE_TYPES if device_available(name)]
    return (
        f"tensor-cookbook: torch {torch.__version__}; devices present: {', '.join(present)}; "
        f"TF32 off; hypothesis profile: {settings.get_current_profile_name()}"
    )


@pytest.fixture(params=[_DeviceType(name) for name in DEVICE_TYPES], ids=str)
def device(request: pytest.FixtureRequest) -> torch.device:
    """Each device type in turn: cpu, cuda, mps; absent ones are skipped, with the reason."""
    name: str = request.param
    if not device_available(name):
        pytest.skip(f"no {name} device available")
    return torch.device(name)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    chosen = config.getoption("device")
    if not chosen:
        return
    selected, deselected = [], []
    for item in items:
        callspec = getattr(item, "callspec", None)
        param = callspec.params.get("device") if callspec is not None else None
        if isinstance(param, _DeviceType) and param not in chosen:
            deselected.append(item)
        else:
            selected.append(item)
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = selected
