"""Worked examples: from tensors to a trained, saved and exported network.

Each module is one short, seeded example with a ``run`` function that returns
its results as a small dataclass, a ``figure`` function that draws them, and a
``__main__`` block that saves the figure (``python -m cookbook.examples.regression
[FIGURE]``). The examples need only torch; their figures need matplotlib, and
share the helpers of ``cookbook.examples.plots``, which imports none of them.

* ``regression``: a 1-10-1 net fits ``y = x²`` plus noise.
* ``classification``: a 2-10-2 net separates two Gaussian clouds.
* ``module_vs_sequential``: the same net as a ``Module`` subclass and as ``nn.Sequential``.
* ``minibatches``: a ``DataLoader`` in mini-batches, next to ``cookbook.batch_sizes``.
* ``optimizers``: SGD, momentum, RMSprop and Adam on the same mini-batches.
* ``saving``: ``torch.save`` of the module, of its ``state_dict``, and ``torch.export``.
"""
