"""Build-time helpers for "Test your own tensor code": files shown, pytest runs, recipe snippets.

Every snippet a page shows through this module is also run while the page builds:
the user's files under ``docs/_snippets/own_tests/`` by pytest in a temporary
folder, and the property test behind a recipe (``property_snippet``) in this
process. A run that does not end as the page says fails the build.
"""

from __future__ import annotations

import difflib
import importlib.metadata
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import torch
from hypothesis import settings

import cookbook
from cookbook.testing import load_profile

FILES = Path(__file__).resolve().parents[1] / "_snippets" / "own_tests"
PACKAGE_ROOT = Path(cookbook.__file__).resolve().parents[1]
# The page's own blocks import the user's module as the user's test does.
if str(FILES) not in sys.path:
    sys.path.insert(0, str(FILES))

# The property test behind a recipe, written only against the public API, for
# users to copy and adapt. ``property_snippet`` runs each one before showing it.
RECIPE_TESTS: dict[str, str] = {
    "tile": """
import hypothesis.strategies as st
import numpy as np
from cookbook import tile
from cookbook.testing import check_against_numpy, shapes, tensor_arg


def test_tile(device):
    reps = st.integers(0, 3) | st.lists(st.integers(0, 3), max_size=4).map(tuple)
    x = tensor_arg(shape=shapes(max_dims=3, max_side=3))
    check_against_numpy(tile, np.tile, x, reps, returns="copy", device=device)
""",
    "hwc_to_chw": """
import numpy as np
from cookbook import hwc_to_chw
from cookbook.testing import check_against_numpy, shapes, tensor_arg


def hwc_to_chw_numpy(images):
    return np.moveaxis(images, -1, -3)


def test_hwc_to_chw(device):
    images = tensor_arg(shape=shapes(min_dims=3, max_dims=4))
    check_against_numpy(hwc_to_chw, hwc_to_chw_numpy, images, returns="view", device=device)
""",
}


def _fence(language: str, text: str, title: str = "") -> str:
    heading = f' title="{title}"' if title else ""
    return f"```{language}{heading}\n{text.strip()}\n```\n"


def show(name: str) -> str:
    """A file of ``docs/_snippets/own_tests`` as a Python block titled with its name."""
    return _fence("python", (FILES / name).read_text(), title=name)


def show_diff(old: str, new: str, *, as_name: str) -> str:
    """The change from one file of ``own_tests`` to another, as a diff block of ``as_name``."""
    lines = difflib.unified_diff(
        (FILES / old).read_text().splitlines(),
        (FILES / new).read_text().splitlines(),
        fromfile=f"a/{as_name}",
        tofile=f"b/{as_name}",
        lineterm="",
    )
    return _fence("diff", "\n".join(lines))


def _plugin_arguments() -> list[str]:
    """``-p`` for the plugin where no installed distribution registers its entry point."""
    entry_points = importlib.metadata.entry_points(group="pytest11", name="cookbook")
    return [] if entry_points else ["-p", "_cookbook_pytestplugin"]


def run_pytest(files: dict[str, str], *, expect: str) -> str:
    """Run pytest on ``own_tests`` files copied as ``{name_there: name_here}``; show its output.

    ``expect`` is ``"passed"`` or ``"failed"``; any other outcome raises, failing the build.
    """
    shown = ["pytest", "--device", "cpu", "-q", "--tb=short", "-p", "no:cacheprovider"]
    with tempfile.TemporaryDirectory() as folder:
        for there, here in files.items():
            shutil.copy(FILES / here, Path(folder, there))
        environment = {
            **os.environ,
            "HYPOTHESIS_PROFILE": "ci",
            "PYTHONPATH": os.pathsep.join(
                [str(PACKAGE_ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
            ),
        }
        run = subprocess.run(
            [sys.executable, "-m", *shown, *_plugin_arguments()],
            cwd=folder,
            env=environment,
            capture_output=True,
            text=True,
            check=False,
        )
    output = (run.stdout + run.stderr).replace(f"{PACKAGE_ROOT}{os.sep}", "")
    wanted = {"passed": 0, "failed": 1}[expect]
    if run.returncode != wanted:
        raise RuntimeError(f"pytest exited with {run.returncode}, not {wanted}:\n{output}")
    return _fence("text", f"$ HYPOTHESIS_PROFILE=ci {' '.join(shown)}\n{output}")


def property_snippet(recipe: str) -> str:
    """The property test behind ``recipe`` as a copyable block, after running it here on cpu."""
    source = RECIPE_TESTS[recipe].strip() + "\n"
    namespace: dict[str, object] = {}
    previous = settings.get_current_profile_name()
    load_profile("dev")
    try:
        exec(compile(source, f"test_{recipe}.py", "exec"), namespace)
        test = namespace[f"test_{recipe}"]
        assert callable(test)
        test(torch.device("cpu"))
    finally:
        settings.load_profile(previous)
    return _fence("python", source, title=f"test_{recipe}.py")
