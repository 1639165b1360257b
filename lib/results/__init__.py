"""Analyses computed when data changes, stored in the database, and read by pages.

Pages must not run expensive statistics inside a request: a registered analysis
(:func:`analysis`) is recomputed by a background worker whenever one of its input
sources changes (:func:`mark_changed`), and pages read the stored value with
:func:`read_result`. See ``registry``, ``store`` and ``jobs`` for the pieces.
"""

from lib.results.jobs import enqueue, refresh_stale, run_pending, start_worker, stop_worker
from lib.results.registry import REGISTRY, Analysis, analysis, get_analysis, load_catalog
from lib.results.store import (
    SOURCES,
    StoredResult,
    compute_now,
    data_versions,
    get_or_compute,
    mark_changed,
    read_result,
)

__all__ = [
    "REGISTRY",
    "SOURCES",
    "Analysis",
    "StoredResult",
    "analysis",
    "compute_now",
    "data_versions",
    "enqueue",
    "get_analysis",
    "get_or_compute",
    "load_catalog",
    "mark_changed",
    "read_result",
    "refresh_stale",
    "run_pending",
    "start_worker",
    "stop_worker",
]
