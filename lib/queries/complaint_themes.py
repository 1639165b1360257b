"""The theme tables in the database: theme list, topic mapping, labels and rounds, stored models.

Reads and writes only; the statistics live in ``lib.analysis.complaint_themes``.
Every write that changes what a model learns from (themes, mappings, closed
labelling rounds) tells the result store that ``theme_labels`` changed, so the
background worker retrains; writing predictions tells it ``theme_predictions``
changed (derived data: it never bumps ``theme_labels`` or ``complaint``).

The source's own topic (upload column ``kategori_sumber``, stored as
``complaint.source_category`` by the import of channel exports) is read only
if the complaint table has it; otherwise the complaint's ``category`` is the
topic the mapping applies to.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import Connection, Engine, bindparam, delete, func, insert, select, update
from sqlalchemy.sql import ColumnElement

from lib.analysis import complaint_themes as ct
from lib.models import (
    Complaint,
    ComplaintThemeDef,
    ThemeLabel,
    ThemeLabelRound,
    ThemeModelRecord,
    TopicThemeMap,
    Unit,
)

COMPLAINT = Complaint.__table__
UNIT = Unit.__table__
THEME = ComplaintThemeDef.__table__
TOPIC_MAP = TopicThemeMap.__table__
LABEL = ThemeLabel.__table__
ROUND = ThemeLabelRound.__table__
MODEL = ThemeModelRecord.__table__

#: Stored models that keep their payload (older ones keep only their metadata).
KEEP_PAYLOADS = 3
#: Default size of a labelling round, and the least per predicted theme.
ROUND_SIZE = 200
MIN_PER_STRATUM = 5
_KEY = re.compile(r"^[a-z][a-z0-9_]{1,39}$")
_SPACES = re.compile(r"\s+")


def _now() -> datetime:
    return datetime.now(UTC)


def _mark(conn: Connection, *sources: str) -> None:
    """Tell the result store which inputs changed (no-op until ``lib.results`` exists)."""
    try:
        from lib.results import mark_changed
    except ImportError:  # pragma: no cover - before the result store is merged
        return
    mark_changed(conn, *sources)


# --- the theme list ----------------------------------------------------------------


def theme_definitions(engine: Engine, *, active_only: bool = False) -> list[ct.ThemeDef]:
    """The city's themes in display order; the default set while the table is empty."""
    with engine.connect() as conn:
        rows = conn.execute(select(THEME).order_by(THEME.c.position, THEME.c.key)).all()
    themes = (
        [ct.ThemeDef(r.key, r.name_id, r.name_en, r.training_theme, r.position, bool(r.active)) for r in rows]
        if rows
        else list(ct.DEFAULT_THEMES)
    )
    ct.THEME_NAMES.update({t.key: (t.name_id, t.name_en) for t in themes})
    return [t for t in themes if t.active] if active_only else themes


class ThemeEditError(ValueError):
    """An edit of the theme list or the topic mapping that cannot be saved; ``key`` names the message."""

    def __init__(self, message_key: str, **params: object) -> None:
        super().__init__(message_key)
        self.key = message_key
        self.params = params


def validate_theme_definitions(themes: Sequence[ct.ThemeDef]) -> None:
    """Keys unique and of the form ``jalan_drainase``, names given, training themes known."""
    seen: set[str] = set()
    for theme in themes:
        if not _KEY.match(theme.key):
            raise ThemeEditError("complaints.themes.bad_key", key=theme.key)
        if theme.key in seen:
            raise ThemeEditError("complaints.themes.duplicate", key=theme.key)
        seen.add(theme.key)
        if not theme.name_id.strip() or not theme.name_en.strip():
            raise ThemeEditError("complaints.themes.no_name", key=theme.key)
        if theme.training_theme is not None and theme.training_theme not in ct.TRAINING_THEMES:
            raise ThemeEditError("complaints.themes.bad_training", key=theme.key, value=theme.training_theme)
    if not any(t.active for t in themes):
        raise ThemeEditError("complaints.themes.none_active")


def save_theme_definitions(engine: Engine, themes: Sequence[ct.ThemeDef]) -> None:
    """Replace the theme list (one transaction). Themes in use are deactivated, never deleted."""
    validate_theme_definitions(themes)
    keys = {t.key for t in themes}
    with engine.begin() as conn:
        previous = {r.key for r in conn.execute(select(THEME.c.key))} or {t.key for t in ct.DEFAULT_THEMES}
        missing = previous - keys
        if missing:
            raise ThemeEditError("complaints.themes.removed", keys=", ".join(sorted(missing)))
        conn.execute(delete(THEME))
        conn.execute(
            insert(THEME),
            [
                {
                    "key": t.key,
                    "name_id": t.name_id.strip(),
                    "name_en": t.name_en.strip(),
                    "training_theme": t.training_theme,
                    "position": i,
                    "active": bool(t.active),
                }
                for i, t in enumerate(themes)
            ],
        )
        _mark(conn, "theme_labels")


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


def save_topic_mapping(engine: Engine, mapping: dict[str, str | None], *, user: str | None = None) -> int:
    """Set (theme key) or remove (None) the theme of source topics; returns topics changed.

    Mapped topics are labels by the source: they feed training and are never
    shown as predictions.
    """
    keys = {t.key for t in theme_definitions(engine)}
    rows: dict[str, str | None] = {}
    for raw, theme in mapping.items():
        topic = normalise_topic(raw)
        if topic is None:
            continue
        if theme is not None and theme not in keys:
            raise ThemeEditError("complaints.mapping.unknown_theme", topic=raw, theme=theme)
        rows[topic] = theme
    if not rows:
        return 0
    with engine.begin() as conn:
        conn.execute(delete(TOPIC_MAP).where(TOPIC_MAP.c.source_topic.in_(list(rows))))
        values = [
            {"source_topic": k, "theme_key": v, "updated_at": _now(), "updated_by": user}
            for k, v in rows.items()
            if v is not None
        ]
        if values:
            conn.execute(insert(TOPIC_MAP), values)
        _mark(conn, "theme_labels")
    return len(rows)


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
    by_source["theme"] = by_source["theme"].map(ct.normalise_theme_key)
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


def store_predictions(engine: Engine, predictions: Iterable[tuple[int, str | None, float | None]]) -> int:
    """Write (id, predicted theme, confidence) in one transaction; tells the store ``theme_predictions`` changed."""
    rows = [
        {"row_id": int(i), "predicted": theme, "confidence": None if conf is None else float(conf)}
        for i, theme, conf in predictions
    ]
    if not rows:
        return 0
    statement = (
        update(COMPLAINT)
        .where(COMPLAINT.c.id == bindparam("row_id"))
        .values(predicted_category=bindparam("predicted"), predicted_confidence=bindparam("confidence"))
    )
    with engine.begin() as conn:
        conn.execute(statement.execution_options(synchronize_session=False), rows)
        _mark(conn, "theme_predictions")
    return len(rows)


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


def store_model(
    engine: Engine,
    *,
    payload: bytes,
    data_hash: str,
    n_train: int,
    n_evaluator: int,
    n_source: int,
    classes: Sequence[str],
    cpu_seconds: float,
) -> int:
    """Insert a new model version; older versions beyond :data:`KEEP_PAYLOADS` lose their payload."""
    with engine.begin() as conn:
        model_id = conn.execute(
            insert(MODEL)
            .values(
                created_at=_now(),
                data_hash=data_hash,
                n_train=n_train,
                n_evaluator=n_evaluator,
                n_source=n_source,
                classes=json.dumps(list(classes)),
                cpu_seconds=round(float(cpu_seconds), 3),
                payload=payload,
            )
            .returning(MODEL.c.id)
        ).scalar_one()
        keep = select(MODEL.c.id).order_by(MODEL.c.id.desc()).limit(KEEP_PAYLOADS).scalar_subquery()
        conn.execute(update(MODEL).where(MODEL.c.id.not_in(keep)).values(payload=None))
    return int(model_id)


_MODEL_CACHE: dict[tuple[str, int], ct.ThemeModel] = {}
_MODEL_LOCK = threading.Lock()


def load_model_payload(engine: Engine, model_id: int) -> ct.ThemeModel:
    """The stored model ``model_id`` (cached per process: models never change once stored)."""
    key = (engine.url.render_as_string(hide_password=True), int(model_id))
    with _MODEL_LOCK:
        cached = _MODEL_CACHE.get(key)
    if cached is not None:
        return cached
    with engine.connect() as conn:
        payload = conn.execute(select(MODEL.c.payload).where(MODEL.c.id == model_id)).scalar_one()
    if payload is None:
        raise LookupError(f"theme model {model_id} has no stored payload")
    model = ct.load_model(bytes(payload))
    with _MODEL_LOCK:
        if len(_MODEL_CACHE) >= 4:
            _MODEL_CACHE.pop(next(iter(_MODEL_CACHE)))
        _MODEL_CACHE[key] = model
    return model


# --- labelling rounds ------------------------------------------------------------------


def _predicted_population() -> Any:
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


def allocate_sample(sizes: dict[str, int], total: int, minimum: int = MIN_PER_STRATUM) -> dict[str, int]:
    """Sample size per stratum: proportional to its size, at least ``minimum`` (or all it has)."""
    population = sum(sizes.values())
    if population == 0 or total <= 0:
        return {h: 0 for h in sizes}
    allocation = {h: min(n, max(minimum, int(round(total * n / population)))) for h, n in sizes.items()}
    return allocation


def start_label_round(
    engine: Engine, *, user: str | None = None, size: int = ROUND_SIZE, seed: int | None = None
) -> int | None:
    """Draw a new round: a random sample of predicted complaints, stratified by predicted theme.

    Unlabelled leftovers of earlier rounds are dropped (their labels, if any,
    stay). Returns the round id, or None when nothing is predicted.
    """
    population = _predicted_population().subquery()
    with engine.connect() as conn:
        sizes = {
            str(theme): int(n)
            for theme, n in conn.execute(
                select(population.c.predicted_category, func.count()).group_by(
                    population.c.predicted_category
                )
            )
        }
    if not sizes:
        return None
    allocation = allocate_sample(sizes, size)
    rng = np.random.default_rng(seed)
    chosen: list[tuple[int, str, float | None]] = []
    with engine.connect() as conn:
        for stratum, n in allocation.items():
            if n <= 0:
                continue
            ids = conn.execute(
                select(population.c.id, population.c.predicted_confidence).where(
                    population.c.predicted_category == stratum
                )
            ).all()
            picks = rng.choice(len(ids), size=min(n, len(ids)), replace=False)
            chosen += [(int(ids[i].id), stratum, ids[i].predicted_confidence) for i in picks]
    order = rng.permutation(len(chosen))
    meta = latest_model_meta(engine)
    with engine.begin() as conn:
        conn.execute(delete(LABEL).where(LABEL.c.theme_key.is_(None)))
        conn.execute(update(ROUND).where(ROUND.c.closed_at.is_(None)).values(closed_at=_now()))
        round_id = conn.execute(
            insert(ROUND)
            .values(
                created_at=_now(),
                created_by=user,
                model_id=None if meta is None else meta.id,
                strata=json.dumps(sizes, sort_keys=True),
                sample_size=len(chosen),
            )
            .returning(ROUND.c.id)
        ).scalar_one()
        conn.execute(
            insert(LABEL),
            [
                {
                    "complaint_id": chosen[i][0],
                    "round_id": round_id,
                    "position": position,
                    "stratum": chosen[i][1],
                    "predicted_theme": chosen[i][1],
                    "predicted_confidence": chosen[i][2],
                }
                for position, i in enumerate(order)
            ],
        )
    return int(round_id)


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


def save_label(engine: Engine, complaint_id: int, theme: str | None, *, user: str | None = None) -> None:
    """Record an evaluator's theme for a complaint in a round (None: skipped, e.g. unreadable)."""
    if theme is not None and theme not in {t.key for t in theme_definitions(engine)}:
        raise ThemeEditError("complaints.mapping.unknown_theme", topic=complaint_id, theme=theme)
    with engine.begin() as conn:
        changed = conn.execute(
            update(LABEL)
            .where(LABEL.c.complaint_id == complaint_id)
            .values(theme_key=theme, labelled_by=user, labelled_at=_now())
        ).rowcount
        if not changed:
            conn.execute(
                insert(LABEL).values(
                    complaint_id=complaint_id, theme_key=theme, labelled_by=user, labelled_at=_now()
                )
            )


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


def close_round(engine: Engine, round_id: int) -> ct.ThresholdChoice:
    """Finish a round: choose the abstention threshold from its labels and let the worker retrain."""
    with engine.connect() as conn:
        row = conn.execute(select(ROUND).where(ROUND.c.id == round_id)).one()
    sizes = {str(k): int(v) for k, v in json.loads(row.strata).items()}
    choice = ct.choose_threshold(round_labels(engine, round_id), sizes)
    with engine.begin() as conn:
        conn.execute(
            update(ROUND)
            .where(ROUND.c.id == round_id)
            .values(closed_at=_now(), threshold=choice.threshold if choice.from_sample else None)
        )
        conn.execute(delete(LABEL).where(LABEL.c.round_id == round_id, LABEL.c.theme_key.is_(None)))
        _mark(conn, "theme_labels")
    return choice


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
    return ct.DEFAULT_THRESHOLD if value is None else float(value)


def label_counts(engine: Engine) -> dict[str, int]:
    """Complaints labelled by an evaluator (all rounds) and predicted ones awaiting a label."""
    with engine.connect() as conn:
        labelled = conn.execute(select(func.count(LABEL.c.theme_key))).scalar_one()
        predicted = conn.execute(
            select(func.count()).select_from(_predicted_population().subquery())
        ).scalar_one()
    return {"evaluator": int(labelled), "predicted": int(predicted)}
