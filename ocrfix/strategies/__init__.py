"""The registry of correction strategies, by name.

A strategy module defines one :class:`ocrfix.pipeline.Strategy` subclass and
decorates it with :func:`register`; this package imports the built-in modules
(``dedup``, ``layout``, ``dictionary``) the first time a name is looked up, and
third-party packages add theirs through the entry-point group
``ocrfix.strategies`` (each entry point names a Strategy subclass)::

    [project.entry-points."ocrfix.strategies"]
    mystrategy = "mypackage.module:MyStrategy"

>>> "dedup" in names()
True
>>> get("dedup", min_repeats=3).min_repeats
3
>>> get("no-such-strategy")
Traceback (most recent call last):
...
ValueError: unknown strategy 'no-such-strategy'; known strategies: ...
"""
from __future__ import annotations

import importlib
import importlib.util
import warnings
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from ocrfix.pipeline import Strategy

ENTRY_POINT_GROUP = "ocrfix.strategies"
# The built-in strategy modules, each registering the strategy of its own name, in the order the default
# pipeline runs them: loops first (they would fool everything after them), then layout, then word repair.
BUILTIN_MODULES = ("dedup", "layout", "dictionary")

_REGISTRY: dict[str, type[Strategy]] = {}
_loaded = False

S = TypeVar("S", bound="type[Strategy]")


def register(cls: S) -> S:
    """Class decorator: make a Strategy subclass available under ``cls.name``.

    >>> import ocrfix
    >>> @register
    ... class Shout(ocrfix.pipeline.Strategy):
    ...     name = "shout-example"
    ...     def propose(self, text):
    ...         return [self.edit(text, 0, len(text), text.upper(), reason="demo", confidence=1.0)]
    >>> ocrfix.correct("hello", strategies=["shout-example"])
    'HELLO'
    >>> _ = _REGISTRY.pop("shout-example")  # (leaves the registry as it was for the other examples)
    """
    name = getattr(cls, "name", None)
    if not isinstance(name, str) or not name:
        raise TypeError(f"{cls.__qualname__} needs a class attribute 'name' to be registered")
    existing = _REGISTRY.get(name)
    if existing is not None and existing.__qualname__ != cls.__qualname__:
        raise ValueError(f"strategy name {name!r} is already taken by {existing.__module__}.{existing.__qualname__}")
    _REGISTRY[name] = cls
    return cls


def _load() -> None:
    """Import the built-in strategy modules that exist, then the entry points (once)."""
    global _loaded
    if _loaded:
        return
    _loaded = True
    for module in BUILTIN_MODULES:
        if importlib.util.find_spec(f"{__name__}.{module}") is not None:
            importlib.import_module(f"{__name__}.{module}")
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        try:
            register(entry.load())
        except Exception as error:  # a broken plug-in must not take the built-ins down
            warnings.warn(f"ocrfix strategy plug-in {entry.name!r} ({entry.value}) not loaded: {error}", stacklevel=2)


def names() -> list[str]:
    """The names of all registered strategies, default-pipeline ones first."""
    builtin = _default_pipeline()
    return builtin + sorted(name for name in _REGISTRY if name not in builtin)


def strategy_class(name: str) -> type[Strategy]:
    """The class registered under ``name``; ValueError listing the known names if there is none."""
    _load()
    try:
        return _REGISTRY[name]
    except (KeyError, TypeError):
        raise ValueError(f"unknown strategy {name!r}; known strategies: {', '.join(names()) or '(none)'}") from None


def get(name: str, **options: Any) -> Strategy:
    """A new instance of the strategy registered under ``name``, configured by keyword options."""
    return strategy_class(name)(**options)


def before(name: str) -> list[str]:
    """The strategies the default pipeline runs before ``name`` (all of them if it does not run ``name``):
    what shapes the text that ``name`` sees, and so the text a trainable ``name`` should learn from.

    >>> before("dictionary")
    ['dedup', 'layout']
    """
    pipeline = _default_pipeline()
    return pipeline[:pipeline.index(name)] if name in pipeline else pipeline


def _default_pipeline() -> list[str]:
    """The built-in strategies that are registered, in the default pipeline's order."""
    _load()
    return [name for name in BUILTIN_MODULES if name in _REGISTRY]


def __getattr__(attribute: str) -> Any:
    # DEFAULT_PIPELINE is computed on access: it lists the built-ins that are registered.
    if attribute == "DEFAULT_PIPELINE":
        return _default_pipeline()
    raise AttributeError(f"module {__name__!r} has no attribute {attribute!r}")


__all__ = ["DEFAULT_PIPELINE", "ENTRY_POINT_GROUP", "before", "get", "names", "register", "strategy_class"]
