"""Worked examples: from tensors to a trained, saved and exported network.

Each module is one short, seeded example with a ``run`` function that returns
its results as a small dataclass, and a ``__main__`` block that saves its
figure (``python -m cookbook.examples.regression [FIGURE]``). The examples need
only torch; their figures (``cookbook.examples.plots``) need matplotlib.

* ``regression``: a 1-10-1 net fits ``y = x²`` plus noise.
* ``classification``: a 2-10-2 net separates two Gaussian clouds.
* ``module_vs_sequential``: the same net as a ``Module`` subclass and as ``nn.Sequential``.
* ``minibatches``: a ``DataLoader`` in mini-batches, next to ``cookbook.batch_sizes``.
* ``optimizers``: SGD, momentum, RMSprop and Adam on the same mini-batches.
* ``saving``: ``torch.save`` of the module, of its ``state_dict``, and ``torch.export``.
"""
