"""Widgets of the page "Unggah Data": upload with preview and mapping, templates, import history.

The prepared upload (parsed and validated file) is kept in session state keyed
by the file's hash and the user's choices, so that the reruns Streamlit makes
on every click do not read a 200 MB file again. Nothing is written before the
user presses "Impor"; user text is shown only through ``st.dataframe`` and
``st.text``/``st.code``, never as HTML.
"""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st
from sqlalchemy import Engine

from lib.ingest import (
    KINDS,
    ImportOptions,
    UndoRefused,
    import_upload,
    list_imports,
    prepare_upload,
    problems_frame,
    undo_import,
)
from lib.ingest.batches import DRY_RUN, DUPLICATE, IMPORTED, REFUSED
from lib.ingest.columns import BY_QUESTION
from lib.ingest.kinds import UNIT_REF
from lib.ingest.pipeline import PreparedUpload
from lib.ingest.templates import template_csv, template_file_name, template_xlsx
from lib.queries.units import list_units
from lib.safe_export import to_csv_bytes
from lib.ui.data import cached, clear_caches, engine
from lib.ui.format import integer, moment
from lib.ui.i18n import num, t
from lib.ui.state import get_lang

PREPARED_KEY = "unggah_prepared"
RESULT_KEY = "unggah_result"
UNDO_MESSAGE_KEY = "unggah_undo_message"
#: The import an evaluator asked to undo, waiting for their confirmation.
UNDO_PENDING_KEY = "unggah_undo_pending"
_NONE = "—"


def _kind_label(kind: str) -> str:
    return t(f"ingest.kind.{kind}")


@cached()
def unit_codes(eng: Engine) -> list[str]:
    """Codes of all units, for the "one unit for the whole file" choice."""
    return list_units(eng)["code"].tolist()


def _unit_options() -> list[str]:
    return [_NONE, *unit_codes(engine())]


def _mapping_overrides(prepared: PreparedUpload | None, kind: str) -> dict[str, str | None]:
    """Selectboxes for every template column; returns what the user changed."""
    if prepared is None or prepared.raw is None or prepared.mapping is None:
        return {}
    spec = KINDS[kind]
    headers = prepared.raw.headers
    overrides: dict[str, str | None] = dict(prepared.options.mapping_overrides)
    guessed = [f.name for f in spec.fields if prepared.mapping.how.get(f.name) == BY_QUESTION]
    with st.expander(t("ingest.page.mapping_adjust"), expanded=bool(guessed)):
        if guessed:
            st.caption(t("ingest.page.mapping_guessed", fields=", ".join(guessed)))
        columns = st.columns(3)
        for position, f in enumerate(spec.fields):
            current = prepared.mapping.fields.get(f.name)
            options = [_NONE, *headers]
            choice = columns[position % 3].selectbox(
                f.name + (" *" if f.required else ""),
                options,
                index=options.index(current) if current in options else 0,
                key=f"unggah_map_{kind}_{f.name}",
            )
            chosen = None if choice == _NONE else choice
            if chosen != current:
                overrides[f.name] = chosen
    return overrides


def _answer_scales(prepared: PreparedUpload, kind: str) -> dict[str, dict[str, int]]:
    """The answer-scale table of a survey, editable: returns the evaluator's corrections (value → 1–4)."""
    current = {u: dict(v) for u, v in prepared.options.answer_scales.items()}
    if kind != "survei" or prepared.validated is None:
        return current
    scales = {u: sc for u, sc in prepared.validated.scales.items() if sc.how != "numeric"}
    if not scales:
        return current
    table = prepared.scale_table(get_lang())
    if table.empty:
        return current
    score_col = t("ingest.col.score")
    value_col = t("ingest.col.value")
    st.subheader(t("ingest.page.scales"))
    st.caption(t("ingest.page.scales_help"))
    edited = st.data_editor(
        table,
        hide_index=True,
        width="stretch",
        disabled=[c for c in table.columns if c != score_col],
        column_config={
            score_col: st.column_config.NumberColumn(score_col, min_value=1, max_value=4, step=1),
            "unsur": None,
        },
        key=f"unggah_scales_{prepared.content_hash[:12]}",
    )
    corrections: dict[str, dict[str, int]] = {}
    for (unsur, value, before), after in zip(
        table[["unsur", value_col, score_col]].itertuples(index=False, name=None),
        edited[score_col],
        strict=True,
    ):
        if pd.notna(after) and (pd.isna(before) or int(after) != int(before)):
            corrections.setdefault(unsur, {})[value] = int(after)
    for unsur, scores in corrections.items():
        current.setdefault(unsur, {}).update(scores)
    return current


def _replace_choice(kind: str) -> int | None:
    """An earlier import of the same kind, still in force, that this file should replace (None: none)."""
    history = list_imports(engine(), limit=200, kind=kind)
    in_force = history[history["outcome"] == IMPORTED]
    if in_force.empty:
        return None
    labels = {
        int(r.id): f"#{r.id} · {r.file_name} · {r.created_at:%Y-%m-%d %H:%M}" for r in in_force.itertuples()
    }
    choice = st.selectbox(
        t("ingest.page.replaces"),
        [0, *labels],
        format_func=lambda i: t("ingest.page.replaces_none") if i == 0 else labels[i],
        key=f"unggah_replaces_{kind}",
        help=t("ingest.page.replaces_help"),
    )
    return int(choice) or None


def _prepare(data: bytes, name: str, kind: str, options: ImportOptions) -> PreparedUpload:
    key = (
        hashlib.sha256(data).hexdigest(),
        kind,
        options.unit_code,
        options.u8_u9_swapped,
        tuple(sorted((k, v or "") for k, v in options.mapping_overrides.items())),
        tuple(sorted((u, tuple(sorted(v.items()))) for u, v in options.answer_scales.items())),
        options.skip_duplicates,
    )
    cached = st.session_state.get(PREPARED_KEY)
    if cached and cached[0] == key:
        prepared: PreparedUpload = cached[1]
        prepared.options.skip_invalid = options.skip_invalid
        return prepared
    with st.spinner(t("ingest.page.reading")):
        prepared = prepare_upload(data, name, kind, engine(), options)
    st.session_state[PREPARED_KEY] = (key, prepared)
    return prepared


def render_upload(username: str) -> None:
    """Choose kind → drop file → preview, mapping, problems → import with a progress bar."""
    lang = get_lang()
    left, middle, right = st.columns([2, 2, 2], vertical_alignment="bottom")
    kind = left.selectbox(t("ingest.page.kind"), list(KINDS), format_func=_kind_label, key="unggah_kind")
    spec = KINDS[kind]
    unit_code = None
    if any(f.type == UNIT_REF for f in spec.fields):
        chosen = middle.selectbox(
            t("ingest.page.unit"), _unit_options(), key="unggah_unit", help=t("ingest.page.unit_help")
        )
        unit_code = None if chosen == _NONE else chosen
    swapped = False
    if kind == "survei":
        swapped = right.checkbox(
            t("ingest.page.swapped"), key="unggah_swapped", help=t("ingest.page.swapped_help")
        )
    upload = st.file_uploader(
        t("ingest.page.file"),
        type=["csv", "xlsx", "txt", "tsv"],
        key="unggah_file",
        help=t("ingest.page.file_help"),
    )
    _show_last_result(lang)
    if upload is None:
        st.info(t("ingest.page.start"))
        return
    data = upload.getvalue()
    previous = st.session_state.get(PREPARED_KEY)
    same_file = previous and previous[0][0] == hashlib.sha256(data).hexdigest() and previous[0][1] == kind
    overrides = dict(previous[1].options.mapping_overrides) if same_file else {}
    scales = {u: dict(v) for u, v in previous[1].options.answer_scales.items()} if same_file else {}
    skip_duplicates = bool(st.session_state.get("unggah_skip_dups", False))

    def options_with(
        mapping: dict[str, str | None], answer_scales: dict[str, dict[str, int]]
    ) -> ImportOptions:
        return ImportOptions(
            unit_code=unit_code,
            u8_u9_swapped=swapped,
            mapping_overrides=mapping,
            answer_scales=answer_scales,
            skip_duplicates=skip_duplicates,
        )

    prepared = _prepare(data, upload.name, kind, options_with(overrides, scales))
    changed = _mapping_overrides(prepared, kind)
    if changed != overrides:
        prepared = _prepare(data, upload.name, kind, options_with(changed, scales))
    corrected = _answer_scales(prepared, kind)
    if corrected != scales:
        _prepare(data, upload.name, kind, options_with(prepared.options.mapping_overrides, corrected))
        st.rerun()  # redraw the answer table from the corrected scales ("your choice")
    _show_prepared(prepared, lang)
    if any(p.code.startswith("likely_duplicate") for p in prepared.problems):
        st.checkbox(
            t("ingest.page.skip_duplicates"), key="unggah_skip_dups", help=t("ingest.page.skip_dups_help")
        )
    replaces = _replace_choice(kind)
    skip = st.checkbox(t("ingest.page.skip_invalid"), key="unggah_skip", help=t("ingest.page.skip_help"))
    prepared.options.skip_invalid = skip
    if st.button(
        t("ingest.page.import", rows=num(prepared.rows_valid, 0)),
        type="primary",
        disabled=not prepared.can_import,
        key="unggah_import",
    ):
        bar = st.progress(0.0, text=t("ingest.page.importing"))
        try:
            result = import_upload(
                engine(),
                prepared,
                user=username,
                lang=lang,
                replaces=replaces,
                progress=lambda fraction, _step: bar.progress(
                    min(max(fraction, 0.0), 1.0), text=t("ingest.page.importing")
                ),
            )
        except Exception as exc:  # the transaction rolled back: say so instead of a traceback
            st.session_state[RESULT_KEY] = (
                REFUSED,
                t("ingest.page.failed", detail=f"{type(exc).__name__}: {exc}"),
            )
        else:
            bar.progress(1.0, text=t("ingest.page.done"))
            st.session_state[RESULT_KEY] = (result.outcome, result.summary(lang))
        st.session_state.pop(PREPARED_KEY, None)
        clear_caches()
        st.rerun()


def _show_last_result(lang: str) -> None:
    last = st.session_state.get(RESULT_KEY)
    if not last:
        return
    outcome, message = last
    if outcome == IMPORTED:
        st.success(message, icon=":material/check_circle:")
    elif outcome in (DUPLICATE, DRY_RUN):
        st.info(message, icon=":material/info:")
    elif outcome == REFUSED:
        st.error(message, icon=":material/block:")


def _show_prepared(prepared: PreparedUpload, lang: str) -> None:
    errors = prepared.errors
    warnings = [p for p in prepared.problems if not p.is_error]
    a, b, c = st.columns(3)
    a.metric(t("ingest.page.rows"), num(prepared.rows_total, 0))
    b.metric(t("ingest.page.valid"), num(prepared.rows_valid, 0))
    c.metric(t("ingest.page.problems"), num(len(errors), 0))
    if prepared.raw is not None:
        raw = prepared.raw
        source = raw.sheet if raw.file_type == "xlsx" else f"{raw.encoding}, '{raw.delimiter}'"
        st.caption(
            t("ingest.page.read_as", type=raw.file_type.upper(), source=source, header_row=raw.header_row)
        )
        st.subheader(t("ingest.page.preview"))
        st.dataframe(prepared.preview(20), width="stretch")
        st.subheader(t("ingest.page.mapping"))
        st.dataframe(prepared.mapping_table(lang), hide_index=True, width="stretch")
        if prepared.mapping and prepared.mapping.unused:
            st.caption(t("ingest.page.unused", columns=", ".join(prepared.mapping.unused)))
    if errors or warnings:
        st.subheader(t("ingest.page.problem_list"))
        if prepared.file_errors:
            for problem in prepared.file_errors:
                st.error(problem.sentence(lang), icon=":material/error:")
        elif errors:
            st.warning(
                t("ingest.page.row_errors", count=num(len(errors), 0), rows=num(prepared.rows_rejected, 0))
            )
        frame = problems_frame(prepared.problems, lang)
        st.dataframe(frame.head(2000), hide_index=True, width="stretch")
        st.download_button(
            t("ingest.page.download_problems"),
            data=to_csv_bytes(frame),
            file_name=f"masalah_{prepared.file_name.rsplit('.', 1)[0]}.csv",
            mime="text/csv",
            key="unggah_problems_download",
        )
    elif prepared.validated is not None:
        st.success(t("ingest.page.all_valid"), icon=":material/task_alt:")


def render_templates() -> None:
    """A CSV and an XLSX template for every kind."""
    st.caption(t("ingest.page.templates_intro"))
    lang = get_lang()
    for kind in KINDS:
        label, csv_col, xlsx_col = st.columns([3, 1, 1])
        label.markdown(f"**{_kind_label(kind)}** · `{kind}`")
        csv_col.download_button(
            "CSV",
            template_csv(kind),
            template_file_name(kind, "csv"),
            "text/csv",
            key=f"unggah_tpl_csv_{kind}",
        )
        xlsx_col.download_button(
            "XLSX",
            template_xlsx(kind, lang),
            template_file_name(kind, "xlsx"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key=f"unggah_tpl_xlsx_{kind}",
        )


def history_frame(history: pd.DataFrame) -> pd.DataFrame:
    """The import history as read: times on the city's clock (WIB), counts with thousands marks."""
    lang = get_lang()

    def count(column: str) -> list[str]:
        return [integer(v, lang) for v in history[column]]

    return pd.DataFrame(
        {
            "#": [str(v) for v in history["id"]],
            t("ingest.page.h.when"): [moment(v, lang) for v in history["created_at"]],
            t("ingest.page.h.user"): history["user"],
            t("ingest.page.h.kind"): [_kind_label(k) if k in KINDS else k for k in history["kind"]],
            t("ingest.page.h.file"): history["file_name"],
            t("ingest.page.h.rows"): count("rows_total"),
            t("ingest.page.h.inserted"): count("rows_inserted"),
            t("ingest.page.h.updated"): count("rows_updated"),
            t("ingest.page.h.rejected"): count("rows_rejected"),
            t("ingest.page.h.outcome"): [t(f"ingest.outcome.{o}") for o in history["outcome"]],
            t("ingest.page.h.message"): history["message"].fillna(""),
        }
    )


def render_history(username: str, may_undo: bool) -> None:
    """The history, and undo of one import in force."""
    message = st.session_state.pop(UNDO_MESSAGE_KEY, None)
    if message:
        (st.success if message[0] else st.error)(message[1])
    history = list_imports(engine(), limit=500)
    if history.empty:
        st.info(t("ingest.page.no_history"))
        return
    st.dataframe(history_frame(history), hide_index=True, width="stretch")
    undoable = history[(history["outcome"] == IMPORTED) & (history["kind"] != "demo")]
    if not may_undo or undoable.empty:
        return
    left, right = st.columns([3, 1])
    labels = {int(r.id): f"#{r.id} · {_kind_label(r.kind)} · {r.file_name}" for r in undoable.itertuples()}
    chosen = left.selectbox(
        t("ingest.page.undo_choose"), list(labels), format_func=labels.get, key="unggah_undo_id"
    )
    right.write("")
    if right.button(t("ingest.page.undo"), key="unggah_undo", type="secondary"):
        st.session_state[UNDO_PENDING_KEY] = int(chosen)
    pending = st.session_state.get(UNDO_PENDING_KEY)
    if pending is None:
        return
    if pending != int(chosen) or pending not in labels:  # another import chosen since: ask again
        st.session_state.pop(UNDO_PENDING_KEY, None)
        return
    _confirm_undo(undoable.set_index("id").loc[pending], pending, username)


def _confirm_undo(batch: pd.Series, batch_id: int, username: str) -> None:
    """Say exactly what undoing removes before it happens; nothing is removed without a second click."""
    from lib.ui.results import updated_text
    from lib.ui.text import plain

    created = pd.Timestamp(batch["created_at"])
    created = created.tz_localize("UTC") if created.tzinfo is None else created
    st.warning(
        t(
            "ingest.undo.confirm",
            id=batch_id,
            kind=_kind_label(batch["kind"]),
            file=plain(batch["file_name"]),
            when=updated_text(created.to_pydatetime(), get_lang()),
            inserted=num(batch["rows_inserted"], 0),
            updated=num(batch["rows_updated"], 0),
        ),
        icon=":material/warning:",
    )
    yes, no = st.columns(2)
    if no.button(t("ingest.undo.confirm_no"), key="unggah_undo_cancel"):
        st.session_state.pop(UNDO_PENDING_KEY, None)
        st.rerun()
    if yes.button(t("ingest.undo.confirm_yes", id=batch_id), key="unggah_undo_confirm", type="primary"):
        st.session_state.pop(UNDO_PENDING_KEY, None)
        try:
            counts = undo_import(engine(), batch_id, user=username)
        except UndoRefused as exc:
            st.session_state[UNDO_MESSAGE_KEY] = (False, exc.message(get_lang()))
        else:
            removed = sum(v for k, v in counts.items() if k.startswith("removed_"))
            restored = sum(v for k, v in counts.items() if k.startswith("restored_"))
            st.session_state[UNDO_MESSAGE_KEY] = (
                True,
                t("ingest.undo.done", id=batch_id, removed=num(removed, 0), restored=num(restored, 0)),
            )
            clear_caches()
        st.rerun()
