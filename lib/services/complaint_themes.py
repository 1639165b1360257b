"""Complaint themes: every write (theme list, topic mapping, labels, rounds, models, predictions) and the background job.

The one module that writes theme data outside an import. The tables are read by
:mod:`lib.queries.complaint_themes` and the model is fitted and measured by the pure
functions of :mod:`lib.analysis.complaint_themes`; here they are combined. Every
write that changes what a model learns from (themes, mappings, closed labelling
rounds) tells the result store that ``theme_labels`` changed, so the background
worker retrains; writing predictions tells it ``theme_predictions`` changed
(derived data: it never bumps ``theme_labels`` or ``complaint``).

Training never runs inside a page or an import: :func:`refresh_theme_model` runs in
the background worker (job :data:`THEME_MODEL_JOB`, registered here and listed in
``lib.results.catalog``) and the CLI (``complaints --classify``).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import numpy as np
from sqlalchemy import Connection, Engine, bindparam, delete, func, insert, select, update

from lib.analysis.complaint_themes import (
    MIN_LABELLED,
    ROUND_SIZE,
    ThemeModel,
    ThemeStatus,
    ThresholdChoice,
    allocate_sample,
    choose_threshold,
    dump_model,
    load_model,
    predict_themes,
    sample_quality,
    train_theme_classifier,
    training_data_hash,
)
from lib.queries import complaint_themes as store
from lib.queries.complaint_themes import COMPLAINT, LABEL, MODEL, ROUND, THEME, TOPIC_MAP
from lib.results import analysis, enqueue, mark_changed, read_result
from lib.results.store import last_changed
from lib.themes import DEFAULT_THEMES, ThemeDef, ThemeEditError, validate_theme_definitions

#: Stored models that keep their payload (older ones keep only their metadata).
KEEP_PAYLOADS = 3


def _now() -> datetime:
    return datetime.now(UTC)


def _mark(conn: Connection, *sources: str) -> None:
    """Tell the result store which inputs changed, in the writing transaction."""
    mark_changed(conn, *sources)


# --- the theme list ----------------------------------------------------------------


def save_theme_definitions(*, engine: Engine, themes: Sequence[ThemeDef]) -> None:
    """Replace the theme list (one transaction). Themes in use are deactivated, never deleted."""
    validate_theme_definitions(themes)
    keys = {t.key for t in themes}
    with engine.begin() as conn:
        previous = {r.key for r in conn.execute(select(THEME.c.key))} or {t.key for t in DEFAULT_THEMES}
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


def save_topic_mapping(*, engine: Engine, mapping: dict[str, str | None], user: str | None = None) -> int:
    """Set (theme key) or remove (None) the theme of source topics; returns topics changed.

    Mapped topics are labels by the source: they feed training and are never
    shown as predictions.
    """
    keys = {t.key for t in store.theme_definitions(engine)}
    rows: dict[str, str | None] = {}
    for raw, theme in mapping.items():
        topic = store.normalise_topic(raw)
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


# --- predictions and stored models ----------------------------------------------------


def store_predictions(*, engine: Engine, predictions: Iterable[tuple[int, str | None, float | None]]) -> int:
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


def store_model(
    *,
    engine: Engine,
    payload: bytes,
    data_hash: str,
    n_train: int,
    n_evaluator: int,
    n_source: int,
    classes: Sequence[str],
    cpu_seconds: float,
    data_read_at: datetime | None = None,
) -> int:
    """Insert a new model version; older versions beyond :data:`KEEP_PAYLOADS` lose their payload.

    ``data_read_at`` (stored as the model's time) is when its training data was read: a label
    saved while the model was fitting is newer than the model, so it retrains the next one.
    """
    with engine.begin() as conn:
        model_id = conn.execute(
            insert(MODEL)
            .values(
                created_at=data_read_at or _now(),
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


_MODEL_CACHE: dict[tuple[str, int], ThemeModel] = {}
_MODEL_LOCK = threading.Lock()


def load_model_payload(*, engine: Engine, model_id: int) -> ThemeModel:
    """The stored model ``model_id`` (cached per process: models never change once stored)."""
    key = (engine.url.render_as_string(hide_password=True), int(model_id))
    with _MODEL_LOCK:
        cached = _MODEL_CACHE.get(key)
    if cached is not None:
        return cached
    payload = store.model_payload(engine, model_id)
    if payload is None:
        raise LookupError(f"theme model {model_id} has no stored payload")
    model = load_model(payload)
    with _MODEL_LOCK:
        if len(_MODEL_CACHE) >= 4:
            _MODEL_CACHE.pop(next(iter(_MODEL_CACHE)))
        _MODEL_CACHE[key] = model
    return model


# --- labelling rounds ------------------------------------------------------------------


def start_label_round(
    *, engine: Engine, user: str | None = None, size: int = ROUND_SIZE, seed: int | None = None
) -> int | None:
    """Draw a new round: a random sample of predicted complaints, stratified by predicted theme.

    Unlabelled leftovers of earlier rounds are dropped (their labels, if any,
    stay). Returns the round id, or None when nothing is predicted.
    """
    population = store.predicted_population().subquery()
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
    meta = store.latest_model_meta(engine)
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


def save_label(*, engine: Engine, complaint_id: int, theme: str | None, user: str | None = None) -> None:
    """Record an evaluator's theme for a complaint in a round (None: skipped, e.g. unreadable)."""
    if theme is not None and theme not in {t.key for t in store.theme_definitions(engine)}:
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


def close_round(*, engine: Engine, round_id: int) -> ThresholdChoice:
    """Finish a round: choose the abstention threshold from its labels and let the worker retrain."""
    with engine.connect() as conn:
        row = conn.execute(select(ROUND).where(ROUND.c.id == round_id)).one()
    sizes = {str(k): int(v) for k, v in json.loads(row.strata).items()}
    choice = choose_threshold(store.round_labels(engine, round_id), sizes)
    with engine.begin() as conn:
        conn.execute(
            update(ROUND)
            .where(ROUND.c.id == round_id)
            .values(closed_at=_now(), threshold=choice.threshold if choice.from_sample else None)
        )
        conn.execute(delete(LABEL).where(LABEL.c.round_id == round_id, LABEL.c.theme_key.is_(None)))
        _mark(conn, "theme_labels")
    return choice


# --- the background job --------------------------------------------------------------

#: Labelled complaints used at most (evaluator labels always, then the newest source labels).
MAX_TRAINING_ROWS = 20_000
#: Complaints predicted per batch (progress is reported after each).
PREDICT_BATCH = 5_000
#: New source labels alone (the categories an import brings) retrain the model at most this
#: often; in between, the stored model predicts the new complaints. Fitting takes 40–80 s of
#: CPU at city scale, and 10,000 imported complaints move a model fitted on 20,000 labels by
#: little, while every figure on the Pengaduan page waits for the themes of new complaints.
#: What the evaluators decide (labels, topic mapping, theme list) retrains at once.
RETRAIN_AFTER = timedelta(days=7)

Progress = Callable[[str, float], None]


def _no_progress(stage: str, fraction: float) -> None:
    return None


@dataclass
class ClassificationRun:
    """What :func:`refresh_theme_model` did: trained or reused a model, and how many complaints it predicted."""

    predicted: int
    seconds: float
    model_id: int | None = None
    trained: bool = False
    n_train: int = 0
    cpu_seconds: float = 0.0
    reason: str | None = None
    quality: None = field(default=None, repr=False)  # kept for old callers: never a cross-validated figure


def training_due(
    *,
    meta: store.ModelMeta | None,
    digest: str,
    themes: Sequence[str],
    labels_changed_at: datetime | None,
    now: datetime,
) -> bool:
    """Whether to fit a new model rather than predict with the stored one.

    Yes when there is none (or its payload is gone); never when the labelled data is the
    same; otherwise when the evaluators changed something since the model's data was read,
    when the data holds a theme the model cannot predict (or lost one), or when the model is
    older than :data:`RETRAIN_AFTER`. New source labels alone wait for that age.
    """
    if meta is None or meta.payload_missing:
        return True
    if meta.data_hash == digest:
        return False
    if labels_changed_at is not None and labels_changed_at > meta.created_at:
        return True
    if set(themes) != set(meta.classes):
        return True
    return now - meta.created_at >= RETRAIN_AFTER


def refresh_theme_model(
    *,
    engine: Engine,
    progress: Progress | None = None,
    seed: int = 0,
    repredict_all: bool = False,
) -> ClassificationRun:
    """Train a new model when :func:`training_due`, store it, and predict what needs predicting.

    Runs in the background worker and the CLI (``complaints --classify``), never
    in a page or an import. A new model re-predicts every complaint without a
    label; an unchanged one predicts only the complaints never predicted (after
    an import), unless ``repredict_all``.
    """
    report = progress or _no_progress
    started = time.perf_counter()
    report("read", 0.0)
    data = store.training_examples(engine, max_rows=MAX_TRAINING_ROWS)
    if len(data) < MIN_LABELLED or data["theme"].nunique() < 2:
        return ClassificationRun(0, time.perf_counter() - started, reason="too_few_labelled")
    read_at = _now()
    digest = training_data_hash(data["id"].tolist(), data["theme"].tolist(), data["text"].tolist())
    meta = store.latest_model_meta(engine)
    trained = False
    cpu = 0.0
    if training_due(
        meta=meta,
        digest=digest,
        themes=sorted(data["theme"].unique()),
        labels_changed_at=last_changed(engine).get("theme_labels"),
        now=read_at,
    ):
        report("train", 0.1)
        cpu_start = time.thread_time()
        model = train_theme_classifier(data["text"].tolist(), data["theme"].tolist(), seed=seed)
        cpu = time.thread_time() - cpu_start
        model_id = store_model(
            engine=engine,
            payload=dump_model(model),
            data_hash=digest,
            n_train=len(data),
            n_evaluator=int((data["origin"] == "evaluator").sum()),
            n_source=int((data["origin"] == "source").sum()),
            classes=model.classes,
            cpu_seconds=cpu,
            data_read_at=read_at,
        )
        trained = True
    else:
        model_id = meta.id
        model = load_model_payload(engine=engine, model_id=model_id)
    targets = store.texts_to_predict(engine, only_unpredicted=not (trained or repredict_all))
    written = 0
    total = max(len(targets), 1)
    for begin in range(0, len(targets), PREDICT_BATCH):
        part = targets.iloc[begin : begin + PREDICT_BATCH]
        predictions = predict_themes(model, part["text"].tolist())
        written += store_predictions(
            engine=engine,
            predictions=zip(
                part["id"].tolist(),
                predictions["theme"].tolist(),
                predictions["confidence"].round(4).tolist(),
                strict=True,
            ),
        )
        report("predict", 0.3 + 0.7 * (begin + len(part)) / total)
    report("done", 1.0)
    return ClassificationRun(
        predicted=written,
        seconds=time.perf_counter() - started,
        model_id=model_id,
        trained=trained,
        n_train=len(data),
        cpu_seconds=cpu,
    )


def classify_uncategorised(
    *, engine: Engine, only_unpredicted: bool = False, seed: int = 0, progress: Progress | None = None
) -> ClassificationRun:
    """Compatibility name for :func:`refresh_theme_model` (demo load, CLI): trains only if labels changed."""
    return refresh_theme_model(
        engine=engine, progress=progress, seed=seed, repredict_all=not only_unpredicted
    )


def theme_status(
    *,
    engine: Engine,
) -> ThemeStatus:
    """Read the theme model's state for display: a few small queries and the sample statistics, no training."""

    job = read_result(engine, THEME_MODEL_JOB, {})
    measured = store.latest_round(engine, with_labels=True)
    newest = store.latest_round(engine)
    quality = choice = None
    if measured is not None:
        labels = store.round_labels(engine, measured.id)
        quality = sample_quality(labels, measured.strata)
        choice = choose_threshold(labels, measured.strata)
    return ThemeStatus(
        model=store.latest_model_meta(engine),
        round=measured,
        open_round=newest if newest is not None and not newest.closed else None,
        quality=quality,
        threshold=store.current_threshold(engine),
        threshold_choice=choice,
        counts=store.label_counts(engine),
        refreshing=job is not None and (job.refreshing or not job.fresh),
    )


# --- the background job ------------------------------------------------------------

#: Name of the job that trains (when labels changed) and predicts; see :func:`theme_model_job`.
THEME_MODEL_JOB = "complaints.theme_model"


def _register_job() -> None:
    @analysis(
        THEME_MODEL_JOB,
        sources=("theme_labels", "complaint"),
        standard_params=lambda engine: [{}],
    )
    def theme_model_job(engine: Engine) -> dict[str, object]:
        """Kept fresh by the worker: retrains when labels changed, predicts new complaints after an import."""
        run = refresh_theme_model(engine=engine)
        return {
            "model_id": run.model_id,
            "trained": run.trained,
            "n_train": run.n_train,
            "cpu_seconds": round(run.cpu_seconds, 2),
            "predicted": run.predicted,
            "reason": run.reason,
        }


_register_job()


def request_theme_refresh(
    *,
    engine: Engine,
) -> None:
    """Ask the background worker to predict (and retrain if needed) soon; returns at once."""
    enqueue(engine, THEME_MODEL_JOB)
