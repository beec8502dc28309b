"""The errors page: torch's own error and warning messages, produced by running each offending line.

``docs/errors.md`` calls :func:`render` at build time. Each :class:`Entry` declares
the line that fails, why, a one-line fix and the page that explains it; the
heading is whatever the installed torch raises or warns (its first line), so the
page cannot drift from the real text. The build fails if an offending line stops
failing, or if a fix fails. ``docs/_tools/browser_check.py`` imports
:data:`ENTRIES` and :func:`message` to compare the built headings with torch.

Links are site URLs relative to the site root (the page lives at ``errors/``).
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F

import cookbook

# torch appends the C++ source location to warnings raised from C++; it names
# the build machine's paths, not anything a reader pastes.
_TRIGGERED = re.compile(r"\s*\(Triggered internally at [^)]*\)\s*$")


@dataclass(frozen=True)
class Entry:
    """One message: ``setup`` runs quietly, ``line`` must raise or warn, ``fix`` must not.

    ``fix`` is one line where torch has one; a few lines where it has none.
    ``link`` is a site URL relative to the root, empty where no page covers it yet.
    ``fix_runs`` is False only where the fix needs hardware the build may lack.
    """

    slug: str
    setup: str
    line: str
    why: str
    fix: str
    link: str
    link_text: str
    fix_runs: bool = True


ENTRIES: tuple[Entry, ...] = (
    Entry(
        "view-stride",
        "x = torch.arange(6).reshape(2, 3).t()",
        "x.view(6)",
        "`view` only relabels memory, and a transposed tensor's elements are not in "
        "row-major order, so no strides can describe the new shape.",
        "x.reshape(6)  # or x.contiguous().view(6): both copy here",
        "recipes/contiguous/#view_strides",
        "view_strides",
    ),
    Entry(
        "view-invalid-shape",
        "x = torch.arange(6)",
        "x.view(4, -1)",
        "The sizes must multiply to the element count; `-1` only fills in an exact quotient.",
        "x.view(3, -1)",
        "recipes/contiguous/#view_strides",
        "view_strides",
    ),
    Entry(
        "repeat-too-few-dims",
        "x = torch.zeros(2, 3)",
        "x.repeat(2)",
        "`Tensor.repeat` is `np.tile`, but needs one count per dimension; "
        "`np.tile` pads the counts with leading ones.",
        "x.repeat(1, 2)  # or cookbook.tile(x, 2)",
        "recipes/repeat/#tile",
        "tile",
    ),
    Entry(
        "repeat-interleave-sizes",
        "x = torch.ones(3)",
        "x.repeat_interleave(torch.tensor([1, 2]))",
        "Per-element counts need one count per element along the axis, as in `np.repeat`.",
        "x.repeat_interleave(torch.tensor([1, 2, 1]))",
        "recipes/repeat/#repeat_elements",
        "repeat_elements",
    ),
    Entry(
        "expand-size",
        "x = torch.ones(2)",
        "x.expand(3)",
        "`expand` (like `np.broadcast_to`) only stretches dimensions of size 1.",
        "x.expand(3, 2)  # a new leading axis; or x.repeat(2) to copy",
        "recipes/repeat/#broadcast_to",
        "broadcast_to",
    ),
    Entry(
        "expand-write",
        "x = torch.tensor([1, 2, 3]).expand(2, 3)",
        "x.add_(1)",
        "An expanded tensor reads one memory location for several elements (stride 0); "
        "in-place arithmetic refuses to write it.",
        "x = x.clone().add_(1)",
        "recipes/repeat/#broadcast_to",
        "broadcast_to",
    ),
    Entry(
        "broadcast-mismatch",
        "a, b = torch.ones(2), torch.ones(3)",
        "a + b",
        "Broadcasting pairs dimensions from the right; sizes must be equal or 1.",
        "a[:, None] + b  # an outer sum of shape (2, 3)",
        "recipes/repeat/#broadcast_to",
        "broadcast_to",
    ),
    Entry(
        "dot-of-matrices",
        "a, b = torch.ones(2, 3), torch.ones(3, 4)",
        "torch.dot(a, b)",
        "`torch.dot` takes two 1-D tensors only; `np.dot` takes any ranks.",
        "a @ b  # or cookbook.numpy_dot(a, b) for np.dot on any ranks",
        "recipes/matmul/#numpy_dot",
        "numpy_dot",
    ),
    Entry(
        "mm-of-3d",
        "a, b = torch.ones(2, 2, 3), torch.ones(3, 4)",
        "torch.mm(a, b)",
        "`torch.mm` takes two 2-D tensors only; `torch.matmul` broadcasts batch dimensions.",
        "torch.matmul(a, b)",
        "recipes/matmul/#matmul",
        "matmul",
    ),
    Entry(
        "matmul-shapes",
        "a, b = torch.ones(2, 3), torch.ones(2, 3)",
        "a @ b",
        "The inner sizes must agree: `(n, k) @ (k, m)`.",
        "a @ b.T",
        "recipes/matmul/#matmul_shape",
        "matmul_shape",
    ),
    Entry(
        "matmul-mixed-dtypes",
        "a, b = torch.ones(2, 2, dtype=torch.int64), torch.ones(2, 2)",
        "a @ b",
        "`torch.matmul` does not promote dtypes; `np.matmul` promotes int64 and float32 "
        "to float64.",
        "a.to(b.dtype) @ b  # or cookbook.matmul(a, b) for NumPy's float64",
        "recipes/matmul/#matmul",
        "matmul",
    ),
    Entry(
        "permute-length",
        "x = torch.ones(2, 3)",
        "x.permute(1, 0, 2)",
        "`permute` wants exactly one position per dimension.",
        "x.permute(1, 0)",
        "recipes/permute/#permute",
        "permute",
    ),
    Entry(
        "meshgrid-indexing",
        "a, b = torch.arange(3), torch.arange(2)",
        "torch.meshgrid(a, b)",
        'Without `indexing`, torch uses `"ij"` (and warns), while NumPy uses `"xy"`: '
        "the grids come out transposed.",
        'torch.meshgrid(a, b, indexing="xy")  # NumPy\'s default; or cookbook.meshgrid(a, b)',
        "recipes/meshgrid/#meshgrid",
        "meshgrid",
    ),
    Entry(
        "mask-shape",
        "pred, keep = torch.ones(2, 5), torch.tensor([True, False, True])",
        "pred[keep]",
        "A boolean mask must match the indexed dimensions' sizes.",
        "pred[keep[:2]]",
        "recipes/masking/#filter_confident",
        "filter_confident",
    ),
    Entry(
        "numpy-requires-grad",
        "w = torch.ones(2, requires_grad=True)",
        "(w * 2).numpy()",
        "A NumPy array cannot carry the autograd graph, so torch refuses to drop it silently.",
        "(w * 2).detach().numpy()  # or cookbook.to_numpy(w * 2)",
        "recipes/interop/#to_numpy",
        "to_numpy",
    ),
    Entry(
        "numpy-not-cpu",
        'x = torch.zeros(2, device="meta")',
        "x.numpy()",
        "NumPy arrays live in CPU memory. A CUDA tensor gets the same message with "
        "`cuda:0` in place of `meta` (this build has no GPU, so the meta device stands in).",
        "x.cpu().numpy()  # or cookbook.to_numpy(x)",
        "recipes/interop/#to_numpy",
        "to_numpy",
        fix_runs=False,
    ),
    Entry(
        "numpy-bfloat16",
        "x = torch.zeros(2, dtype=torch.bfloat16)",
        "x.numpy()",
        "NumPy has no bfloat16.",
        "x.float().numpy()",
        "recipes/interop/#to_numpy",
        "to_numpy",
    ),
    Entry(
        "numpy-complex32",
        "x = torch.zeros(2, dtype=torch.complex32)",
        "x.numpy()",
        "NumPy has no complex32 (complex of two float16).",
        "x.to(torch.complex64).numpy()",
        "recipes/interop/#to_numpy",
        "to_numpy",
    ),
    Entry(
        "numpy-float8",
        "x = torch.zeros(2, dtype=torch.float8_e4m3fn)",
        "x.numpy()",
        "NumPy has none of the float8 types.",
        "x.float().numpy()",
        "recipes/interop/#to_numpy",
        "to_numpy",
    ),
    Entry(
        "from-numpy-negative-strides",
        "a = np.arange(3)",
        "torch.from_numpy(a[::-1])",
        "A torch tensor cannot have negative strides, so it cannot share a reversed "
        "array's memory.",
        "torch.from_numpy(a[::-1].copy())  # or cookbook.from_numpy(a[::-1])",
        "recipes/interop/#from_numpy",
        "from_numpy",
    ),
    Entry(
        "from-numpy-byte-order",
        'a = np.array([1, 2], dtype=">i4")',
        "torch.from_numpy(a)",
        "torch tensors are in the machine's byte order; a big-endian array needs a "
        "converting copy.",
        'torch.from_numpy(a.astype("=i4"))  # or cookbook.from_numpy(a)',
        "recipes/interop/#from_numpy",
        "from_numpy",
    ),
    Entry(
        "from-numpy-read-only",
        "a = np.broadcast_to(np.arange(3), (2, 3))",
        "torch.from_numpy(a)",
        "torch has no read-only tensors, so the tensor could write into an array NumPy "
        "marked read-only.",
        "torch.from_numpy(a.copy())  # or cookbook.from_numpy(a)",
        "recipes/interop/#from_numpy",
        "from_numpy",
    ),
    Entry(
        "mean-of-integers",
        "x = torch.arange(4)",
        "x.mean()",
        "torch will not pick a float dtype for you; `np.mean` returns float64.",
        "x.mean(dtype=torch.float64)  # or cookbook.mean(x)",
        "recipes/maths/#mean",
        "mean",
    ),
    Entry(
        "std-of-integers",
        "x = torch.arange(4)",
        "x.std()",
        "As for `mean`, integer input needs a float dtype; note also that `np.std` "
        "divides by `n` (`ddof=0`), `torch.std` by `n - 1`.",
        "x.double().std(correction=0)  # np.std(x)",
        "recipes/statistics/#std",
        "std",
    ),
    Entry(
        "quantile-of-integers",
        "x = torch.arange(4)",
        "torch.quantile(x, 0.5)",
        "`torch.quantile` takes float32 and float64 only; `np.quantile` takes integers.",
        "torch.quantile(x.double(), 0.5)",
        "recipes/statistics/#median",
        "median",
    ),
    Entry(
        "softmax-of-integers",
        "x = torch.tensor([0, 1, 2])",
        "torch.softmax(x, dim=0)",
        "torch has no integer softmax kernel; NumPy's formula returns float64.",
        "torch.softmax(x.double(), dim=0)  # or cookbook.softmax(x)",
        "recipes/activations/#softmax",
        "softmax",
    ),
    Entry(
        "integer-division-by-zero",
        "a, b = torch.tensor([1, 2]), torch.tensor([1, 0])",
        "a // b",
        "Integer division by zero has no integer answer. NumPy warns and returns 0; "
        "float division in torch gives `inf`.",
        "torch.where(b == 0, 0, a // torch.where(b == 0, 1, b))  # NumPy's 0",
        "recipes/division/#floor_divide",
        "floor_divide",
    ),
    Entry(
        "pad-length",
        "x = torch.ones(2, 3)",
        "F.pad(x, (1,))",
        "`F.pad` takes (before, after) pairs, last dimension first: the reverse of "
        "`np.pad`'s order.",
        "F.pad(x, (1, 1))  # np.pad(x, ((0, 0), (1, 1)))",
        "recipes/splitting/#pad",
        "pad",
    ),
    Entry(
        "pad-reflect-size",
        "x = torch.ones(1, 1, 3)",
        'F.pad(x, (3, 3), mode="reflect")',
        "Reflection cannot reach further than the input is long; "
        "`np.pad(mode='reflect')` repeats the reflection instead.",
        'F.pad(x, (2, 2), mode="reflect")',
        "recipes/splitting/#pad",
        "pad",
    ),
    Entry(
        "take-along-dim",
        "x, idx = torch.ones(2, 3), torch.tensor([0, 1])",
        "torch.take_along_dim(x, idx, dim=1)",
        "As in `np.take_along_axis`, the indices need as many dimensions as the input.",
        "torch.take_along_dim(x, idx[:, None], dim=1)",
        "recipes/indexing/#take_along_axis",
        "take_along_axis",
    ),
    Entry(
        "gather-dims",
        "x, idx = torch.ones(2, 3), torch.tensor([0, 1])",
        "torch.gather(x, 1, idx)",
        "`gather` needs an index tensor with as many dimensions as the input.",
        "torch.gather(x, 1, idx[:, None])",
        "recipes/indexing/#take_along_axis",
        "take_along_axis",
    ),
    Entry(
        "split-sizes",
        "x = torch.ones(6)",
        "x.split([2, 2])",
        "Unlike `np.split`'s indices, torch's sizes must add up to the whole dimension.",
        "x.split([2, 4])  # or torch.tensor_split(x, [2, 4]) for np.split's indices",
        "recipes/splitting/#split",
        "split",
    ),
    Entry(
        "index-add-dtype",
        "x, idx, src = torch.zeros(3), torch.tensor([0, 0]), torch.ones(2, dtype=torch.float64)",
        "x.index_add_(0, idx, src)",
        "`index_add_` (torch's `np.add.at`) adds repeated indices correctly, but does not "
        "promote: source and target dtypes must match.",
        "x.index_add_(0, idx, src.to(x.dtype))",
        "recipes/indexing/#add_at",
        "add_at",
    ),
    Entry(
        "unique-return-index",
        "x = torch.tensor([3, 1, 3, 2, 1])",
        "torch.unique(x, return_index=True)",
        "`torch.unique` has `return_inverse` and `return_counts`, but not `np.unique`'s "
        "`return_index`; the first index of each value is a scatter of positions.",
        "values, inverse = torch.unique(x, return_inverse=True)\n"
        "first = torch.full(values.shape, len(x))"
        '.scatter_reduce(0, inverse, torch.arange(len(x)), "amin")',
        "recipes/sorting/#unique",
        "unique",
    ),
    Entry(
        "no-interp",
        "xp, fp = torch.tensor([0.0, 1.0, 2.0]), torch.tensor([0.0, 10.0, 0.0])\n"
        "x = torch.tensor([0.5, 3.0])",
        "torch.interp(x, xp, fp)",
        "torch has no `np.interp`; `searchsorted` finds each point's interval, and clamping "
        "the weight to [0, 1] holds the end values outside `xp`, as NumPy does.",
        "i = torch.searchsorted(xp, x).clamp(1, len(xp) - 1)\n"
        "t = ((x - xp[i - 1]) / (xp[i] - xp[i - 1])).clamp(0, 1)\n"
        "y = fp[i - 1] + t * (fp[i] - fp[i - 1])  # np.interp(x, xp, fp)",
        "recipes/interpolation/#interp",
        "interp",
    ),
    Entry(
        "cat-sizes",
        "a, b = torch.ones(2, 3), torch.ones(2, 4)",
        "torch.cat([a, b])",
        "Every dimension but the joined one must agree.",
        "torch.cat([a, b], dim=1)",
        "recipes/plumbing/#concatenate",
        "concatenate",
    ),
    Entry(
        "stack-sizes",
        "a, b = torch.ones(2), torch.ones(3)",
        "torch.stack([a, b])",
        "`stack` adds a new axis, so every tensor needs the same shape.",
        "torch.cat([a, b])",
        "recipes/plumbing/#stack",
        "stack",
    ),
    Entry(
        "item-of-many",
        "x = torch.ones(2)",
        "x.item()",
        "`item()` returns the one Python number of a one-element tensor.",
        "x.tolist()",
        "recipes/numel/#numel",
        "numel",
    ),
    Entry(
        "bool-ambiguous",
        "x = torch.ones(2)",
        "bool(x)",
        "`if x:` on a tensor of several elements asks a question with several answers.",
        "bool(x.all())  # or x.any()",
        "recipes/masking/#confidence_mask",
        "confidence_mask",
    ),
    Entry(
        "requires-grad-integer",
        "",
        "torch.ones(2, dtype=torch.long, requires_grad=True)",
        "Gradients are defined for floating point and complex tensors only.",
        "torch.ones(2, requires_grad=True)",
        "recipes/gradients/#value_and_grad",
        "value_and_grad",
    ),
    Entry(
        "backward-no-grad",
        "loss = torch.ones(2).sum()",
        "loss.backward()",
        "No input of `loss` has `requires_grad=True`, so there is no graph to differentiate.",
        "x = torch.ones(2, requires_grad=True); x.sum().backward()",
        "recipes/gradients/#value_and_grad",
        "value_and_grad",
    ),
    Entry(
        "backward-non-scalar",
        "y = torch.ones(2, requires_grad=True) * 2",
        "y.backward()",
        "`backward()` without an argument needs a scalar output to seed with 1.",
        "y.sum().backward()  # or y.backward(torch.ones_like(y))",
        "recipes/gradients/#value_and_grad",
        "value_and_grad",
    ),
    Entry(
        "backward-twice",
        "w = torch.ones(2, requires_grad=True); loss = (w * w).sum(); loss.backward()",
        "loss.backward()",
        "The first `backward()` frees the graph's saved tensors.",
        "loss = (w * w).sum(); loss.backward()  # rebuild, or backward(retain_graph=True)",
        "recipes/gradients/#value_and_grad",
        "value_and_grad",
    ),
    Entry(
        "leaf-in-place",
        "w = torch.ones(2, requires_grad=True)",
        "w.add_(1)",
        "Changing a leaf that requires grad in place would change the value its "
        "gradient is taken at; updates such as optimizer steps run under `torch.no_grad()`.",
        "with torch.no_grad(): w.add_(1)",
        "recipes/gradients/#value_and_grad",
        "value_and_grad",
    ),
)


def _namespace() -> dict[str, object]:
    return {"torch": torch, "np": np, "F": F, "cookbook": cookbook}


def _first_line(text: str) -> str:
    return _TRIGGERED.sub("", text.strip().splitlines()[0]).strip()


def outcome(entry: Entry) -> tuple[str, str]:
    """Run ``entry.line`` after its setup: the class and first line of what it raised or warned.

    Raises:
        AssertionError: If the line neither raises nor warns, or (for an entry
            whose fix runs) if the fix raises or warns.
    """
    namespace = _namespace()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        exec(entry.setup, namespace)
    kind, text = "", ""
    # Some torch warnings fire once per process (TORCH_WARN_ONCE); another
    # page may already have triggered them in this build.
    warn_always = torch.is_warn_always_enabled()
    torch.set_warn_always(True)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            exec(entry.line, namespace)
    except Warning as warning:
        kind, text = type(warning).__name__, str(warning)
    except Exception as err:
        kind, text = type(err).__name__, str(err)
    finally:
        torch.set_warn_always(warn_always)
    if not kind:
        raise AssertionError(f"errors page, {entry.slug}: {entry.line!r} no longer fails")
    if entry.fix_runs:
        fixed = _namespace()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            exec(entry.setup, fixed)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            exec(entry.fix, fixed)
    return kind, _first_line(text)


def message(entry: Entry) -> str:
    """The first line of what ``entry.line`` raises or warns on the installed torch."""
    return outcome(entry)[1]


# Python-Markdown's backslash escapes, plus the characters HTML gives meaning to.
_ESCAPE = re.compile(r"([\\`*_{}\[\]()>#+\-.!])")


def _heading_text(text: str) -> str:
    return _ESCAPE.sub(r"\\\1", text.replace("&", "&amp;").replace("<", "&lt;"))


def _link_text(entry: Entry) -> str:
    # A recipe anchor is a function name; a page link is the page's name.
    return f"`{entry.link_text}`" if "#" in entry.link else entry.link_text


def render() -> str:
    """The errors page's entries as Markdown, one ``##`` heading (the message) per entry."""
    parts = []
    for entry in ENTRIES:
        kind, text = outcome(entry)
        setup = f"{entry.setup}\n" if entry.setup else ""
        parts.append(
            f"## {_heading_text(text)} {{#{entry.slug}}}\n\n"
            f"`{kind}` from:\n\n```python\n{setup}{entry.line}\n```\n\n"
            f"**Why:** {entry.why}\n\n"
            f"**Fix:**\n\n```python\n{entry.fix}\n```\n\n"
            + (f"See [{_link_text(entry)}](../{entry.link}).\n" if entry.link else "")
        )
    return "\n".join(parts)
