"""What the tests share: the cookbook's pytest plugin, and one built wheel per session.

The ``device`` fixture, ``--device``, TF32 off and the Hypothesis profile come from
the plugin ``_cookbook_pytestplugin``, which an install registers under the ``pytest11``
entry point ``cookbook``. A checkout used from ``PYTHONPATH`` alone (``scripts/gpu_check.sh``)
has no entry point, so the plugin is registered here in that case.
"""

from __future__ import annotations

import importlib.util
import site
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def pytest_addoption(parser: pytest.Parser, pluginmanager: pytest.PytestPluginManager) -> None:
    import _cookbook_pytestplugin as plugin

    # Registered already by its entry point or by `-p _cookbook_pytestplugin`, or disabled.
    if not pluginmanager.is_registered(plugin) and not pluginmanager.is_blocked("cookbook"):
        pluginmanager.register(plugin, "cookbook")


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package built as a wheel, once per session."""
    if importlib.util.find_spec("hatchling") is None:
        pytest.skip("hatchling, the build backend the test extra installs, is not installed")
    wheels = tmp_path_factory.mktemp("wheels")
    # Built offline with the hatchling found above: no build environment is fetched.
    build = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "--no-build-isolation"]
    subprocess.run([*build, "-w", wheels, ROOT], check=True)
    (built,) = wheels.glob("tensor_cookbook-*.whl")
    return built


@pytest.fixture(scope="session")
def wheel_python(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Python of a fresh virtual environment that holds the package from the wheel only.

    It borrows torch, NumPy, Hypothesis, pytest and pip from this environment
    (installing torch again takes minutes): plain paths in a ``.pth`` file are added
    to ``sys.path`` without running the ``.pth`` files there, so this environment's
    editable install of the checkout stays out.
    """
    environment = tmp_path_factory.mktemp("wheel-env")
    venv.create(environment, with_pip=False)
    python = environment / "bin" / "python"
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    Path(purelib, "borrowed.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    subprocess.run(
        [python, "-m", "pip", "install", "-q", "--no-deps", "--no-index", wheel], check=True
    )
    return python
