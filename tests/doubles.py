"""Test doubles for the fast-path tests: a stand-in that must not be called, and a spy.

A recipe's fast path is a promise that the common call skips its general checks; the tests
keep it by putting ``forbidden`` in place of a helper the fast path must skip, and a ``Spy``
around one the other calls must still reach.
"""

from __future__ import annotations

from collections.abc import Callable


def forbidden(*args: object, **kwargs: object) -> object:
    raise AssertionError("the fast path was expected to skip this helper")


class Spy:
    """Calls ``function`` and counts the calls."""

    def __init__(self, function: Callable[..., object]) -> None:
        self.function = function
        self.calls = 0

    def __call__(self, *args: object, **kwargs: object) -> object:
        self.calls += 1
        return self.function(*args, **kwargs)
