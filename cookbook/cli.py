"""The command line: ``python -m cookbook check`` and ``python -m cookbook bench``.

``check`` runs the package's own property checks (the ones ``tests/`` runs)
against the installed torch and NumPy, on the devices of this machine (with
``--compile``, through ``torch.compile(fullgraph=True)``);
``bench`` times every recipe against the bare torch it stands for.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from cookbook._registry import FAMILIES

DEVICE_CHOICES = ("all", "cpu", "cuda", "mps")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m cookbook", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser(
        "check",
        help="run the property checks on this machine's torch and devices",
        description="Run every recipe's property checks against the installed torch and NumPy.",
    )
    check.add_argument(
        "--device",
        choices=DEVICE_CHOICES,
        default="all",
        help="device to check on; 'all' (the default) takes every device present",
    )
    check.add_argument(
        "--profile",
        choices=("ci", "dev", "thorough"),
        default="dev",
        help="Hypothesis profile: examples per check (ci 100, dev 20, thorough 1000)",
    )
    check.add_argument(
        "--family",
        choices=[family.name for family in FAMILIES],
        action="append",
        help="check only this family (repeatable); default: all",
    )
    check.add_argument(
        "--seed", type=int, help="seed for Hypothesis, as printed by a failing run, to replay it"
    )
    check.add_argument(
        "--compile",
        action="store_true",
        help="call each recipe through torch.compile(fullgraph=True): a graph break or a "
        "result that differs from eager fails; recipes exempt from compiling are left out",
    )
    check.add_argument(
        "--max-examples",
        type=int,
        metavar="N",
        help="at most N examples per check, whatever the profile says (compiling takes "
        "seconds per example under inductor)",
    )
    check.add_argument(
        "--backend",
        default="inductor",
        help="torch.compile backend for --compile (default inductor; 'eager' only traces, fast)",
    )
    bench = commands.add_parser(
        "bench",
        help="time every recipe against the bare torch it stands for",
        description="Time every recipe against its bare torch op at 1e3, 1e5 and 1e6 elements.",
    )
    bench.add_argument("--device", default="cpu", help="torch device to time on (default cpu)")
    bench.add_argument("--json", dest="json_path", help="also write the results to this JSON file")
    bench.add_argument(
        "--quick", action="store_true", help="small sizes and short runs: a smoke test, not numbers"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 only when every check passed)."""
    arguments = _parser().parse_args(argv)
    try:
        # Both commands read the recipes' declarations, which live beside their checks.
        from cookbook import bench
        from cookbook.testing import suite
    except ModuleNotFoundError as error:
        if error.name != "hypothesis":
            raise
        print(
            f"python -m cookbook {arguments.command} needs Hypothesis: "
            "pip install 'tensor-cookbook[check]'",
            file=sys.stderr,
        )
        return 2
    if arguments.command == "bench":
        return bench.main(
            device=arguments.device, json_path=arguments.json_path, quick=arguments.quick
        )
    return suite.main(
        device=arguments.device,
        profile=arguments.profile,
        families=arguments.family,
        seed=arguments.seed,
        backend=arguments.backend if arguments.compile else None,
        max_examples=arguments.max_examples,
    )
