"""Complaint aggregations in SQL: counts, resolution date pairs, backlog, service volumes.

Everything is grouped in the database and returned as small tidy frames, so the
analysis (``lib.analysis.complaints``) never loads the complaint table whole.
Resolution times are returned as *distinct (received, resolved) date pairs with
a count*: working days need a calendar (numpy.busday_count), which SQL lacks,
and the pairs are few even when complaints are many.

Every function takes a :class:`~lib.queries.units.Scope` and applies it to the
unit table, and a date range on ``complaint_date`` (inclusive).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import pandas as pd
from sqlalchemy import Engine, and_, case, func, literal_column, or_, select
from sqlalchemy.sql import ColumnElement, Select

from lib.models import Complaint, ServiceStat, ThemeLabel, TopicThemeMap, Unit
from lib.queries.complaint_themes import current_threshold, mapped_topic_join_condition
from lib.queries.sqlfn import first_and_last, minutes_between, month_start
from lib.queries.units import CITY, Scope

COMPLAINT = Complaint.__table__
UNIT = Unit.__table__
SERVICE_STAT = ServiceStat.__table__
LABEL = ThemeLabel.__table__
TOPIC_MAP = TopicThemeMap.__table__

#: Theme of a prediction below the confidence threshold ("belum yakin"), counted apart.
ABSTAIN = "belum_yakin"

#: Status value that means "answered"; anything else (belum, proses) is open.
STATUS_DONE = "selesai"

#: Dimensions :func:`complaint_counts` can group by.
DIMENSIONS = ("unit", "month", "theme", "category", "theme_source", "channel", "status")


def _has_label() -> ColumnElement[bool]:
    """The complaint's theme is a label (by an evaluator or the source), not a prediction."""
    return or_(
        LABEL.c.theme_key.is_not(None), TOPIC_MAP.c.theme_key.is_not(None), COMPLAINT.c.category.is_not(None)
    )


def _confident(threshold: float) -> ColumnElement[bool]:
    # the threshold as literal SQL: a bound parameter would differ between SELECT and GROUP BY
    return COMPLAINT.c.predicted_confidence >= literal_column(repr(float(threshold)))


def _theme(threshold: float) -> ColumnElement[Any]:
    """The theme a complaint counts under, most trusted first: the evaluator's label, the source's
    topic through the mapping, the source's category, the classifier's guess if confident enough,
    else "belum yakin" (:data:`ABSTAIN`)."""
    predicted = case(
        (_confident(threshold), COMPLAINT.c.predicted_category),
        (COMPLAINT.c.predicted_category.is_not(None), literal_column(f"'{ABSTAIN}'")),
        else_=None,
    )
    return func.coalesce(LABEL.c.theme_key, TOPIC_MAP.c.theme_key, COMPLAINT.c.category, predicted)


def _theme_source(threshold: float) -> ColumnElement[Any]:
    """``evaluator``, ``label`` (by the source), ``predicted``, ``abstained`` or ``none``."""
    return case(
        (LABEL.c.theme_key.is_not(None), literal_column("'evaluator'")),
        (TOPIC_MAP.c.theme_key.is_not(None), literal_column("'label'")),
        (COMPLAINT.c.category.is_not(None), literal_column("'label'")),
        (_confident(threshold), literal_column("'predicted'")),
        (COMPLAINT.c.predicted_category.is_not(None), literal_column("'abstained'")),
        else_=literal_column("'none'"),
    )


def _dimension(name: str, threshold: float) -> ColumnElement[Any]:
    columns: dict[str, Any] = {
        "unit": lambda: COMPLAINT.c.unit_id,
        "month": lambda: month_start(COMPLAINT.c.complaint_date),
        "theme": lambda: _theme(threshold),
        "category": lambda: COMPLAINT.c.category,
        "theme_source": lambda: _theme_source(threshold),
        "channel": lambda: COMPLAINT.c.channel,
        "status": lambda: COMPLAINT.c.status,
    }
    return columns[name]()


def _scoped(query: Select[Any], scope: Scope) -> Select[Any]:
    query = query.select_from(
        COMPLAINT.join(UNIT, COMPLAINT.c.unit_id == UNIT.c.id)
        .outerjoin(LABEL, LABEL.c.complaint_id == COMPLAINT.c.id)
        .outerjoin(TOPIC_MAP, mapped_topic_join_condition())
    )
    for condition in scope.where(UNIT):
        query = query.where(condition)
    return query


def _in_range(query: Select[Any], date_from: date | None, date_to: date | None) -> Select[Any]:
    if date_from is not None:
        query = query.where(COMPLAINT.c.complaint_date >= date_from)
    if date_to is not None:
        query = query.where(COMPLAINT.c.complaint_date <= date_to)
    return query


def _read(engine: Engine, query: Select[Any]) -> pd.DataFrame:
    with engine.connect() as conn:
        return pd.read_sql(query, conn)


def _as_dates(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    """Dates come back as ``date`` objects (PostgreSQL) or strings (SQLite); make them Timestamps."""
    for column in columns:
        if column in frame:
            frame[column] = pd.to_datetime(frame[column])
    return frame


def complaint_counts(
    engine: Engine,
    scope: Scope = CITY,
    date_from: date | None = None,
    date_to: date | None = None,
    *,
    by: Sequence[str] = ("unit", "month"),
    labels_only: bool = False,
) -> pd.DataFrame:
    """Complaints received in the range, counted per combination of ``by``.

    ``by`` is a subset of :data:`DIMENSIONS`; ``unit`` yields ``unit_id``, ``month``
    a Timestamp of the month's first day, ``theme`` the effective theme (see
    :func:`_theme`; None when there is none), ``theme_source`` where it came from.
    ``labels_only`` counts only complaints whose theme is a label, for charts
    that exclude predictions. Column ``complaints`` holds the count. Empty
    groups are absent (callers fill zeros where they need them).
    """
    unknown = set(by) - set(DIMENSIONS)
    if unknown:
        raise ValueError(f"unknown complaint dimensions: {sorted(unknown)}")
    threshold = current_threshold(engine) if {"theme", "theme_source"} & set(by) else 0.0
    labels = ["unit_id" if name == "unit" else name for name in by]
    dims = [_dimension(name, threshold).label(label) for name, label in zip(by, labels, strict=True)]
    query = select(*dims, func.count().label("complaints"))
    query = _in_range(_scoped(query, scope), date_from, date_to)
    if labels_only:
        query = query.where(_has_label())
    if dims:
        query = query.group_by(*[_dimension(name, threshold) for name in by])
    frame = _read(engine, query)
    frame["complaints"] = frame["complaints"].astype("int64")
    return _as_dates(frame, "month")


def complaint_date_span(engine: Engine, scope: Scope = CITY) -> tuple[date | None, date | None]:
    """First and last complaint date in scope (None, None when there are none).

    The city's span is two lookups in the date index (every complaint has a unit: the
    foreign key is enforced); a scope joins the unit table only, never the theme tables
    (min and max do not depend on them), so the date is read from the (unit, date) index.
    """
    c = COMPLAINT
    conditions = scope.where(UNIT)
    if not conditions:
        query = select(*first_and_last(c.c.complaint_date))
    else:
        query = (
            select(func.min(c.c.complaint_date), func.max(c.c.complaint_date))
            .select_from(c.join(UNIT, c.c.unit_id == UNIT.c.id))
            .where(*conditions)
        )
    with engine.connect() as conn:
        first, last = conn.execute(query).one()
    return (_to_date(first), _to_date(last))


def complaint_data_end(engine: Engine) -> date | None:
    """The last day the city's complaint data covers: the latest date received *or* resolved.

    Deliberately city-wide, never scoped: it is the "as of" day of every backlog,
    so a unit's open complaints and their ages are the same whatever the filter.
    """
    query = select(func.max(COMPLAINT.c.complaint_date), func.max(COMPLAINT.c.resolved_date))
    with engine.connect() as conn:
        received, resolved = conn.execute(query).one()
    days = [d for d in (_to_date(received), _to_date(resolved)) if d is not None]
    return max(days) if days else None


def _to_date(value: object) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def resolution_date_pairs(
    engine: Engine,
    scope: Scope = CITY,
    date_from: date | None = None,
    date_to: date | None = None,
    *,
    by_theme: bool = False,
    resolved_by: date | None = None,
) -> pd.DataFrame:
    """Resolved complaints received in the range: ``unit_id``, [``theme``], ``complaint_date``, ``resolved_date``, ``complaints``.

    One row per distinct date pair, so that working days can be counted with a
    real calendar in pandas while the database does the grouping.
    ``resolved_by`` keeps only complaints resolved on or before that day, so that
    together with :func:`open_complaint_dates` on the same day every complaint
    is counted once, as resolved or as open.
    """
    columns = [COMPLAINT.c.unit_id]
    threshold = current_threshold(engine) if by_theme else 0.0
    if by_theme:
        columns.append(_theme(threshold).label("theme"))
    columns += [COMPLAINT.c.complaint_date, COMPLAINT.c.resolved_date]
    query = select(*columns, func.count().label("complaints")).where(COMPLAINT.c.resolved_date.is_not(None))
    if resolved_by is not None:
        query = query.where(COMPLAINT.c.resolved_date <= resolved_by)
    query = _in_range(_scoped(query, scope), date_from, date_to)
    group = [COMPLAINT.c.unit_id, COMPLAINT.c.complaint_date, COMPLAINT.c.resolved_date]
    if by_theme:
        group.insert(1, _theme(threshold))
    frame = _read(engine, query.group_by(*group))
    frame["complaints"] = frame["complaints"].astype("int64")
    return _as_dates(frame, "complaint_date", "resolved_date")


def response_minutes(
    engine: Engine,
    scope: Scope = CITY,
    date_from: date | None = None,
    date_to: date | None = None,
    *,
    resolved_by: date | None = None,
) -> pd.DataFrame:
    """Answered complaints whose channel gave both times of day: ``minutes`` to the answer, ``complaints``.

    Grouped by whole minutes in the database (few distinct values). Complaints
    known to the day only are absent: their response time is counted in
    working days by :func:`resolution_date_pairs`.
    """
    minutes = minutes_between(COMPLAINT.c.received_at, COMPLAINT.c.resolved_at)
    query = select(minutes.label("minutes"), func.count().label("complaints")).where(
        COMPLAINT.c.received_at.is_not(None), COMPLAINT.c.resolved_at.is_not(None)
    )
    if resolved_by is not None:
        query = query.where(COMPLAINT.c.resolved_date <= resolved_by)
    query = _in_range(_scoped(query, scope), date_from, date_to)
    frame = _read(engine, query.group_by(minutes))
    return frame.astype({"minutes": "int64", "complaints": "int64"}) if not frame.empty else frame


def _open_at(as_of: date) -> ColumnElement[bool]:
    """Open on ``as_of``: received by then and not yet resolved on that day.

    A resolved date after ``as_of`` means it was still open then, so a backlog can
    be reconstructed for any past day. A status of ``selesai`` without a resolved
    date counts as closed (the date is unknown, the answer was given).
    """
    return and_(
        COMPLAINT.c.complaint_date <= as_of,
        or_(
            COMPLAINT.c.resolved_date > as_of,
            and_(COMPLAINT.c.resolved_date.is_(None), COMPLAINT.c.status != STATUS_DONE),
        ),
    )


def open_complaint_dates(
    engine: Engine,
    scope: Scope = CITY,
    as_of: date | None = None,
    *,
    received_from: date | None = None,
    by_theme: bool = False,
) -> pd.DataFrame:
    """Complaints open on ``as_of``: ``unit_id``, [``theme``], ``complaint_date``, ``complaints``.

    ``as_of`` defaults to today. ``received_from`` limits to complaints received
    on or after that day (None: the whole backlog, however old).
    """
    as_of = as_of or date.today()
    columns = [COMPLAINT.c.unit_id]
    group = [COMPLAINT.c.unit_id, COMPLAINT.c.complaint_date]
    if by_theme:
        threshold = current_threshold(engine)
        columns.append(_theme(threshold).label("theme"))
        group.insert(1, _theme(threshold))
    query = select(*columns, COMPLAINT.c.complaint_date, func.count().label("complaints"))
    query = _in_range(_scoped(query, scope), received_from, None).where(_open_at(as_of))
    frame = _read(engine, query.group_by(*group))
    frame["complaints"] = frame["complaints"].astype("int64")
    return _as_dates(frame, "complaint_date")


def service_volumes(
    engine: Engine, scope: Scope = CITY, date_from: date | None = None, date_to: date | None = None
) -> pd.DataFrame:
    """Service statistics rows lying wholly inside the range: ``unit_id``, ``period_start``, ``period_end``, ``services``.

    Complaint rates use only periods a unit reported services for, so a partly
    covered period never enters a denominator.
    """
    s = SERVICE_STAT
    query = select(s.c.unit_id, s.c.period_start, s.c.period_end, s.c.services).select_from(
        s.join(UNIT, s.c.unit_id == UNIT.c.id)
    )
    for condition in scope.where(UNIT):
        query = query.where(condition)
    if date_from is not None:
        query = query.where(s.c.period_start >= date_from)
    if date_to is not None:
        query = query.where(s.c.period_end <= date_to)
    frame = _read(engine, query)
    frame["services"] = frame["services"].astype("int64")
    return _as_dates(frame, "period_start", "period_end")


def complaint_texts(
    engine: Engine,
    scope: Scope = CITY,
    date_from: date | None = None,
    date_to: date | None = None,
    *,
    unit_id: int | None = None,
    theme: str | None = None,
    month: date | None = None,
    status: str | None = None,
    limit: int = 200,
) -> pd.DataFrame:
    """The complaints behind a chart point, newest first, **unmasked** (mask before showing).

    ``theme`` matches the effective theme (see :func:`_theme`); ``theme=""``
    selects complaints with none. Adds ``theme``, ``theme_source`` and
    ``evaluator_theme``.
    """
    c = COMPLAINT
    threshold = current_threshold(engine)
    query = select(
        c.c.id,
        c.c.number,
        c.c.complaint_date,
        c.c.unit_id,
        UNIT.c.code.label("unit_code"),
        UNIT.c.name.label("unit_name"),
        c.c.channel,
        c.c.category,
        c.c.predicted_category,
        c.c.predicted_confidence,
        c.c.status,
        c.c.resolved_date,
        c.c.text,
        LABEL.c.theme_key.label("evaluator_theme"),
        _theme(threshold).label("theme"),
        _theme_source(threshold).label("theme_source"),
    )
    query = _in_range(_scoped(query, scope), date_from, date_to)
    if unit_id is not None:
        query = query.where(c.c.unit_id == unit_id)
    if theme == "":
        query = query.where(_theme(threshold).is_(None))
    elif theme is not None:
        query = query.where(_theme(threshold) == theme)
    if month is not None:
        query = query.where(month_start(c.c.complaint_date) == date(month.year, month.month, 1))
    if status is not None:
        query = query.where(c.c.status == status)
    query = query.order_by(c.c.complaint_date.desc(), c.c.id.desc()).limit(limit)
    return _as_dates(_read(engine, query), "complaint_date", "resolved_date")


# --- classifier data ---------------------------------------------------------


def labelled_complaint_texts(engine: Engine, *, max_rows: int | None = None) -> pd.DataFrame:
    """``id``, ``text``, ``category`` of complaints that carry a category (newest first when capped)."""
    c = COMPLAINT
    query = (
        select(c.c.id, c.c.text, c.c.category)
        .where(c.c.category.is_not(None))
        .order_by(c.c.complaint_date.desc(), c.c.id.desc())
    )
    if max_rows is not None:
        query = query.limit(max_rows)
    return _read(engine, query)


def uncategorised_complaint_texts(engine: Engine, *, only_unpredicted: bool = False) -> pd.DataFrame:
    """``id``, ``text`` of complaints without a category (optionally only those never predicted)."""
    c = COMPLAINT
    query = select(c.c.id, c.c.text).where(c.c.category.is_(None)).order_by(c.c.id)
    if only_unpredicted:
        query = query.where(c.c.predicted_category.is_(None))
    return _read(engine, query)


def theme_label_fingerprint(engine: Engine) -> tuple[tuple[str, int, int], ...]:
    """Per category: (category, count, max id). Changes whenever labelled complaints change.

    Cheap enough to call on every page view, so a cached classifier is retrained
    exactly when its training data changed.
    """
    c = COMPLAINT
    query = (
        select(c.c.category, func.count(), func.max(c.c.id))
        .where(c.c.category.is_not(None))
        .group_by(c.c.category)
        .order_by(c.c.category)
    )
    with engine.connect() as conn:
        return tuple((str(cat), int(n), int(top)) for cat, n, top in conn.execute(query))


def count_uncategorised(engine: Engine, scope: Scope = CITY) -> dict[str, int]:
    """``{"uncategorised": …, "unpredicted": …}`` for complaints in scope.

    Joins the unit table only (for the scope): the theme tables cannot change a count
    (at most one label per complaint, one mapping per topic) and cost a lookup per row.
    """
    query = (
        select(
            func.count(),
            func.count(case((COMPLAINT.c.predicted_category.is_(None), 1))),
        )
        .select_from(COMPLAINT.join(UNIT, COMPLAINT.c.unit_id == UNIT.c.id))
        .where(COMPLAINT.c.category.is_(None), *scope.where(UNIT))
    )
    with engine.connect() as conn:
        total, unpredicted = conn.execute(query).one()
    return {"uncategorised": int(total), "unpredicted": int(unpredicted)}
