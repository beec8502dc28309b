"""Run the property checks outside pytest, print a table, and say how to replay a failure."""

from __future__ import annotations

import platform
import random
import shlex
import sys
import time
import traceback
from dataclasses import dataclass, replace

import hypothesis
import numpy as np
import torch
from hypothesis import settings

from cookbook.testing.checks import Check, Compiled, Drawer, all_checks, checks_for, disable_tf32
from cookbook.testing.profiles import PROFILES

# The pytest plugin (_cookbook_pytestplugin) names the same: it cannot import this module
# (torch, Hypothesis) when it loads, nor can this command import it (pytest). A test checks.
DEVICE_TYPES = ("cpu", "cuda", "mps")


def device_available(name: str) -> bool:
    """Whether torch can use a device of this type here."""
    if name == "cuda":
        return torch.cuda.is_available()
    if name == "mps":
        return torch.backends.mps.is_available()
    return name == "cpu"


def device_name(name: str) -> str:
    """A device type with the hardware behind it, for the header line."""
    if name == "cuda":
        return f"cuda ({torch.cuda.get_device_name()})"
    if name == "mps":
        return "mps (Apple GPU)"
    return f"cpu ({platform.machine() or 'unknown'})"


@dataclass(frozen=True)
class Outcome:
    """What one check did on one device."""

    check: Check
    device: str
    examples: int
    seconds: float
    error: BaseException | None

    @property
    def passed(self) -> bool:
        return self.error is None


def run_check(
    check: Check, device: str, *, seed: int | None, max_examples: int | None = None
) -> Outcome:
    """Run one check on one device, counting the examples that ran to the end."""
    examples = 0

    def counted(draw: Drawer) -> None:
        nonlocal examples
        check.body(draw)
        examples += 1

    started = time.perf_counter()
    try:
        replace(check, body=counted).run(device, seed_value=seed, max_examples=max_examples)
    except Exception as error:  # a failing property: reported, not raised
        return Outcome(check, device, examples, time.perf_counter() - started, error)
    return Outcome(check, device, examples, time.perf_counter() - started, None)


def header(devices: list[str], profile: str, backend: str | None = None) -> str:
    """Versions, devices and settings the results depend on."""
    tf32 = torch.backends.cuda.matmul.allow_tf32 or torch.backends.cudnn.allow_tf32
    compiled = "" if backend is None else f" | torch.compile(fullgraph=True, backend={backend!r})"
    return (
        f"torch {torch.__version__} | NumPy {np.__version__} | "
        f"Hypothesis {hypothesis.__version__} | Python {platform.python_version()}\n"
        f"devices: {', '.join(device_name(d) for d in devices)} | "
        f"TF32 {'on' if tf32 else 'off'} | profile {profile}{compiled}"
    )


def table(outcomes: list[Outcome]) -> str:
    """One row per check and device: family, recipe, device, examples run, result."""
    rows = [("family", "recipe", "device", "examples", "result")]
    rows += [
        (
            o.check.family,
            o.check.name,
            o.device,
            str(o.examples),
            "passed" if o.passed else "FAILED",
        )
        for o in outcomes
    ]
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines)


def _failure_report(outcome: Outcome, replay: str) -> str:
    error = outcome.error
    assert error is not None
    summary = "".join(traceback.format_exception_only(type(error), error)).strip()
    return f"\n{outcome.check.name} on {outcome.device} FAILED\n{summary}\nreplay: {replay}"


def main(
    *,
    device: str,
    profile: str,
    families: list[str] | None,
    seed: int | None,
    backend: str | None = None,
    max_examples: int | None = None,
) -> int:
    """The ``check`` command; returns its exit status. ``backend`` compiles every recipe."""
    if device == "all":
        devices = [d for d in DEVICE_TYPES if device_available(d)]
        absent = [d for d in DEVICE_TYPES if d not in devices]
    elif device_available(device):
        devices, absent = [device], []
    else:
        print(
            f"python -m cookbook check: --device {device} asked for, but no {device} device "
            f"is available here (torch {torch.__version__}); use --device all or --device cpu",
            file=sys.stderr,
        )
        return 2
    disable_tf32()
    chosen = settings(PROFILES[profile], database=None)
    if profile != "ci" or seed is not None:
        # ci is derandomized: the same command replays it. Elsewhere, fix a seed to print.
        seed = random.randrange(2**32) if seed is None else seed
        chosen = settings(chosen, derandomize=False)
    previous = settings.get_current_profile_name()
    settings.register_profile("cookbook-check", chosen)
    settings.load_profile("cookbook-check")
    try:
        return _run(devices, absent, profile, families, seed, backend, max_examples)
    finally:
        settings.load_profile(previous)


def _run(
    devices: list[str],
    absent: list[str],
    profile: str,
    families: list[str] | None,
    seed: int | None,
    backend: str | None,
    max_examples: int | None,
) -> int:
    print(header(devices, profile, backend))
    if absent:
        print(f"absent, not checked: {', '.join(absent)}")
    compiled = None if backend is None else Compiled(backend)
    checks = (
        [check for name in families for check in checks_for(name, compiled)]
        if families
        else all_checks(compiled)
    )
    runs = [(check, d) for d in devices for check in checks]
    outcomes = []
    for index, (check, on) in enumerate(runs, start=1):
        outcome = run_check(check, on, seed=seed, max_examples=max_examples)
        outcomes.append(outcome)
        status = "passed" if outcome.passed else "FAILED"
        print(
            f"[{index:>{len(str(len(runs)))}}/{len(runs)}] {check.name} on {on}: {status} "
            f"({outcome.examples} examples, {outcome.seconds:.1f}s)",
            file=sys.stderr,
            flush=True,
        )

    replay = ["python", "-m", "cookbook", "check", "--profile", profile]
    if backend is not None:
        replay += ["--compile", "--backend", backend]
    if max_examples is not None:
        replay += ["--max-examples", str(max_examples)]
    for outcome in outcomes:
        if not outcome.passed:
            command = [*replay, "--device", outcome.device, "--family", outcome.check.family]
            if seed is not None:
                command += ["--seed", str(seed)]
            print(_failure_report(outcome, shlex.join(command)))
    print()
    print(table(outcomes))
    failed = sum(not outcome.passed for outcome in outcomes)
    print(f"\n{len(outcomes) - failed} passed, {failed} failed")
    return 1 if failed else 0


__all__ = ["Outcome", "device_available", "header", "main", "run_check", "table"]
