"""The pytest plugin that an install of tensor-cookbook gives every project.

Registered under the ``pytest11`` entry point ``cookbook``, it adds:

- ``--device cpu|cuda|mps`` (repeatable): run device tests on these devices only; naming a
  device that is not present is a usage error, not a silent pass;
- a ``device`` fixture: a test that takes it runs once per device type, as a
  ``torch.device``; an absent device is reported as skipped, with the reason;
- TF32 off for the whole run (CUDA float32 matmuls and convolutions are exact float32);
- the Hypothesis profiles ``ci``, ``dev`` and ``thorough``: name one with Hypothesis's own
  ``--hypothesis-profile`` or with ``HYPOTHESIS_PROFILE``; the ini option
  ``cookbook_hypothesis_profile`` names the one to load when neither does.

It is a module of its own, outside the ``cookbook`` package (as Hypothesis keeps
``_hypothesis_pytestplugin``), so that loading it imports neither torch, nor Hypothesis,
nor the recipes: every pytest run in an environment with the package installed loads it.
Each import happens when a run needs it: torch for ``--device`` and the ``device`` fixture,
Hypothesis when a profile is named, and the cookbook (for its profiles) when the name is
one of the cookbook's. Without the ``[check]`` extra the plugin loads and does the rest.
TF32 is turned off once torch is imported, whoever imports it: the tests' modules, as they
are collected, or a test as it runs, from the next test on.

A project's own ``device`` fixture (in a conftest) overrides the plugin's, and profiles it
registers under the same names override the cookbook's. Disable the plugin with
``-p no:cookbook``.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    import torch

#: The device types ``--device`` and the ``device`` fixture know: those of
#: ``cookbook.testing.suite``, which ``python -m cookbook check`` uses without pytest.
DEVICE_TYPES = ("cpu", "cuda", "mps")
#: The names of ``cookbook.testing.profiles.PROFILES``, known without importing it.
PROFILE_NAMES = ("ci", "dev", "thorough")

_TF32 = pytest.StashKey[tuple[bool, bool]]()
_PROFILE = pytest.StashKey[str]()


def device_available(name: str) -> bool:
    """Whether torch can use a device of this type here (imports torch)."""
    import torch

    if name == "cuda":
        return torch.cuda.is_available()
    if name == "mps":
        return torch.backends.mps.is_available()
    return name == "cpu"


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
            import torch

            raise pytest.UsageError(
                f"--device {name}: no {name} device is available here (torch {torch.__version__})"
            )
    _load_profile(config)
    _tf32_off(config)


def _load_profile(config: pytest.Config) -> None:
    """Register the cookbook's profiles and load the one named, if the run names one."""
    option = config.getoption("hypothesis_profile", None)
    name = os.environ.get("HYPOTHESIS_PROFILE") or config.getini("cookbook_hypothesis_profile")
    if not (option or name) or importlib.util.find_spec("hypothesis") is None:
        return  # nothing named, or nothing to name it with
    from hypothesis import settings
    from hypothesis.errors import InvalidArgument

    if {option, name} & set(PROFILE_NAMES):
        import cookbook.testing.profiles  # noqa: F401  (registers them; imports the cookbook)

    config.stash[_PROFILE] = settings.get_current_profile_name()
    if option:
        return  # Hypothesis's plugin loads it, now that the cookbook's names exist
    try:
        settings.load_profile(name)
    except InvalidArgument as error:
        raise pytest.UsageError(f"Hypothesis profile {name!r}: {error}") from error


def _tf32_off(config: pytest.Config) -> None:
    """TF32 off, once torch is imported; the settings before are kept to put back."""
    if _TF32 in config.stash or "torch" not in sys.modules:
        return
    import torch

    config.stash[_TF32] = (torch.backends.cuda.matmul.allow_tf32, torch.backends.cudnn.allow_tf32)
    torch.backends.cuda.matmul.allow_tf32 = False
    torch.backends.cudnn.allow_tf32 = False


def pytest_collection_finish(session: pytest.Session) -> None:
    _tf32_off(session.config)  # the test modules have imported torch, if they use it


def pytest_runtest_setup(item: pytest.Item) -> None:
    _tf32_off(item.config)  # or an earlier test did, inside its body


def pytest_unconfigure(config: pytest.Config) -> None:
    # Put back what was there before, for pytest runs inside a process (pytester).
    if _TF32 in config.stash:
        import torch

        torch.backends.cuda.matmul.allow_tf32, torch.backends.cudnn.allow_tf32 = config.stash[_TF32]
    if _PROFILE in config.stash:
        from hypothesis import settings

        settings.load_profile(config.stash[_PROFILE])


def pytest_report_collectionfinish(config: pytest.Config) -> str | None:
    """One line after collection, once the tests have imported torch: devices, TF32, profile."""
    if "torch" not in sys.modules:
        return None
    import torch

    present = [name for name in DEVICE_TYPES if device_available(name)]
    line = f"tensor-cookbook: torch {torch.__version__}; devices present: {', '.join(present)}"
    line += "; TF32 off"
    if "hypothesis" in sys.modules:
        from hypothesis import settings

        line += f"; hypothesis profile: {settings.get_current_profile_name()}"
    return line


@pytest.fixture(params=[_DeviceType(name) for name in DEVICE_TYPES], ids=str)
def device(request: pytest.FixtureRequest) -> torch.device:
    """Each device type in turn: cpu, cuda, mps; absent ones are skipped, with the reason."""
    import torch

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
