"""Official report files (Excel and PDF) built from lib.analysis results.

Text that came from users (unit names, service types, occupations, saran) is
passed through :func:`neutralise_cell` before it is written into a spreadsheet,
so that a value like ``=HYPERLINK(…)`` is shown as text and never executed.
"""

from __future__ import annotations

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: object) -> object:
    """A string that a spreadsheet would read as a formula gets a leading apostrophe; others pass."""
    try:  # the upload helper's shared implementation, when present
        from lib.safe_export import neutralise_cell as shared  # type: ignore[import-not-found]
    except ImportError:
        shared = None
    if shared is not None:
        return shared(value)
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value
