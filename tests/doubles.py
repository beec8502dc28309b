"""Test doubles: a stand-in that must not be called, and a spy that records the calls.

A recipe's fast path is a promise that the common call skips its general checks; the tests
keep it by putting ``forbidden`` in place of a helper the fast path must skip, and a ``Spy``
around one the other calls must still reach (``spy_on`` puts one in place for a test). The
spy's record of arguments also shows what a private helper was given.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import pytest


def forbidden(*args: object, **kwargs: object) -> object:
    raise AssertionError("the fast path was expected to skip this helper")


class Spy:
    """Calls ``function``, and records the positional arguments of each call in ``args``."""

    def __init__(self, function: Callable[..., object]) -> None:
        self.function = function
        self.args: list[tuple[Any, ...]] = []

    @property
    def calls(self) -> int:
        return len(self.args)

    def __call__(self, *args: Any, **kwargs: object) -> object:
        self.args.append(args)
        return self.function(*args, **kwargs)


def spy_on(monkeypatch: pytest.MonkeyPatch, module: ModuleType, name: str) -> Spy:
    """A ``Spy`` in place of ``module.name`` for one test."""
    spy = Spy(getattr(module, name))
    monkeypatch.setattr(module, name, spy)
    return spy
