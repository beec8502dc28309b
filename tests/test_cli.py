"""``python -m cookbook check``: from a built wheel, on a broken recipe, on an absent device."""

from __future__ import annotations

import dataclasses
import importlib.util
import os
import site
import subprocess
import sys
import venv
from pathlib import Path

import pytest
import torch

import cookbook.testing.checks.repetition as repetition_checks
from cookbook import cli
from cookbook.repetition import tile as real_tile

ROOT = Path(__file__).resolve().parents[1]


def test_check_runs_from_a_built_wheel_without_pytest(tmp_path: Path) -> None:
    if importlib.util.find_spec("hatchling") is None:
        pytest.skip("hatchling, the build backend (pip install hatchling), is not installed")
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "-q",
            "--no-build-isolation",  # builds offline, with the hatchling found above
            "-w",
            str(wheels),
            str(ROOT),
        ],
        check=True,
    )
    (wheel,) = wheels.glob("tensor_cookbook-*.whl")
    # A fresh environment that holds the package from the wheel only, and borrows
    # torch, NumPy and Hypothesis from this one (installing torch again takes minutes).
    # Plain paths in a .pth file are added to sys.path without running the .pth
    # files there, so this environment's editable install of the checkout stays out.
    environment = tmp_path / "env"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    Path(purelib, "borrowed.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    subprocess.run(
        [python, "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)], check=True
    )
    # Shadow pytest with a module that cannot be imported: the command must not need it.
    blocker = tmp_path / "blocker"
    blocker.mkdir()
    (blocker / "pytest.py").write_text("raise ImportError('the check command imported pytest')\n")
    env = {**os.environ, "PYTHONPATH": str(blocker)}
    result = subprocess.run(
        [python, "-m", "cookbook", "check", "--device", "cpu", "--profile", "dev"],
        cwd=tmp_path,  # away from the checkout, so only the installed wheel can be imported
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    located = subprocess.run(
        [python, "-c", "import cookbook; print(cookbook.__file__)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert str(environment) in located.stdout
    assert "family" in result.stdout
    assert "TF32 off" in result.stdout
    assert " 0 failed" in result.stdout


def test_a_broken_recipe_fails_and_is_named(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def tile(x: torch.Tensor, reps: object) -> torch.Tensor:
        return real_tile(x, reps).unsqueeze(0)  # type: ignore[arg-type]

    broken = [
        dataclasses.replace(
            recipe,
            function=tile,
            cases=tuple(dataclasses.replace(case, recipe=tile) for case in recipe.cases),
        )
        if recipe.function is real_tile
        else recipe
        for recipe in repetition_checks.RECIPES
    ]
    monkeypatch.setattr(repetition_checks, "RECIPES", broken)
    status = cli.main(["check", "--device", "cpu", "--profile", "dev", "--family", "repeat"])
    out = capsys.readouterr().out
    assert status == 1
    assert "tile-oracle on cpu FAILED" in out
    assert (
        "replay: python -m cookbook check --profile dev --device cpu --family repeat --seed" in out
    )


@pytest.mark.skipif(torch.cuda.is_available(), reason="needs a machine without CUDA")
def test_an_absent_device_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check", "--device", "cuda"]) == 2
    assert "no cuda device is available here" in capsys.readouterr().err


def test_replaying_a_seed_is_deterministic(capsys: pytest.CaptureFixture[str]) -> None:
    arguments = ["check", "--device", "cpu", "--profile", "dev", "--family", "numel", "--seed", "7"]
    assert cli.main(arguments) == 0
    first = capsys.readouterr().out
    assert cli.main(arguments) == 0
    assert capsys.readouterr().out == first
