"""Cut a (C, H, W) image into p-by-p patches, one row per patch, as a ViT's input."""

import numpy as np
import torch


def patchify(image: torch.Tensor, p: int) -> torch.Tensor:
    c, h, w = image.shape
    if h % p or w % p:
        raise ValueError(f"patchify: a {h}x{w} image does not split into {p}x{p} patches")
    # Zero-copy patches: a window view over the image's memory.
    patches = image.as_strided((h // p, w // p, c, p, p), (p * w, p, h * w, w, 1))
    return patches.reshape(h // p * (w // p), c * p * p)


def patchify_numpy(image: np.ndarray, p: int) -> np.ndarray:
    c, h, w = image.shape
    if h % p or w % p:
        raise ValueError(f"a {h}x{w} image does not split into {p}x{p} patches")
    patches = image.reshape(c, h // p, p, w // p, p).transpose(1, 3, 0, 2, 4)
    return patches.reshape(h // p * (w // p), c * p * p)
