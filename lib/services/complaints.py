"""The complaint figures of the Pengaduan page, the home page and the CLI.

The overview (trend, spikes, rates, backlog) is read here and stored by the result
store (``complaints.overview`` in :mod:`lib.results.dashboard`), which pages read;
the span, drill-down texts and unclassified count are the quick reads beside it.
Complaint texts leave here already masked.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import Engine

from lib.analysis import complaints as calc
from lib.analysis.complaint_overview import (
    SPIKE_HISTORY_MONTHS,
    ComplaintOverview,
    empty_rates,
    normalise_themes,
    overview_totals,
    spike_end_month,
    unit_summary,
)
from lib.analysis.complaint_spikes import SpikeSettings, detect_spikes
from lib.analysis.complaint_themes import ABSTAIN, normalise_theme_key
from lib.masking import mask_personal_data_series
from lib.queries import complaints as q
from lib.queries.holidays import refresh_holiday_calendar
from lib.queries.units import CITY, Scope, list_units


def date_span(*, engine: Engine, scope: Scope) -> tuple[date | None, date | None]:
    """First and last complaint date in ``scope`` (None, None when there are none)."""
    return q.complaint_date_span(engine, scope)


def overview(
    *,
    engine: Engine,
    scope: Scope = CITY,
    date_from: date | None = None,
    date_to: date | None = None,
    period: str = "month",
    as_of: date | None = None,
    spike_settings: SpikeSettings | None = None,
    labels_only: bool = False,
) -> ComplaintOverview:
    """Counts, rates, resolution times, backlog and spike flags for the units in ``scope``.

    ``date_from`` defaults to the first complaint of the **whole city** and
    ``date_to`` to the end of the city's complaint data (last day received or
    resolved), never to the last complaint in ``scope``; ``as_of`` (the backlog
    day) is ``date_to`` unless in the future. A unit's backlog and share late are
    then the same whether it is viewed alone, in its kecamatan or in the city.
    ``labels_only`` leaves predicted (and abstained) themes out of the rates by
    theme, so the theme chart shows labelled complaints only.
    """
    refresh_holiday_calendar(engine)
    first, last = q.complaint_date_span(engine, CITY)
    date_from = date_from or first or date.today()
    date_to = date_to or q.complaint_data_end(engine) or date.today()
    if date_from > date_to:
        raise ValueError("date_from is after date_to")
    as_of = as_of or min(date_to, date.today())
    as_of_ts = pd.Timestamp(as_of)
    settings = spike_settings or SpikeSettings()

    units = list_units(engine, scope).rename(columns={"id": "unit_id"})
    counts = normalise_themes(
        q.complaint_counts(engine, scope, date_from, date_to, by=("unit", "month", "theme")),
        ["unit_id", "month", "theme"],
    )
    services = q.service_volumes(engine, scope, date_from, date_to)
    channels = q.complaint_counts(engine, scope, date_from, date_to, by=("unit", "channel"))
    statuses = q.complaint_counts(engine, scope, date_from, date_to, by=("unit", "status"))
    sources = q.complaint_counts(engine, scope, date_from, date_to, by=("theme_source",))
    pairs = q.resolution_date_pairs(engine, scope, date_from, date_to, resolved_by=as_of)
    open_all = q.open_complaint_dates(engine, scope, as_of)
    open_in_range = open_all[open_all["complaint_date"] >= pd.Timestamp(date_from)]

    rates = calc.complaint_rates(counts, services) if not counts.empty else empty_rates(["unit_id"])
    theme_counts = (
        normalise_themes(
            q.complaint_counts(
                engine, scope, date_from, date_to, by=("unit", "month", "theme"), labels_only=True
            ),
            ["unit_id", "month", "theme"],
        )
        if labels_only
        else counts
    )
    theme_rates = (
        calc.complaint_rates(theme_counts, services, by=("unit_id", "theme"))
        if not theme_counts.empty
        else empty_rates(["unit_id", "theme"])
    )
    resolution = calc.resolution_summary(pairs, open_in_range, as_of_ts)
    backlog = calc.backlog_summary(open_all, as_of_ts)
    buckets = calc.backlog_by_age(open_all, as_of_ts)
    trend = calc.complaint_trend(counts, period, by=("unit_id",))

    end_month = spike_end_month(date_to, last)
    if end_month is not None:
        history_from = (
            end_month - pd.DateOffset(months=SPIKE_HISTORY_MONTHS + settings.recent_months)
        ).date()
        history = q.complaint_counts(
            engine,
            scope,
            history_from,
            (end_month + pd.offsets.MonthEnd(0)).date(),
            by=("unit", "month", "theme"),
        )
        # "belum yakin" is no theme: it counts in a unit's total, never as a theme series of its own
        history["theme"] = history["theme"].where(history["theme"] != ABSTAIN, None)
        spike_monthly = normalise_themes(history, ["unit_id", "month", "theme"])
        history_start = max(pd.Timestamp(first), pd.Timestamp(history_from)) if first else None
        spikes = detect_spikes(
            spike_monthly,
            end_month,
            series=(("unit_id",), ("unit_id", "theme")),
            settings=settings,
            history_start=history_start,
        )
    else:
        spike_monthly = pd.DataFrame(columns=["unit_id", "month", "theme", "complaints"])
        spikes = detect_spikes(spike_monthly, pd.Timestamp(date_to), settings=settings)

    summary = unit_summary(units, rates, resolution, backlog, spikes)
    totals = overview_totals(counts, rates, pairs, open_in_range, open_all, as_of_ts, sources)
    totals["median_response_hours"] = calc.median_response_hours(
        q.response_minutes(engine, scope, date_from, date_to, resolved_by=as_of)
    )
    return ComplaintOverview(
        date_from=date_from,
        date_to=date_to,
        as_of=as_of,
        period=period,
        units=units,
        trend=trend,
        theme_rates=theme_rates,
        channel_shares=calc.shares(channels, "channel") if not channels.empty else channels,
        status_shares=calc.shares(statuses, "status") if not statuses.empty else statuses,
        theme_source=sources,
        rates=rates,
        resolution=resolution,
        resolution_hist=calc.resolution_histogram(pairs),
        backlog=backlog,
        backlog_buckets=buckets,
        spikes=spikes,
        spike_monthly=spike_monthly,
        summary=summary,
        totals=totals,
    )


def drilldown(
    *,
    engine: Engine,
    scope: Scope = CITY,
    date_from: date | None = None,
    date_to: date | None = None,
    unit_id: int | None = None,
    theme: str | None = None,
    month: date | None = None,
    limit: int = 200,
) -> pd.DataFrame:
    """The complaints behind a chart point, newest first, with personal data **masked**.

    Has ``theme`` (the effective theme: evaluator's label, source's, else the
    prediction or "belum yakin"), ``theme_source`` (evaluator, label, predicted,
    abstained, none), ``theme_predicted`` (bool) and ``working_days`` (to
    resolution; NaN while open). ``theme=""`` selects complaints with no theme
    at all. Only this masked frame may be shown or exported.
    """
    frame = q.complaint_texts(
        engine, scope, date_from, date_to, unit_id=unit_id, theme=theme, month=month, limit=limit
    )
    frame["text"] = mask_personal_data_series(frame["text"])
    frame["theme"] = frame["theme"].map(normalise_theme_key)
    frame["theme_predicted"] = frame["theme_source"].isin(["predicted", "abstained"])
    frame["working_days"] = calc.working_days_between(frame["complaint_date"], frame["resolved_date"])
    return frame


def pending_predictions(*, engine: Engine, scope: Scope) -> dict[str, int]:
    """How many complaints in ``scope`` have no theme yet (``unpredicted``), by kind."""
    return q.count_uncategorised(engine, scope)
