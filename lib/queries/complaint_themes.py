"""The theme tables in the database, read: theme list, topic mapping, labels and rounds, stored models.

Reads only: the statistics live in ``lib.analysis.complaint_themes`` and every write
(themes, mappings, labels, rounds, models, predictions) in ``lib.services.complaint_themes``,
which tells the result store what changed.

The source's own topic (upload column ``kategori_sumber``, stored as
``complaint.source_category`` by the import of channel exports) is read only
if the complaint table has it; otherwise the complaint's ``category`` is the
topic the mapping applies to.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import Connection, Engine, func, select
from sqlalchemy.sql import ColumnElement

from lib.models import (
    Complaint,
    ComplaintThemeDef,
    ThemeLabel,
    ThemeLabelRound,
    ThemeModelRecord,
    TopicThemeMap,
    Unit,
)
from lib.themes import DEFAULT_THEMES, DEFAULT_THRESHOLD, THEME_NAMES, ThemeDef, normalise_theme_key

COMPLAINT = Complaint.__table__
UNIT = Unit.__table__
THEME = ComplaintThemeDef.__table__
TOPIC_MAP = TopicThemeMap.__table__
LABEL = ThemeLabel.__table__
ROUND = ThemeLabelRound.__table__
MODEL = ThemeModelRecord.__table__

_SPACES = re.compile(r"\s+")


# --- the theme list ----------------------------------------------------------------


def theme_definitions(engine: Engine, *, active_only: bool = False) -> list[ThemeDef]:
    """The city's themes in display order; the default set while the table is empty."""
    with engine.connect() as conn:
        rows = conn.execute(select(THEME).order_by(THEME.c.position, THEME.c.key)).all()
    themes = (
        [ThemeDef(r.key, r.name_id, r.name_en, r.training_theme, r.position, bool(r.active)) for r in rows]
        if rows
        else list(DEFAULT_THEMES)
    )
    THEME_NAMES.update({t.key: (t.name_id, t.name_en) for t in themes})
    return [t for t in themes if t.active] if active_only else themes


def training_theme_map(engine: Engine) -> dict[str, str]:
    """Complaint theme → training theme key, for recommendations."""
    return {t.key: t.training_theme for t in theme_definitions(engine) if t.training_theme}


# --- source topics and their mapping -------------------------------------------------


def normalise_topic(value: object) -> str | None:
    """A source topic as the mapping stores it: trimmed, lower case, single spaces (blank: None)."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    text = _SPACES.sub(" ", str(value).strip().lower())
    return text[:200] or None


#: Column names the source's own topic may have on ``complaint`` (the import of channel exports
#: stores the upload's ``kategori_sumber`` as ``source_category``).
SOURCE_TOPIC_COLUMNS = ("source_category", "kategori_sumber")


def source_topic_column() -> ColumnElement[Any]:
    """The complaint's own topic: the source's topic column where the table has it, else ``category``."""
    for name in SOURCE_TOPIC_COLUMNS:
        if name in COMPLAINT.c:
            return func.coalesce(COMPLAINT.c[name], COMPLAINT.c.category)
    return COMPLAINT.c.category


def mapped_topic_join_condition() -> ColumnElement[bool]:
    """ON clause joining ``topic_theme_map`` to ``complaint`` by normalised topic."""
    return TOPIC_MAP.c.source_topic == func.lower(func.trim(source_topic_column()))


def source_topics(engine: Engine) -> pd.DataFrame:
    """Every distinct source topic with its complaint count and current mapping: ``topic``, ``complaints``, ``theme``.

    ``topic`` is normalised (the mapping's key). Topics that already are theme
    keys (e.g. ``waktu``) need no mapping and are marked ``is_theme``.
    """
    topic = func.lower(func.trim(source_topic_column()))
    query = (
        select(topic.label("topic"), func.count().label("complaints"))
        .where(source_topic_column().is_not(None))
        .group_by(topic)
    )
    with engine.connect() as conn:
        counts = pd.read_sql(query, conn)
        mapped = pd.read_sql(select(TOPIC_MAP.c.source_topic, TOPIC_MAP.c.theme_key), conn)
    counts["topic"] = counts["topic"].map(normalise_topic)
    counts = counts.dropna(subset=["topic"]).groupby("topic", as_index=False)["complaints"].sum()
    counts["complaints"] = counts["complaints"].astype("int64")
    theme_keys = {t.key for t in theme_definitions(engine)}
    counts["theme"] = counts["topic"].map(dict(zip(mapped["source_topic"], mapped["theme_key"], strict=True)))
    counts["is_theme"] = counts["topic"].isin(theme_keys)
    return counts.sort_values(["complaints", "topic"], ascending=[False, True]).reset_index(drop=True)


# --- training data and predictions -------------------------------------------------


def training_examples(engine: Engine, *, max_rows: int | None = None) -> pd.DataFrame:
    """``id``, ``text``, ``theme``, ``origin`` ("evaluator" or "source") of every labelled complaint.

    Evaluator labels win over the source's; a source label is the topic
    mapping's theme, else the category when it is a known theme. All evaluator
    labels are kept; source labels are capped at the newest ``max_rows``.
    Themes switched off by the evaluator are left out.
    """
    active = {t.key for t in theme_definitions(engine, active_only=True)}
    c = COMPLAINT
    evaluator = (
        select(c.c.id, c.c.text, LABEL.c.theme_key.label("theme"))
        .select_from(c.join(LABEL, LABEL.c.complaint_id == c.c.id))
        .where(LABEL.c.theme_key.is_not(None))
    )
    labelled_ids = select(LABEL.c.complaint_id).where(LABEL.c.theme_key.is_not(None))
    source = (
        select(
            c.c.id,
            c.c.text,
            func.coalesce(TOPIC_MAP.c.theme_key, c.c.category).label("theme"),
            c.c.complaint_date,
        )
        .select_from(c.outerjoin(TOPIC_MAP, mapped_topic_join_condition()))
        .where(func.coalesce(TOPIC_MAP.c.theme_key, c.c.category).is_not(None))
        .where(c.c.id.not_in(labelled_ids))
        .order_by(c.c.complaint_date.desc(), c.c.id.desc())
    )
    if max_rows is not None:
        source = source.limit(max_rows)
    with engine.connect() as conn:
        by_evaluator = pd.read_sql(evaluator, conn).assign(origin="evaluator")
        by_source = pd.read_sql(source, conn).drop(columns=["complaint_date"]).assign(origin="source")
    by_source["theme"] = by_source["theme"].map(normalise_theme_key)
    frame = pd.concat([by_evaluator, by_source], ignore_index=True)
    frame = frame[
        frame["theme"].isin(active) & frame["text"].map(lambda t: isinstance(t, str) and t.strip() != "")
    ]
    return frame.sort_values("id").reset_index(drop=True)


def texts_to_predict(engine: Engine, *, only_unpredicted: bool = False) -> pd.DataFrame:
    """``id``, ``text`` of complaints with no label of their own (category or evaluator's)."""
    c = COMPLAINT
    labelled_ids = select(LABEL.c.complaint_id).where(LABEL.c.theme_key.is_not(None))
    query = (
        select(c.c.id, c.c.text).where(c.c.category.is_(None), c.c.id.not_in(labelled_ids)).order_by(c.c.id)
    )
    if only_unpredicted:
        query = query.where(c.c.predicted_category.is_(None))
    with engine.connect() as conn:
        return pd.read_sql(query, conn)


# --- stored models -------------------------------------------------------------------


@dataclass(frozen=True)
class ModelMeta:
    """A stored model's description (without its payload)."""

    id: int
    created_at: datetime
    data_hash: str
    n_train: int
    n_evaluator: int
    n_source: int
    classes: list[str]
    cpu_seconds: float
    payload_missing: bool


def _meta(row: Any) -> ModelMeta:
    created = row.created_at
    if created is not None and created.tzinfo is None:
        created = created.replace(tzinfo=UTC)
    return ModelMeta(
        id=int(row.id),
        created_at=created,
        data_hash=row.data_hash,
        n_train=int(row.n_train),
        n_evaluator=int(row.n_evaluator),
        n_source=int(row.n_source),
        classes=json.loads(row.classes),
        cpu_seconds=float(row.cpu_seconds),
        payload_missing=not bool(row.has_payload),
    )


def latest_model_meta(engine: Engine) -> ModelMeta | None:
    """The newest stored model, or None if none was ever trained."""
    query = (
        select(
            MODEL.c.id,
            MODEL.c.created_at,
            MODEL.c.data_hash,
            MODEL.c.n_train,
            MODEL.c.n_evaluator,
            MODEL.c.n_source,
            MODEL.c.classes,
            MODEL.c.cpu_seconds,
            MODEL.c.payload.is_not(None).label("has_payload"),
        )
        .order_by(MODEL.c.id.desc())
        .limit(1)
    )
    with engine.connect() as conn:
        row = conn.execute(query).first()
    return None if row is None else _meta(row)


def model_payload(engine: Engine, model_id: int) -> bytes | None:
    """The pickled model ``model_id`` as stored (None once a newer model took its place)."""
    with engine.connect() as conn:
        payload = conn.execute(select(MODEL.c.payload).where(MODEL.c.id == model_id)).scalar_one()
    return None if payload is None else bytes(payload)


# --- labelling rounds ------------------------------------------------------------------


def predicted_population() -> Any:
    """Complaints whose theme is a prediction: no category, no evaluator label, no mapped topic."""
    c = COMPLAINT
    labelled_ids = select(LABEL.c.complaint_id).where(LABEL.c.theme_key.is_not(None))
    return (
        select(c.c.id, c.c.predicted_category, c.c.predicted_confidence)
        .select_from(c.outerjoin(TOPIC_MAP, mapped_topic_join_condition()))
        .where(
            c.c.category.is_(None),
            TOPIC_MAP.c.theme_key.is_(None),
            c.c.predicted_category.is_not(None),
            c.c.id.not_in(labelled_ids),
        )
    )


@dataclass(frozen=True)
class RoundState:
    """Where a labelling round stands."""

    id: int
    created_at: datetime
    model_id: int | None
    strata: dict[str, int]
    sample_size: int
    labelled: int
    skipped: int
    closed: bool
    threshold: float | None


def _round_state(conn: Connection, row: Any) -> RoundState:
    labelled, skipped = conn.execute(
        select(
            func.count(LABEL.c.theme_key),
            func.count().filter(LABEL.c.theme_key.is_(None) & LABEL.c.labelled_at.is_not(None)),
        ).where(LABEL.c.round_id == row.id)
    ).one()
    created = row.created_at if row.created_at.tzinfo else row.created_at.replace(tzinfo=UTC)
    return RoundState(
        id=int(row.id),
        created_at=created,
        model_id=row.model_id,
        strata={str(k): int(v) for k, v in json.loads(row.strata).items()},
        sample_size=int(row.sample_size),
        labelled=int(labelled),
        skipped=int(skipped),
        closed=row.closed_at is not None,
        threshold=row.threshold,
    )


def latest_round(engine: Engine, *, with_labels: bool = False) -> RoundState | None:
    """The newest round (with ``with_labels``: the newest that has at least one label)."""
    query = select(ROUND).order_by(ROUND.c.id.desc())
    if with_labels:
        has = select(LABEL.c.round_id).where(LABEL.c.theme_key.is_not(None))
        query = query.where(ROUND.c.id.in_(has))
    with engine.connect() as conn:
        row = conn.execute(query.limit(1)).first()
        return None if row is None else _round_state(conn, row)


def next_to_label(engine: Engine, round_id: int) -> pd.DataFrame:
    """The next complaint of the round not yet labelled or skipped (0 or 1 row), **unmasked**."""
    c = COMPLAINT
    query = (
        select(
            LABEL.c.complaint_id,
            LABEL.c.position,
            LABEL.c.predicted_theme,
            LABEL.c.predicted_confidence,
            c.c.text,
            c.c.complaint_date,
            UNIT.c.name.label("unit_name"),
        )
        .select_from(LABEL.join(c, c.c.id == LABEL.c.complaint_id).join(UNIT, UNIT.c.id == c.c.unit_id))
        .where(LABEL.c.round_id == round_id, LABEL.c.labelled_at.is_(None))
        .order_by(LABEL.c.position)
        .limit(1)
    )
    with engine.connect() as conn:
        return pd.read_sql(query, conn)


def round_labels(engine: Engine, round_id: int) -> pd.DataFrame:
    """The round's labelled complaints: ``stratum``, ``predicted``, ``confidence``, ``label``."""
    query = select(
        LABEL.c.stratum,
        LABEL.c.predicted_theme.label("predicted"),
        LABEL.c.predicted_confidence.label("confidence"),
        LABEL.c.theme_key.label("label"),
    ).where(LABEL.c.round_id == round_id, LABEL.c.theme_key.is_not(None))
    with engine.connect() as conn:
        return pd.read_sql(query, conn)


def current_threshold(conn_or_engine: Engine | Connection) -> float:
    """The abstention threshold in force: the newest closed round's choice, else the default."""
    query = (
        select(ROUND.c.threshold)
        .where(ROUND.c.closed_at.is_not(None), ROUND.c.threshold.is_not(None))
        .order_by(ROUND.c.id.desc())
        .limit(1)
    )
    if isinstance(conn_or_engine, Connection):
        value = conn_or_engine.execute(query).scalar()
    else:
        with conn_or_engine.connect() as conn:
            value = conn.execute(query).scalar()
    return DEFAULT_THRESHOLD if value is None else float(value)


def label_counts(engine: Engine) -> dict[str, int]:
    """Complaints labelled by an evaluator (all rounds) and predicted ones awaiting a label."""
    with engine.connect() as conn:
        labelled = conn.execute(select(func.count(LABEL.c.theme_key))).scalar_one()
        predicted = conn.execute(
            select(func.count()).select_from(predicted_population().subquery())
        ).scalar_one()
    return {"evaluator": int(labelled), "predicted": int(predicted)}
