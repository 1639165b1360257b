"""Registration of analyses: a name, the data sources it reads, and the parameters kept fresh."""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Engine

#: Kinds of input data whose versions decide whether a stored result is fresh.
SOURCES: tuple[str, ...] = (
    "unit",
    "employee",
    "training",
    "performance",
    "service",
    "survey",
    "complaint",
    "theme_labels",
    "theme_predictions",
    "settings",
    "holidays",
)

Params = dict[str, Any]


@dataclass(frozen=True)
class Analysis:
    """A registered analysis. ``func(engine, **params)`` must return a picklable value."""

    name: str
    sources: tuple[str, ...]
    func: Callable[..., Any]
    standard_params: Callable[[Engine], list[Params]] | None = None
    version: int = 1
    #: sources this analysis writes as it runs (the theme model stores predictions): analyses
    #: reading them wait until it has run, so they are not computed twice after an import
    writes: tuple[str, ...] = ()


REGISTRY: dict[str, Analysis] = {}


def analysis(
    name: str,
    *,
    sources: tuple[str, ...],
    standard_params: Callable[[Engine], list[Params]] | None = None,
    version: int = 1,
    writes: tuple[str, ...] = (),
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register ``func`` under ``name``.

    ``standard_params(engine)`` lists the parameter sets the worker keeps fresh (for example
    the sidebar's period presets at city scope); any other parameters are computed on demand.
    Bump ``version`` when the value's shape or meaning changes: older stored values are then
    ignored instead of being unpickled into code that no longer understands them.
    """
    unknown = (set(sources) | set(writes)) - set(SOURCES)
    if unknown:
        raise ValueError(f"unknown data sources {sorted(unknown)}; known: {SOURCES}")
    if not sources:
        raise ValueError("an analysis must name at least one data source")

    def register(func: Callable[..., Any]) -> Callable[..., Any]:
        existing = REGISTRY.get(name)
        if existing is not None and existing.func.__qualname__ != func.__qualname__:
            raise ValueError(f"analysis {name!r} is already registered by {existing.func.__module__}")
        REGISTRY[name] = Analysis(name, tuple(sources), func, standard_params, version, tuple(writes))
        return func

    return register


def catalog_modules() -> tuple[str, ...]:
    from lib.results.catalog import ANALYSIS_MODULES

    extra = tuple(m.strip() for m in os.environ.get("TELAAH_ANALYSIS_MODULES", "").split(",") if m.strip())
    return ANALYSIS_MODULES + extra


def load_catalog() -> dict[str, Analysis]:
    """Import every module that registers analyses (idempotent) and return the registry."""
    from lib.results.catalog import WRITES

    for module in catalog_modules():
        importlib.import_module(module)
    for name, written in WRITES.items():
        spec = REGISTRY.get(name)
        if spec is not None and not spec.writes:
            REGISTRY[name] = replace(spec, writes=tuple(written))
    return REGISTRY


def written_by(registry: dict[str, Analysis], names: Iterable[str]) -> set[str]:
    """The sources that the analyses ``names`` write while they run."""
    return {source for name in names if name in registry for source in registry[name].writes}


def get_analysis(name: str) -> Analysis:
    if name not in REGISTRY:
        load_catalog()
    try:
        return REGISTRY[name]
    except KeyError:
        raise KeyError(f"no analysis registered as {name!r}") from None
