"""The complaint figures of the Pengaduan page and the CLI: span, drill-down texts, unclassified count.

The overview itself (trend, spikes, rates, backlog) is a stored analysis
(``complaints.overview`` in :mod:`lib.results.dashboard`); these are the quick reads
beside it. Complaint texts leave here already masked.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import Engine

from lib.analysis.complaint_overview import complaint_drilldown
from lib.queries import complaints as q
from lib.queries.units import Scope


def date_span(*, engine: Engine, scope: Scope) -> tuple[date | None, date | None]:
    """First and last complaint date in ``scope`` (None, None when there are none)."""
    return q.complaint_date_span(engine, scope)


def drilldown(
    *,
    engine: Engine,
    scope: Scope,
    date_from: date,
    date_to: date,
    unit_id: int | None = None,
    theme: str | None = None,
    month: date | None = None,
    limit: int = 200,
) -> pd.DataFrame:
    """The complaints behind a chart point, newest first, personal data masked."""
    return complaint_drilldown(
        engine, scope, date_from, date_to, unit_id=unit_id, theme=theme, month=month, limit=limit
    )


def pending_predictions(*, engine: Engine, scope: Scope) -> dict[str, int]:
    """How many complaints in ``scope`` have no theme yet (``unpredicted``), by kind."""
    return q.count_uncategorised(engine, scope)
