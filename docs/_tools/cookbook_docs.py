"""Helpers for the documentation site, run at build time by markdown-exec.

Nothing here is part of the ``cookbook`` package; pages import this module from
hidden ``python exec="on"`` blocks (see ``docs/_snippets/setup.md``).
"""

from __future__ import annotations

import importlib
from types import ModuleType

from cookbook._registry import FAMILIES

# One line of NumPy, the matching cookbook call, and the bare torch line that
# people usually reach for (which may differ from NumPy: that is the point).
TOUR: dict[str, tuple[str, str, str]] = {
    "matmul_shape": (
        "np.matmul(a, b).shape",
        "matmul_shape(a.shape, b.shape)",
        "torch.broadcast_shapes(...) + (n, p)",
    ),
    "matmul": ("np.matmul(a, b)", "matmul(a, b)", "torch.matmul(a, b)  # no dtype promotion"),
    "numpy_dot": ("np.dot(a, b)", "numpy_dot(a, b)", "torch.dot(a, b)  # 1-D only"),
    "contiguous_strides": (
        "np.empty(shape).strides",
        "contiguous_strides(shape)",
        "torch.empty(shape).stride()",
    ),
    "is_contiguous": ("a.flags.c_contiguous", "is_contiguous(shape, strides)", "x.is_contiguous()"),
    "view_strides": (
        "a.view().reshape(s)  # may copy",
        "view_strides(shape, strides, s)",
        "x.view(s)  # raises",
    ),
    "shares_storage": (
        "np.shares_memory(a, b)",
        "shares_storage(a, b)",
        "a.untyped_storage().data_ptr() == ...",
    ),
    "inverse_permutation": (
        "np.argsort(dims)",
        "inverse_permutation(dims)",
        "torch.argsort(torch.tensor(dims))",
    ),
    "permute": ("np.transpose(a, dims)", "permute(x, dims)", "x.permute(*dims)"),
    "moveaxis": ("np.moveaxis(a, s, d)", "moveaxis(x, s, d)", "torch.movedim(x, s, d)"),
    "chw_to_hwc": ("np.transpose(a, (1, 2, 0))", "chw_to_hwc(x)", "x.permute(1, 2, 0)"),
    "hwc_to_chw": ("np.transpose(a, (2, 0, 1))", "hwc_to_chw(x)", "x.permute(2, 0, 1)"),
    "tile": ("np.tile(a, reps)", "tile(x, reps)", "x.repeat(*reps)"),
    "repeat_elements": (
        "np.repeat(a, r, axis)",
        "repeat_elements(x, r, axis)",
        "x.repeat_interleave(r, dim)",
    ),
    "broadcast_to": ("np.broadcast_to(a, shape)", "broadcast_to(x, shape)", "x.expand(*shape)"),
    "meshgrid": ("np.meshgrid(x, y)", "meshgrid(x, y)", 'torch.meshgrid(x, y, indexing="xy")'),
    "grid_offsets": (
        "np.stack(np.meshgrid(...), -1)...",
        "grid_offsets(h, w, a)",
        "YOLOv3 x_y_offset",
    ),
    "tile_anchors": (
        "np.tile(anchors, (h * w, 1))[None]",
        "tile_anchors(anchors, h, w)",
        "anchors.repeat(h * w, 1).unsqueeze(0)",
    ),
    "confidence_mask": (
        "np.where(p[..., 4:5] > t, p, 0)",
        "confidence_mask(p, t)",
        "p * (p[..., 4:5] > t)  # keeps NaN",
    ),
    "filter_confident": ("p[p[..., 4] > t]", "filter_confident(p, t)", "p[p[..., 4] > t]"),
    "numel": ("a.size", "numel(x)", "x.numel()"),
    "nbytes": ("a.nbytes", "nbytes(x)", "x.numel() * x.element_size()"),
    "new_like": ("np.full(shape, v, a.dtype)", "new_like(x, shape, v)", "x.new_full(shape, v)"),
    "cxcywh_to_xyxy": (
        "np.concatenate([c - wh / 2, c + wh / 2], -1)",
        "cxcywh_to_xyxy(b)",
        "torchvision.ops.box_convert",
    ),
    "xyxy_to_cxcywh": (
        "np.concatenate([(p0 + p1) / 2, p1 - p0], -1)",
        "xyxy_to_cxcywh(b)",
        "torchvision.ops.box_convert",
    ),
    "to_numpy": ("np.asarray(a)", "to_numpy(x)", "x.numpy()  # CPU, no grad only"),
    "from_numpy": ("np.asarray(a)", "from_numpy(a)", "torch.from_numpy(a)  # a[::-1] raises"),
    "mean": ("np.mean(a, axis)", "mean(x, axis)", "x.mean(dim)  # int raises"),
    "relu": ("np.maximum(a, 0)", "relu(x)", "torch.relu(x)  # keeps -0.0"),
    "sigmoid": ("1 / (1 + np.exp(-a))", "sigmoid(x)", "torch.sigmoid(x)"),
    "tanh": ("np.tanh(a)", "tanh(x)", "torch.tanh(x)"),
    "softplus": ("np.log1p(np.exp(a))", "softplus(x)", "F.softplus(x)  # x above 20"),
    "softmax": (
        "e = np.exp(a - a.max(-1, keepdims=True)); e / e.sum(-1, keepdims=True)",
        "softmax(x, axis)",
        "torch.softmax(x, dim)",
    ),
    "value_and_grad": (
        "(f(a), df(a))  # by hand",
        "value_and_grad(f, x)",
        "x.requires_grad_(); f(x).backward(); x.grad",
    ),
    "concatenate": (
        "np.concatenate(arrays, axis)",
        "concatenate(tensors, axis)",
        "torch.cat(tensors, dim)",
    ),
    "stack": ("np.stack(arrays, axis)", "stack(tensors, axis)", "torch.stack(tensors, dim)"),
    "squeeze": ("np.squeeze(a, axis)", "squeeze(x, axis)", "x.squeeze(dim)  # ignores size != 1"),
    "expand_dims": ("np.expand_dims(a, axis)", "expand_dims(x, axis)", "x.unsqueeze(dim)"),
    "batch_sizes": (
        "np.diff(np.r_[0:n:b, n])",
        "batch_sizes(n, b)",
        "[len(t) for t in DataLoader(range(n), b)]",
    ),
    "batch_indices": (
        "np.array_split(np.arange(n), range(b, n, b))",
        "batch_indices(n, b)",
        "list(DataLoader(range(n), b))",
    ),
}


def _module(fam: object) -> ModuleType:
    mod = fam.module  # a module object, or its dotted name
    return importlib.import_module(mod) if isinstance(mod, str) else mod


def _code(text: str) -> str:
    return "`" + text.replace("|", "\\|") + "`"


def families_table() -> str:
    """Markdown table of every family and recipe, driven by ``cookbook._registry``.

    Links are site URLs relative to the home page (``use_directory_urls``); the
    block must use ``idprefix=""`` so markdown-exec leaves the anchors alone.

    Raises:
        KeyError: if a recipe in the registry has no tour line here, so a new
            recipe cannot land without the home page noticing.
    """
    missing = [r for fam in FAMILIES for r in fam.recipes if r not in TOUR]
    if missing:
        raise KeyError(f"docs/_tools/cookbook_docs.py TOUR lacks: {', '.join(missing)}")
    rows = [
        "| Family | NumPy | cookbook recipe | bare torch |",
        "| --- | --- | --- | --- |",
    ]
    for fam in FAMILIES:
        for i, name in enumerate(fam.recipes):
            np_line, recipe, torch_line = TOUR[name]
            # markdown-exec output is not rewritten by MkDocs: use built URLs.
            family = f"[{fam.title}](recipes/{fam.name}/)" if i == 0 else ""
            link = f"[{_code(recipe)}](recipes/{fam.name}/#{name})"
            rows.append(f"| {family} | {_code(np_line)} | {link} | {_code(torch_line)} |")
    return "\n".join(rows)


def family_recipes(name: str) -> str:
    """Bullet list of a family's recipes with the module they live in."""
    fam = next(f for f in FAMILIES if f.name == name)
    module = _module(fam)
    path = module.__name__.replace(".", "/") + ".py"
    lines = [f"Recipes in `{module.__name__}` (source: `{path}`):", ""]
    for recipe in fam.recipes:
        doc = (getattr(module, recipe).__doc__ or "").strip().splitlines()
        summary = doc[0] if doc else ""
        lines.append(f"- [`{recipe}`](#{recipe}) — {summary}")
    return "\n".join(lines)
