"""The theme parts of the Pengaduan page: measured quality, the labelling round, the theme editors.

Nothing here trains a model: the page reads the stored model's description
and the labels (:func:`lib.services.complaint_themes.theme_status`), and writes
labels, theme lists and topic mappings; the background worker retrains when
those change. The labelling round is an ``st.fragment`` so that a click on a
theme button reruns only the round, not the whole page.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st
from sqlalchemy import Engine

from lib.analysis import complaint_themes as ct
from lib.i18n import fmt_date, fmt_number, fmt_percent, translate
from lib.masking import mask_personal_data
from lib.queries import complaint_themes as store
from lib.services import complaint_themes as theme_service
from lib.text.complaints import theme_label
from lib.ui.data import cached, engine

TTL = 600


@cached(ttl=TTL)
def _status(eng: Engine) -> ct.ThemeStatus:
    return theme_service.theme_status(engine=eng)


def status() -> ct.ThemeStatus:
    """Model, measured quality and threshold; recomputed when labels or predictions change (the
    worker bumps their versions, which changes the data's version the cache is keyed by) or a
    label, theme or mapping is saved here (the cache is cleared)."""
    return _status(engine())


@cached(ttl=TTL)
def _themes(eng: Engine) -> list[ct.ThemeDef]:
    return store.theme_definitions(eng)


def themes() -> list[ct.ThemeDef]:
    """The theme definitions (cached; cleared when a label, theme or mapping is saved)."""
    return _themes(engine())


def _changed() -> None:
    """Labels or themes changed: every cached figure that shows themes must be recomputed."""
    st.cache_data.clear()


# --- sentences -----------------------------------------------------------------------


def source_sentence(totals: dict[str, float], threshold: float, lang: str) -> str:
    """How many themes are labels (evaluator, source), predictions, abstentions, or missing."""
    return translate(
        "complaints.themes.source",
        lang,
        evaluator=fmt_number(totals.get("evaluator", 0), lang, 0),
        labelled=fmt_number(totals.get("labelled", 0), lang, 0),
        predicted=fmt_number(totals.get("predicted", 0), lang, 0),
        abstained=fmt_number(totals.get("abstained", 0), lang, 0),
        threshold=fmt_number(threshold, lang, 2),
        untyped=fmt_number(totals.get("untyped", 0), lang, 0),
    )


def quality_sentences(state: ct.ThemeStatus, lang: str) -> list[str]:
    """The measured quality (or "not yet measured"), then the threshold, in plain words."""
    q = state.quality
    if q is None or state.round is None:
        return [
            translate("complaints.classifier.not_measured", lang),
            translate(
                "complaints.classifier.threshold_default",
                lang,
                threshold=fmt_number(state.threshold, lang, 2),
            ),
        ]
    sentences = [
        translate(
            "complaints.classifier.quality",
            lang,
            model=state.round.model_id or "–",
            n=fmt_number(q.n, lang, 0),
            acc=fmt_percent(q.accuracy, lang, 0),
            acc_low=fmt_percent(q.accuracy_low, lang, 0),
            acc_high=fmt_percent(q.accuracy_high, lang, 0),
            f1=fmt_number(q.macro_f1, lang, 2),
            f1_low=fmt_number(q.macro_f1_low, lang, 2),
            f1_high=fmt_number(q.macro_f1_high, lang, 2),
            baseline=fmt_percent(q.baseline_accuracy, lang, 0),
        )
    ]
    model = state.model
    if model is not None and state.round.model_id is not None and model.id != state.round.model_id:
        sentences.append(translate("complaints.classifier.newer_model", lang, model=model.id))
    choice = state.threshold_choice if state.round.closed else None  # chosen when the round is finished
    if choice is None or not choice.from_sample:
        sentences.append(
            translate(
                "complaints.classifier.threshold_default",
                lang,
                threshold=fmt_number(state.threshold, lang, 2),
            )
        )
    elif choice.threshold >= ct.ABSTAIN_ALL:
        sentences.append(
            translate("complaints.classifier.threshold_all", lang, target=fmt_percent(choice.target, lang, 0))
        )
    else:
        sentences.append(
            translate(
                "complaints.classifier.threshold",
                lang,
                threshold=fmt_number(choice.threshold, lang, 2),
                acc=fmt_percent(choice.accepted_accuracy, lang, 0),
                share=fmt_percent(choice.abstained_share, lang, 0),
            )
        )
    return sentences


def model_sentence(state: ct.ThemeStatus, lang: str) -> str:
    model = state.model
    if model is None:
        return translate("complaints.classifier.no_model", lang, n=ct.MIN_LABELLED)
    sentence = translate(
        "complaints.classifier.model",
        lang,
        model=model.id,
        date=fmt_date(model.created_at.date(), lang, "medium"),
        n=fmt_number(model.n_train, lang, 0),
        evaluator=fmt_number(model.n_evaluator, lang, 0),
        source=fmt_number(model.n_source, lang, 0),
        cpu=fmt_number(model.cpu_seconds, lang, 1),
    )
    if state.refreshing:
        sentence += " " + translate("complaints.classifier.refreshing", lang)
    return sentence


def quality_table(quality: ct.SampleQuality, lang: str) -> pd.DataFrame:
    pc = quality.per_theme
    return pd.DataFrame(
        {
            translate("complaints.col.theme", lang): [theme_label(t, lang) for t in pc["theme"]],
            translate("complaints.col.precision", lang): [fmt_number(v, lang, 2) for v in pc["precision"]],
            translate("complaints.col.recall", lang): [fmt_number(v, lang, 2) for v in pc["recall"]],
            translate("complaints.col.f1", lang): [fmt_number(v, lang, 2) for v in pc["f1"]],
            translate("complaints.col.support", lang): pc["n_labelled"],
        }
    )


def confusion_table(quality: ct.SampleQuality, lang: str, top: int = 8) -> pd.DataFrame:
    pairs = quality.confusions.head(top)
    return pd.DataFrame(
        {
            translate("complaints.col.label", lang): [theme_label(t, lang) for t in pairs["label"]],
            translate("complaints.col.predicted_theme", lang): [
                theme_label(t, lang) for t in pairs["predicted"]
            ],
            translate("complaints.col.share_of_predictions", lang): [
                fmt_percent(v, lang, 1) for v in pairs["share"]
            ],
            translate("complaints.col.support", lang): pairs["n"],
        }
    )


# --- the labelling round ----------------------------------------------------------------


def _theme_buttons(
    choices: list[ct.ThemeDef],
    lang: str,
    on_pick: Callable[[str | None], None],
    key: str,
    per_row: int = 4,
) -> None:
    """One button per theme; a click saves the label in its callback, before the fragment reruns."""
    for begin in range(0, len(choices), per_row):
        columns = st.columns(per_row)
        for column, theme in zip(columns, choices[begin : begin + per_row], strict=False):
            column.button(
                theme_label(theme.key, lang),
                key=f"{key}_{theme.key}",
                width="stretch",
                on_click=on_pick,
                args=(theme.key,),
            )


def _start_round(user: str) -> None:
    if theme_service.start_label_round(engine=engine(), user=user) is None:
        st.session_state["complaints_round_empty"] = True


@st.fragment
def labelling_round(user: str, lang: str) -> None:
    """Start a round, or show its next complaint with one button per theme (and skip / finish).

    Labels are saved by button callbacks, so each click reruns only this fragment.
    """
    eng = engine()
    st.caption(translate("complaints.round.explain", lang))
    notice = st.session_state.pop("complaints_round_notice", None)
    if notice:
        st.success(notice)
    current = store.latest_round(eng)
    if current is None or current.closed:
        if st.session_state.pop("complaints_round_empty", False):
            st.info(translate("complaints.round.nothing", lang))
        st.button(
            translate("complaints.round.start", lang, n=ct.ROUND_SIZE),
            key="complaints_round_start",
            on_click=_start_round,
            args=(user,),
        )
        return
    seen = current.labelled + current.skipped
    st.progress(
        min(seen / max(current.sample_size, 1), 1.0),
        text=translate(
            "complaints.round.progress",
            lang,
            done=min(seen + 1, current.sample_size),
            total=current.sample_size,
            skipped=current.skipped,
        ),
    )
    item = store.next_to_label(eng, current.id)
    if item.empty:
        st.info(translate("complaints.round.all_done", lang))
    else:
        row = item.iloc[0]
        complaint_id = int(row["complaint_id"])
        when = fmt_date(pd.Timestamp(row["complaint_date"]).date(), lang, "medium")
        st.markdown(f"**{_md(str(row['unit_name']))}** · {when}")
        st.text(mask_personal_data(str(row["text"])))
        confidence = row["predicted_confidence"]
        st.caption(
            translate(
                "complaints.round.predicted",
                lang,
                theme=theme_label(row["predicted_theme"], lang),
                confidence="–" if pd.isna(confidence) else fmt_percent(float(confidence), lang, 0),
            )
        )

        def pick(theme: str | None) -> None:
            theme_service.save_label(engine=eng, complaint_id=complaint_id, theme=theme, user=user)

        active = [t for t in store.theme_definitions(eng) if t.active]
        _theme_buttons(active, lang, pick, key=f"complaints_label_{complaint_id}")
        st.button(
            translate("complaints.round.skip", lang),
            key=f"complaints_skip_{complaint_id}",
            on_click=pick,
            args=(None,),
        )
    if current.labelled and st.button(
        translate("complaints.round.finish", lang), type="primary", key="complaints_round_finish"
    ):
        theme_service.close_round(engine=eng, round_id=current.id)
        _changed()
        st.session_state["complaints_round_notice"] = translate(
            "complaints.round.finished", lang, n=current.labelled
        )
        st.rerun()


def _md(text: str) -> str:
    for char in "\\`*_{}[]<>#|~":
        text = text.replace(char, "\\" + char)
    return text


# --- theme list and topic mapping ---------------------------------------------------------


def _edit_error(error: theme_service.ThemeEditError, lang: str) -> str:
    return translate(error.key, lang, **error.params)


def theme_editor(user: str, lang: str) -> None:
    """The theme list as an editable table; saved as a whole, validated, never deleting a theme."""
    st.caption(translate("complaints.themes.editor_help", lang))
    none = translate("complaints.themes.no_training", lang)
    training_names = {key: translate(key, lang) for key in ct.TRAINING_THEMES}
    by_name = {v: k for k, v in training_names.items()}
    current = themes()
    frame = pd.DataFrame(
        {
            "key": [t.key for t in current],
            "name_id": [t.name_id for t in current],
            "name_en": [t.name_en for t in current],
            "training": [training_names.get(t.training_theme or "", none) for t in current],
            "active": [t.active for t in current],
        }
    )
    edited = st.data_editor(
        frame,
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        key="complaints_theme_editor",
        column_config={
            "key": st.column_config.TextColumn(translate("complaints.themes.col.key", lang), required=True),
            "name_id": st.column_config.TextColumn(
                translate("complaints.themes.col.name_id", lang), required=True
            ),
            "name_en": st.column_config.TextColumn(
                translate("complaints.themes.col.name_en", lang), required=True
            ),
            "training": st.column_config.SelectboxColumn(
                translate("complaints.themes.col.training", lang), options=[none, *training_names.values()]
            ),
            "active": st.column_config.CheckboxColumn(translate("complaints.themes.col.active", lang)),
        },
    )
    if st.button(translate("complaints.themes.save", lang), key="complaints_theme_save"):
        definitions = [
            ct.ThemeDef(
                key=str(row.key or "").strip(),
                name_id=str(row.name_id or ""),
                name_en=str(row.name_en or ""),
                training_theme=by_name.get(str(row.training)),
                position=i,
                active=bool(row.active) if pd.notna(row.active) else True,
            )
            for i, row in enumerate(edited.itertuples(index=False))
        ]
        try:
            theme_service.save_theme_definitions(engine=engine(), themes=definitions)
        except theme_service.ThemeEditError as error:
            st.error(_edit_error(error, lang))
        else:
            _changed()
            st.success(translate("complaints.themes.saved", lang))


def topic_mapping_editor(user: str, lang: str) -> None:
    """Source topics with their counts and a theme each, edited once by the evaluator."""
    st.markdown(f"**{translate('complaints.mapping.header', lang)}**")
    st.caption(translate("complaints.mapping.help", lang))
    eng = engine()
    topics = store.source_topics(eng)
    if topics.empty:
        st.caption(translate("complaints.mapping.none", lang))
        return
    topics = topics[~topics["is_theme"]]
    if topics.empty:
        st.caption(translate("complaints.mapping.all_themes", lang))
        return
    names = {t.key: theme_label(t.key, lang) for t in themes() if t.active}
    keys = {v: k for k, v in names.items()}
    frame = pd.DataFrame(
        {
            "topic": topics["topic"],
            "complaints": topics["complaints"],
            "theme": [names.get(k) if isinstance(k, str) else None for k in topics["theme"]],
        }
    )
    edited = st.data_editor(
        frame,
        hide_index=True,
        width="stretch",
        disabled=["topic", "complaints"],
        key="complaints_topic_editor",
        column_config={
            "topic": st.column_config.TextColumn(translate("complaints.mapping.col.topic", lang)),
            "complaints": st.column_config.NumberColumn(translate("complaints.col.complaints", lang)),
            "theme": st.column_config.SelectboxColumn(
                translate("complaints.mapping.col.theme", lang), options=list(names.values())
            ),
        },
    )
    if st.button(translate("complaints.mapping.save", lang), key="complaints_topic_save"):
        before = dict(zip(frame["topic"], frame["theme"], strict=True))
        changes = {
            topic: keys.get(theme) if isinstance(theme, str) else None
            for topic, theme in zip(edited["topic"], edited["theme"], strict=True)
            if (theme if isinstance(theme, str) else None)
            != (before.get(topic) if isinstance(before.get(topic), str) else None)
        }
        try:
            n = theme_service.save_topic_mapping(engine=eng, mapping=changes, user=user)
        except theme_service.ThemeEditError as error:
            st.error(_edit_error(error, lang))
        else:
            _changed()
            st.success(translate("complaints.mapping.saved", lang, n=n))
