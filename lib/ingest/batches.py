"""The import log: running an import as one transaction, recognising repeats, listing, undoing.

Decisions a caller must know:

* A refused upload writes no data, but is listed in the history with
  outcome ``refused`` and the reason, so that an evaluator can see what was
  tried. A dry run writes nothing at all.
* The same file (same bytes, same kind, same ``--unit``/U8-U9 choice) is
  imported once; a repeat is answered with the earlier import's number.
* Undo restores exactly what one import added or changed. It is refused when
  a later import, still in force, changed the same records again or stored
  records that depend on them (undo that one first); the demo load is not
  undone here.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import pandas as pd
from sqlalchemy import (
    Connection,
    Date,
    DateTime,
    Engine,
    and_,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.exc import SQLAlchemyError

from lib.auth.audit import Action, record
from lib.i18n import DEFAULT_LANGUAGE, translate
from lib.ingest.pipeline import PreparedUpload, Progress
from lib.ingest.problems import Problem
from lib.ingest.writers import WRITERS, WriteCounts
from lib.models import TABLES_IN_LOAD_ORDER, ImportBatch, ImportChange
from lib.queries.aggregates import subtract_import_from_survey_monthly
from lib.results.registry import SOURCES
from lib.results.store import mark_changed

IMPORTED, REFUSED, UNDONE, DUPLICATE, DRY_RUN = "imported", "refused", "undone", "duplicate", "dry_run"
#: outcome of an import that a later one replaced (undone and superseded in one transaction)
REPLACED = "replaced"

#: tables that carry ``import_id``, parents first
DATA_TABLES = [
    m.__table__  # type: ignore[attr-defined]
    for m in TABLES_IN_LOAD_ORDER
    if "import_id" in m.__table__.c and m.__tablename__ != "import_change"  # type: ignore[attr-defined]
]
#: tables whose rows follow the data rows they refer to: never a reason to refuse an undo
#: (an evaluator's theme label is deleted with its complaint, ON DELETE CASCADE)
_DERIVED = {"survey_monthly", "import_change", "theme_label"}


@dataclass
class ImportResult:
    """What happened to one upload."""

    outcome: str
    kind: str
    file_name: str
    batch_id: int | None = None
    rows_total: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    problems: list[Problem] = field(default_factory=list)
    duplicate_of: int | None = None
    duplicate_at: datetime | None = None
    extra: dict[str, int] = field(default_factory=dict)
    #: rows left out as likely double submissions
    left_out: int = 0
    #: the import this one replaced, and the rows that replacement removed and restored
    replaced: int | None = None
    removed: int = 0
    restored: int = 0

    @property
    def ok(self) -> bool:
        return self.outcome in (IMPORTED, DUPLICATE, DRY_RUN)

    def summary(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """One or two sentences for the page and the command line."""
        values = {
            "id": self.batch_id,
            "file": self.file_name,
            "kind": self.kind,
            "total": self.rows_total,
            "inserted": self.inserted,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
            "duplicate_of": self.duplicate_of,
            "errors": sum(1 for p in self.problems if p.is_error),
            **self.extra,
        }
        text = translate(f"ingest.result.{self.outcome}", lang, **values)
        if self.outcome == IMPORTED and self.replaced is not None:
            text += " " + translate(
                "ingest.result.replaced",
                lang,
                old=self.replaced,
                removed=self.removed,
                restored=self.restored,
            )
        if self.outcome in (IMPORTED, DRY_RUN) and self.rejected:
            text += " " + translate("ingest.result.rejected", lang, **values)
        if self.outcome in (IMPORTED, DRY_RUN) and self.left_out:
            text += " " + translate("ingest.result.left_out", lang, left_out=self.left_out)
        if self.extra.get("programs_inserted") or self.extra.get("programs_updated"):
            text += " " + translate("ingest.result.programs", lang, **values)
        return text


class UndoRefused(Exception):
    """Undo is not possible; ``message(lang)`` says why and what to do."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return translate(f"ingest.undo.{self.code}", lang, **self.params)


#: The data sources (lib.results) each kind of import writes: their stored results become stale.
KIND_SOURCES: dict[str, tuple[str, ...]] = {
    "unit": ("unit",),
    "pegawai": ("employee",),
    "pelatihan": ("training",),
    "kinerja": ("performance",),
    "layanan": ("service",),
    "survei": ("survey",),
    "pengaduan": ("complaint",),
}


def _now() -> datetime:
    return datetime.now(UTC)


def find_repeat(engine: Engine, prepared: PreparedUpload) -> dict[str, Any] | None:
    """The import in force that already stored this very upload, if any."""
    b = ImportBatch.__table__
    query = (
        select(b.c.id, b.c.created_at)
        .where(b.c.content_hash == prepared.content_hash, b.c.kind == prepared.kind, b.c.outcome == IMPORTED)
        .order_by(b.c.id)
        .limit(1)
    )
    with engine.connect() as conn:
        row = conn.execute(query).mappings().first()
    return dict(row) if row else None


def _audit(conn: Connection, user: str, action: Action, detail: dict[str, Any]) -> None:
    """Audit entry in the import's own transaction: both are stored or neither."""
    record(conn, action, username=user, detail=detail)


def import_upload(
    engine: Engine,
    prepared: PreparedUpload,
    *,
    user: str = "system",
    dry_run: bool = False,
    progress: Progress | None = None,
    lang: str = DEFAULT_LANGUAGE,
    replaces: int | None = None,
) -> ImportResult:
    """Store a prepared upload in one transaction, or refuse it and store nothing.

    With ``replaces`` (an earlier import of the same kind, still in force) that
    import is undone and this one written in the same transaction: a corrected
    file takes its predecessor's place in one step, with counts of rows removed,
    added and updated. It is refused, and nothing changes, when undoing the
    earlier import would be refused (a later import depends on it).
    """
    progress = progress or (lambda _f, _s: None)
    result = ImportResult(
        outcome=IMPORTED,
        kind=prepared.kind,
        file_name=prepared.file_name,
        rows_total=prepared.rows_total,
        rejected=prepared.rows_rejected,
        problems=list(prepared.problems),
        left_out=prepared.rows_left_out,
    )
    if not prepared.can_import:
        result.outcome = REFUSED
        if prepared.validated is not None and prepared.rows_valid == 0 and not prepared.errors:
            result.problems.append(Problem("no_data_rows"))
        if not dry_run:
            result.batch_id = _record_refusal(engine, prepared, user, result, lang)
        return result
    if replaces is not None:
        refusal = _replace_refusal(engine, replaces, prepared.kind)
        if refusal is not None:
            result.outcome = REFUSED
            result.problems.append(refusal)
            if not dry_run:
                result.batch_id = _record_refusal(engine, prepared, user, result, lang)
            return result
    repeat = find_repeat(engine, prepared)
    if repeat and repeat["id"] != replaces:
        result.outcome = DUPLICATE
        result.duplicate_of = repeat["id"]
        result.duplicate_at = repeat["created_at"]
        return result
    if dry_run:
        result.outcome = DRY_RUN
        result.inserted = prepared.rows_valid
        return result
    assert prepared.validated is not None
    writer = WRITERS[prepared.kind]
    try:
        with engine.begin() as conn:
            batch_id = conn.execute(
                insert(ImportBatch.__table__).values(
                    created_at=_now(),
                    user=user[:120],
                    file_name=prepared.file_name[:255],
                    content_hash=prepared.content_hash,
                    kind=prepared.kind,
                    rows_total=prepared.rows_total,
                    outcome=IMPORTED,
                )
            ).inserted_primary_key[0]
            if replaces is not None:
                _check_undo(conn, replaces)
                undone = _undo_in(conn, replaces)
                result.removed = sum(v for k, v in undone.items() if k.startswith("removed_"))
                result.restored = sum(v for k, v in undone.items() if k.startswith("restored_"))
                result.replaced = replaces
                conn.execute(
                    update(ImportBatch.__table__)
                    .where(ImportBatch.__table__.c.id == replaces)
                    .values(
                        outcome=REPLACED,
                        undone_at=_now(),
                        message=translate("ingest.result.replaced_by", lang, id=batch_id),
                    )
                )
                _audit(conn, user, Action.UNDO, {"import_id": replaces, "replaced_by": batch_id, **undone})
            progress(0.05, "start")
            counts: WriteCounts = writer(conn, prepared.validated.typed, batch_id, progress)
            result.batch_id = batch_id
            result.inserted, result.updated, result.unchanged = (
                counts.inserted,
                counts.updated,
                counts.unchanged,
            )
            result.extra = counts.extra
            mark_changed(conn, *KIND_SOURCES[prepared.kind])
            conn.execute(
                update(ImportBatch.__table__)
                .where(ImportBatch.__table__.c.id == batch_id)
                .values(
                    rows_inserted=counts.inserted,
                    rows_updated=counts.updated,
                    rows_rejected=prepared.rows_rejected,
                    message=result.summary(lang),
                )
            )
            _audit(
                conn,
                user,
                "import",
                {"import_id": batch_id, "kind": prepared.kind, "file": prepared.file_name},
            )
    except UndoRefused as exc:  # a later import came to depend on it between the check and now
        result.outcome = REFUSED
        result.batch_id = None
        result.inserted = result.updated = result.unchanged = result.removed = result.restored = 0
        result.replaced = None
        result.problems.append(Problem(f"replace_{exc.code}", params=dict(exc.params)))
        result.batch_id = _record_refusal(engine, prepared, user, result, lang)
        return result
    except Exception as exc:  # noqa: BLE001 - the driver's own errors (COPY) are not SQLAlchemy's
        # the transaction rolled back; the refusal is still recorded in the history
        result.outcome = REFUSED
        result.batch_id = None
        result.inserted = result.updated = result.unchanged = 0
        result.problems.append(Problem("database_error", params={"detail": _error_summary(exc)}))
        result.batch_id = _record_refusal(engine, prepared, user, result, lang)
        return result
    if prepared.kind == "pengaduan":
        _predict_complaint_themes(engine)
    progress(1.0, "done")
    return result


def _replace_refusal(engine: Engine, batch_id: int, kind: str) -> Problem | None:
    """Why ``batch_id`` cannot be replaced by an upload of ``kind`` (None when it can)."""
    b = ImportBatch.__table__
    with engine.connect() as conn:
        batch = conn.execute(select(b.c.kind).where(b.c.id == batch_id)).first()
        if batch is not None and batch.kind != kind and batch.kind != "demo":
            return Problem(
                "replace_other_kind", params={"id": batch_id, "kind": batch.kind, "new_kind": kind}
            )
        try:
            _check_undo(conn, batch_id)
        except UndoRefused as exc:
            return Problem(f"replace_{exc.code}", params=dict(exc.params))
    return None


def _predict_complaint_themes(engine: Engine) -> None:
    """Queue the theme job for the background worker: the import returns as soon as its rows are
    committed, and predictions follow (the page shows them once the worker has written them).

    Its own transaction, after the import's: a failure to queue never undoes an import.
    """
    from lib.services.complaint_themes import request_theme_refresh

    with contextlib.suppress(SQLAlchemyError, KeyError):
        request_theme_refresh(engine=engine)


def _error_summary(exc: BaseException) -> str:
    """The database's own first line (no SQL statement, no parameters, no row data), shortened."""
    original = getattr(exc, "orig", None) or exc
    lines = str(original).strip().splitlines()
    return f"{type(original).__name__}: {lines[0] if lines else ''}"[:200]


def _record_refusal(
    engine: Engine, prepared: PreparedUpload, user: str, result: ImportResult, lang: str
) -> int:
    errors = [p for p in result.problems if p.is_error]
    first = errors[0].sentence(lang) if errors else ""
    message = translate("ingest.result.refused", lang, errors=len(errors), file=prepared.file_name)
    if first:
        message += " " + first
    with engine.begin() as conn:
        return conn.execute(
            insert(ImportBatch.__table__).values(
                created_at=_now(),
                user=user[:120],
                file_name=prepared.file_name[:255],
                content_hash=prepared.content_hash,
                kind=prepared.kind,
                rows_total=prepared.rows_total,
                rows_rejected=prepared.rows_rejected or prepared.rows_total,
                outcome=REFUSED,
                message=message,
            )
        ).inserted_primary_key[0]


def list_imports(engine: Engine, limit: int = 200, kind: str | None = None) -> pd.DataFrame:
    """The history, newest first."""
    b = ImportBatch.__table__
    query = select(
        b.c.id,
        b.c.created_at,
        b.c.user,
        b.c.file_name,
        b.c.kind,
        b.c.rows_total,
        b.c.rows_inserted,
        b.c.rows_updated,
        b.c.rows_rejected,
        b.c.outcome,
        b.c.message,
        b.c.undone_at,
    ).order_by(b.c.id.desc())
    if kind:
        query = query.where(b.c.kind == kind)
    with engine.connect() as conn:
        return pd.read_sql(query.limit(limit), conn)


# ------------------------------------------------------------------ undo


def _inserted_ids(table, batch_id: int):  # type: ignore[no-untyped-def]
    """Subquery: ids of rows this import added (it carries their import_id and kept no 'before')."""
    c = ImportChange.__table__
    changed = select(c.c.row_id).where(and_(c.c.import_id == batch_id, c.c.table_name == table.name))
    return select(table.c.id).where(and_(table.c.import_id == batch_id, table.c.id.not_in(changed)))


def _check_undo(conn: Connection, batch_id: int) -> None:
    b = ImportBatch.__table__
    c = ImportChange.__table__
    batch = conn.execute(select(b).where(b.c.id == batch_id)).mappings().first()
    if batch is None:
        raise UndoRefused("not_found", id=batch_id)
    if batch["kind"] == "demo":
        raise UndoRefused("demo", id=batch_id)
    if batch["outcome"] != IMPORTED:
        raise UndoRefused("not_imported", id=batch_id, outcome=batch["outcome"])
    # rows this import updated that a later import changed again
    for table in DATA_TABLES:
        later = conn.execute(
            select(table.c.import_id)
            .distinct()
            .select_from(table.join(c, and_(c.c.row_id == table.c.id, c.c.table_name == table.name)))
            .where(c.c.import_id == batch_id, table.c.import_id != batch_id)
        ).scalars()
        later_ids = sorted(i for i in later if i is not None)
        if later_ids:
            raise UndoRefused("changed_later", id=batch_id, later=", ".join(f"#{i}" for i in later_ids))
    # rows this import added that a later import (still in force) changed
    active = select(b.c.id).where(b.c.outcome == IMPORTED, b.c.id != batch_id)
    candidates = conn.execute(
        select(c.c.import_id, c.c.before).where(
            c.c.import_id.in_(active), c.c.before.like(f'%"import_id": {batch_id}%')
        )
    )
    later_ids = sorted(
        {row.import_id for row in candidates if json.loads(row.before).get("import_id") == batch_id}
    )
    if later_ids:
        raise UndoRefused("changed_later", id=batch_id, later=", ".join(f"#{i}" for i in later_ids))
    # rows added by this import that other records (not added by it) now refer to
    for parent in DATA_TABLES:
        added = _inserted_ids(parent, batch_id)
        for child in _children(parent):
            for fk in child.foreign_keys:
                if fk.column.table is not parent:
                    continue
                column = fk.parent
                condition = column.in_(added)
                if "import_id" in child.c:
                    condition = and_(condition, func.coalesce(child.c.import_id, -1) != batch_id)
                has_batch = "import_id" in child.c
                probe = select(child.c.import_id if has_batch else child.c.id).where(condition).limit(20)
                users = conn.execute(probe).scalars().all()
                if users:
                    refs = sorted({f"#{u}" for u in users if u is not None and has_batch})
                    raise UndoRefused("in_use", id=batch_id, table=child.name, later=", ".join(refs) or "–")


def _children(parent):  # type: ignore[no-untyped-def]
    metadata = parent.metadata
    for table in metadata.sorted_tables:
        if table.name in _DERIVED:
            continue
        if any(fk.column.table is parent for fk in table.foreign_keys):
            yield table


def _restore_value(column, value: Any) -> Any:  # type: ignore[no-untyped-def]
    if value is None:
        return None
    if isinstance(column.type, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(column.type, Date):
        return date.fromisoformat(value)
    return value


def _undo_in(conn: Connection, batch_id: int) -> dict[str, int]:
    """Remove what one import added and restore what it changed, inside the caller's transaction."""
    counts: dict[str, int] = {}
    tables = {t.name: t for t in DATA_TABLES}
    c = ImportChange.__table__
    subtract_import_from_survey_monthly(conn, batch_id)  # before the rows go; safe beside other imports
    changes = conn.execute(
        select(c.c.table_name, c.c.row_id, c.c.before).where(c.c.import_id == batch_id)
    ).all()
    # survey_monthly follows the responses; complaints' units too (their own rows are the data)
    for change in changes:
        table = tables[change.table_name]
        before = json.loads(change.before)
        values = {k: _restore_value(table.c[k], v) for k, v in before.items() if k in table.c}
        conn.execute(update(table).where(table.c.id == change.row_id).values(**values))
        counts[f"restored_{table.name}"] = counts.get(f"restored_{table.name}", 0) + 1
    for table in reversed(DATA_TABLES):
        added = _inserted_ids(table, batch_id)
        if table.name == "unit":
            # children before parents within the table: clear parent links first
            conn.execute(update(table).where(table.c.id.in_(added)).values(parent_id=None))
        removed = conn.execute(delete(table).where(table.c.id.in_(added))).rowcount
        if removed:
            counts[f"removed_{table.name}"] = removed
    return counts


def undo_import(engine: Engine, batch_id: int, *, user: str = "system") -> dict[str, int]:
    """Reverse one import in one transaction; returns rows removed and restored per table."""
    with engine.begin() as conn:
        _check_undo(conn, batch_id)
        kind = conn.execute(
            select(ImportBatch.__table__.c.kind).where(ImportBatch.__table__.c.id == batch_id)
        ).scalar_one()
        counts = _undo_in(conn, batch_id)
        # Last, as an import does: every writer takes the aggregate rows first and the version
        # row after them, so two transactions never wait on each other in opposite orders.
        mark_changed(conn, *KIND_SOURCES.get(kind, SOURCES))
        conn.execute(
            update(ImportBatch.__table__)
            .where(ImportBatch.__table__.c.id == batch_id)
            .values(outcome=UNDONE, undone_at=_now())
        )
        _audit(conn, user, Action.UNDO, {"import_id": batch_id, **counts})
    if counts.get("removed_complaint") or counts.get("restored_complaint"):
        _predict_complaint_themes(engine)
    return counts
