"""Official report files (Excel and PDF) built from lib.analysis results.

Text that came from users (unit names, service types, occupations, saran) is
passed through :func:`neutralise_cell` before it is written into a spreadsheet,
so that a value like ``=HYPERLINK(…)`` is shown as text and never executed.
"""

from __future__ import annotations

from lib.safe_export import neutralise_cell

__all__ = ["neutralise_cell"]
