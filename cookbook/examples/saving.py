"""Saving and loading: the whole module, its ``state_dict``, and an exported program.

``torch.save(net)`` pickles the module object, so loading it runs the unpickler
on classes named in the file: ``torch.load`` refuses that unless asked with
``weights_only=False``, and even then needs the class's code importable. The
``state_dict`` holds only tensors, loads with ``weights_only=True``, and goes
into a net you build yourself. ``torch.export`` goes further: it records the
computation as a graph with its weights, which ``torch.export.load`` runs in a
process that never imports the code that built the net.

``python -m cookbook.examples.saving [FIGURE]`` saves the three sets of
predictions and the file sizes to FIGURE (default ``saving.png``; needs matplotlib).
"""

from __future__ import annotations

import io
import json
import pickle
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import torch

from cookbook.examples import plots
from cookbook.examples.module_vs_sequential import Net
from cookbook.examples.regression import make_data, train

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["SavingResult", "figure", "predict_in_fresh_process", "run"]

# Run by a new interpreter: it loads the program and the inputs, writes the
# outputs, and prints which modules named cookbook it ended up importing.
_FRESH_PROCESS = """
import json, sys
import torch

program_path, inputs_path, outputs_path = sys.argv[1:]
program = torch.export.load(program_path)
inputs = torch.load(inputs_path, weights_only=True)
with torch.no_grad():
    torch.save(program.module()(inputs), outputs_path)
print(json.dumps(sorted(name for name in sys.modules if name.split(".")[0] == "cookbook")))
"""


@dataclass(frozen=True)
class SavingResult:
    """What [run][cookbook.examples.saving.run] produced; predictions are on the CPU.

    Attributes:
        x: The test inputs, shape ``(41, 1)``: not the 100 training points, so
            the exported program must accept another batch size.
        original: The trained net's predictions on ``x``.
        whole_module: Predictions of the whole module loaded back with
            ``weights_only=False``.
        state_dict: Predictions of a new ``Net`` given the loaded ``state_dict``.
        exported: Predictions of the exported program, run in a fresh process.
        refusal: Why ``torch.load(..., weights_only=True)`` refused the whole
            module (empty had it loaded it).
        fresh_process_modules: The modules named ``cookbook`` or ``cookbook.*``
            that the fresh process had imported: none.
        sizes: Bytes of each saved form: ``"whole module"``, ``"state_dict"`` and
            ``"exported program"``.
    """

    x: torch.Tensor
    original: torch.Tensor
    whole_module: torch.Tensor
    state_dict: torch.Tensor
    exported: torch.Tensor
    refusal: str
    fresh_process_modules: list[str]
    sizes: dict[str, int]


def predict_in_fresh_process(program_path: Path, x: torch.Tensor) -> tuple[torch.Tensor, list[str]]:
    """Run a saved exported program on ``x`` in a new Python process.

    The new process imports torch and nothing from this package.

    Args:
        program_path: A file written by ``torch.export.save``.
        x: The inputs, on the device the program was exported on.

    Returns:
        The outputs (on the device of ``x``), and the modules named ``cookbook``
        or ``cookbook.*`` that the new process had imported by the end.

    Raises:
        RuntimeError: If the new process fails; the message holds its stderr.
    """
    with tempfile.TemporaryDirectory() as tmp:
        inputs_path, outputs_path = Path(tmp, "inputs.pt"), Path(tmp, "outputs.pt")
        torch.save(x, inputs_path)
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                _FRESH_PROCESS,
                str(program_path),
                str(inputs_path),
                str(outputs_path),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"the fresh process failed:\n{done.stderr}")
        outputs: torch.Tensor = torch.load(outputs_path, weights_only=True)
    return outputs, json.loads(done.stdout)


def run(device: torch.device | str = "cpu", *, seed: int = 0) -> SavingResult:
    """Train a 1-10-1 ``Net`` on the regression data, save it three ways and load each back.

    Args:
        device: Where the net trains and every loaded copy runs.
        seed: Seeds the data and, through ``torch.manual_seed``, the weights.

    Returns:
        The predictions of the original and of each loaded copy, what
        ``weights_only=True`` said to the whole module, and the sizes.
    """
    x_train, y_train = make_data(seed=seed)
    torch.manual_seed(seed)
    net = Net(1, 10, 1).to(device)
    train(net, x_train.to(device), y_train.to(device))
    x = torch.linspace(-1, 1, 41).unsqueeze(1).to(device)
    with torch.no_grad():
        original = net(x)

    whole = io.BytesIO()
    torch.save(net, whole)
    whole.seek(0)
    try:
        torch.load(whole, weights_only=True)
        refusal = ""
    except pickle.UnpicklingError as error:
        lines = str(error).splitlines()
        refusal = next((line.strip() for line in lines if "GLOBAL" in line), lines[0])
    whole.seek(0)
    # Trusted: we wrote it. This runs the unpickler and needs Net importable.
    reloaded = torch.load(whole, weights_only=False)

    weights = io.BytesIO()
    torch.save(net.state_dict(), weights)
    weights.seek(0)
    rebuilt = Net(1, 10, 1).to(device)
    rebuilt.load_state_dict(torch.load(weights, weights_only=True))

    # Dim("batch"): the program takes any number of rows, not only the 100 it was traced with.
    program = torch.export.export(
        net, (x_train.to(device),), dynamic_shapes=({0: torch.export.Dim("batch")},)
    )
    with tempfile.TemporaryDirectory() as tmp:
        program_path = Path(tmp, "net.pt2")
        torch.export.save(program, program_path)
        exported, modules = predict_in_fresh_process(program_path, x)
        program_size = program_path.stat().st_size

    with torch.no_grad():
        whole_module, state_dict = reloaded(x), rebuilt(x)
    return SavingResult(
        x=x.cpu(),
        original=original.cpu(),
        whole_module=whole_module.cpu(),
        state_dict=state_dict.cpu(),
        exported=exported.cpu(),
        refusal=refusal,
        fresh_process_modules=modules,
        sizes={
            "whole module": whole.getbuffer().nbytes,
            "state_dict": weights.getbuffer().nbytes,
            "exported program": program_size,
        },
    )


def figure(result: SavingResult, *, foreground: str = "black") -> Figure:
    """The predictions of the original and of each loaded copy, and the size of each file.

    Needs matplotlib.

    Args:
        result: What [run][cookbook.examples.saving.run] returned.
        foreground: The colour of text, axes and ticks.

    Returns:
        The figure.
    """
    x = result.x.squeeze(1)
    with plots.style(foreground):
        fig, (predictions, sizes) = plots.panels([3.2, 1.8])
        predictions.plot(x, result.original.squeeze(1), lw=6, alpha=0.4, label="original")
        predictions.plot(x, result.whole_module.squeeze(1), "-", lw=1, label="whole module")
        predictions.plot(x, result.state_dict.squeeze(1), "--", lw=1.5, label="state_dict")
        predictions.plot(x, result.exported.squeeze(1), ":", lw=2, label="exported, fresh process")
        predictions.set(xlabel="x", ylabel="prediction")
        # Above the plot, as its title: no legend covers the data.
        predictions.legend(
            title="the same predictions",
            title_fontsize="large",
            loc="lower center",
            bbox_to_anchor=(0.5, 1),
            ncols=2,
        )
        sizes.barh(list(result.sizes), list(result.sizes.values()), color="C1", alpha=0.7)
        sizes.set(xlabel="bytes", title="file size")
    return fig


if __name__ == "__main__":
    plots.main("saving.png", lambda: figure(run()))
