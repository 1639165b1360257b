"""Dampak Pelatihan: did the training work? Kirkpatrick's four levels as a chain of evidence."""

from __future__ import annotations

import streamlit as st

from lib.analysis.training_results import DEFAULT_THRESHOLD
from lib.analysis.training_summary import (
    MIN_PARTICIPANTS_FOR_RANKING,
    OUTCOMES,
    format_effect,
    format_p,
    level_sentences,
    results_sentence,
    split_small_programs,
)
from lib.queries.training import TrainingSelection
from lib.safe_export import to_csv_bytes
from lib.ui import impact as ui
from lib.ui.auth import audit_event, current_scope, require_principal
from lib.ui.data import db_url, engine
from lib.ui.i18n import num, pct, t
from lib.ui.sidebar import scoped_title
from lib.ui.state import get_filters, get_lang

require_principal()
filters, scope, lang, url = get_filters(), current_scope(), get_lang(), db_url()
engine()  # migrate before the first query

st.title(scoped_title(t("impact.title")))
st.caption(t("impact.intro"))
date_from, date_to = filters.date_from, filters.date_to

# ---- which programmes
options = ui.filter_options(url, scope, date_from, date_to)
with st.expander(t("impact.filters"), expanded=False):
    cols = st.columns(3)
    chosen = {}
    for col, field in zip(cols, ("competency_type", "method", "provider"), strict=True):
        chosen[field] = col.selectbox(
            t(f"impact.{field}_filter"),
            ["", *options[field]],
            format_func=lambda v: v or t("impact.any"),
            key=f"impact_{field}",
        )
    threshold = st.slider(
        t("impact.threshold"), 0.3, 0.9, DEFAULT_THRESHOLD, 0.05, format="%.2f", key="impact_threshold"
    )
selection = TrainingSelection(**{field: value or None for field, value in chosen.items()})
courses = ui.groups(url, scope, date_from, date_to, selection)
if courses.empty:
    st.info(t("impact.no_programs"))
    st.stop()
ALL = "*"
labels = {ALL: t("impact.program_all")}
labels.update(
    {
        row.key: t("impact.program_option", name=row.name, runs=row.runs, n=num(row.participants, 0))
        for row in courses.itertuples()
    }
)
key = st.selectbox(t("impact.program"), list(labels), format_func=labels.get, key="impact_program")
st.caption(t("impact.period_note"))

with st.spinner(t("impact.computing")):
    impact = ui.program_impact(
        url,
        scope,
        date_from,
        date_to,
        selection,
        None if key == ALL else key,
        threshold,
        t("impact.program_all"),
    )
if impact is None:
    st.info(t("impact.no_programs"))
    st.stop()
sentences = level_sentences(impact, lang)


def _ci(low: float, high: float, decimals: int = 2) -> str:
    return (
        t("impact.card.ci", low=num(low, decimals), high=num(high, decimals))
        if ui.is_finite(low)
        else t("impact.not_estimable")
    )


# ---- the chain of evidence: four cards
st.subheader(t("impact.chain"))
cards = st.columns(4)
use = impact.reaction.set_index("item").loc["reaction_usefulness"]
lr, beh = impact.learning, impact.behaviour
ikm = impact.results.get("ikm")
card_values = [
    (
        "reaction",
        t("impact.metric.usefulness"),
        num(use["mean"]),
        _ci(use["ci_low"], use["ci_high"]),
        use["n"],
        t("impact.method.reaction"),
    ),
    (
        "learning",
        t("impact.metric.gain"),
        num(lr.mean_gain, 1),
        _ci(lr.ci_low, lr.ci_high, 1),
        lr.n,
        t(f"impact.method.learning.{lr.primary_test}", dz=num(lr.d_z)),
    ),
    (
        "behaviour",
        t("impact.metric.skp"),
        num(beh.did.estimate, 1),
        _ci(beh.did.ci_low, beh.did.ci_high, 1),
        beh.n_trained,
        t("impact.method.behaviour"),
    ),
]
if ikm is not None:
    ikm_spec = OUTCOMES[0]
    card_values.append(
        (
            "results",
            t("impact.metric.ikm"),
            format_effect(ikm.overall.estimate, ikm_spec, lang),
            _ci(ikm.overall.ci_low, ikm.overall.ci_high, 1),
            ikm.n_treated_units,
            t("impact.method.results", threshold=pct(impact.threshold, 0)),
        )
    )
else:
    card_values.append(
        (
            "results",
            t("impact.metric.ikm"),
            "–",
            t("impact.results.pick_course"),
            0,
            t("impact.method.results", threshold=pct(impact.threshold, 0)),
        )
    )
for col, (level, label, value, ci_text, n, method) in zip(cards, card_values, strict=True):
    with col.container(border=True):
        st.markdown(f"**{t(f'impact.level.{level}')}**")
        st.metric(label, value if value not in ("nan", "–") else "–")
        st.caption(f"{ci_text} · {t('impact.card.n', n=num(n, 0))}")
        st.caption(method)
        if sentences[level]:
            st.write(sentences[level])

# ---- level 2 in detail
st.subheader(t("impact.section.learning"))
counts = lr.counts
st.caption(
    t(
        "impact.learning.counts",
        paired=num(counts.paired, 0),
        pre_only=num(counts.pre_only, 0),
        post_only=num(counts.post_only, 0),
        neither=num(counts.neither, 0),
    )
)
if lr.n:
    left, right = st.columns(2)
    left.plotly_chart(ui.dumbbell_chart(impact.participants, lang), width="stretch", key="impact_dumbbell")
    left.caption(
        t("impact.learning.sample_note", shown=num(min(lr.n, ui.DUMBBELL_MAX), 0), total=num(lr.n, 0))
    )
    right.plotly_chart(
        ui.score_distribution_chart(impact.participants, lang), width="stretch", key="impact_distribution"
    )
    band = t(f"impact.hake.{lr.hake_band}") if lr.hake_band else "–"
    st.caption(
        t(
            "impact.learning.hake",
            g_class=num(lr.hake_class),
            band=band,
            g_ind=num(lr.hake_individual_mean),
            low=num(lr.hake_individual_ci_low),
            high=num(lr.hake_individual_ci_high),
            n=num(lr.hake_individual_n, 0),
            excluded=num(lr.hake_excluded_at_max, 0),
        )
    )
    st.caption(t("impact.test.rule", p_t=format_p(lr.p_t, lang), p_w=format_p(lr.p_wilcoxon, lang)))

st.subheader(t("impact.section.reaction"))
st.plotly_chart(ui.reaction_chart(impact.reaction_distribution, lang), width="stretch", key="impact_reaction")

# ---- level 4: event study
st.subheader(t("impact.section.results"))
ikm_study = impact.results.get("ikm")
if key != ALL and (ikm_study is None or not ikm_study.estimable):
    # one programme too small: say what level 4 would take, and show its kind's pooled effect
    need = ui.need(url, scope, date_from, date_to, selection, key, threshold)
    if need is not None and not need.enough:
        st.warning(
            t(
                "impact.need.short",
                reached=num(need.units_reached, 0),
                threshold=pct(threshold, 0),
                needed=num(need.units_needed, 0),
                staff=num(need.staff_to_train, 0),
            )
        )
    kind = courses.set_index("key").loc[key, "competency_type"]
    if kind and "," not in kind:
        st.markdown(f"**{t('impact.pooled.header_type', type=t(f'impact.competency.{kind}'))}**")
        st.dataframe(
            ui.pooled_for_display(
                ui.pooled(url, scope, date_from, date_to, selection, threshold, kind), lang
            ),
            hide_index=True,
            width="stretch",
        )
        st.caption(t("impact.pooled.note", threshold=pct(threshold, 0)))
if key == ALL:
    st.markdown(f"**{t('impact.pooled.header')}**")
    st.dataframe(
        ui.pooled_for_display(ui.pooled(url, scope, date_from, date_to, selection, threshold), lang),
        hide_index=True,
        width="stretch",
    )
    st.caption(t("impact.pooled.note", threshold=pct(threshold, 0)))
if not impact.results:
    st.info(t("impact.results.pick_course"))
else:
    outcome = (
        st.segmented_control(
            t("impact.results.outcome"),
            [o.column for o in OUTCOMES],
            default="ikm",
            format_func=lambda c: t(f"impact.outcome.{c}"),
            key="impact_outcome",
        )
        or "ikm"
    )
    spec = next(o for o in OUTCOMES if o.column == outcome)
    study = impact.results[outcome]
    st.write(results_sentence(impact, outcome, lang))
    if study.estimable:
        st.plotly_chart(ui.event_study_chart(study, spec, lang), width="stretch", key="impact_event")
        st.caption(t("impact.results.cells_note"))
    st.caption(t("impact.results.clean_controls", n=num(study.n_excluded_controls, 0)))

# ---- programmes compared, and the table
table, learning = ui.comparison(url, scope, date_from, date_to, selection, threshold)
st.subheader(t("impact.section.compare"))
ranked, too_small = split_small_programs(learning)
if not ranked.empty:
    st.plotly_chart(ui.forest_chart(ranked, lang), width="stretch", key="impact_forest")
    st.caption(t("impact.compare_note"))
if not too_small.empty:
    st.markdown(f"**{t('impact.small.header', n=MIN_PARTICIPANTS_FOR_RANKING)}**")
    st.dataframe(
        {
            t("impact.small.col.program"): too_small["name"],
            t("impact.small.col.n"): [num(v, 0) for v in too_small["n_paired"]],
            t("impact.small.col.gain"): [num(v, 1) for v in too_small["mean_gain"]],
        },
        hide_index=True,
        width="stretch",
    )
st.subheader(t("impact.section.table"))
shown = ui.table_for_display(table, lang)
st.dataframe(shown, hide_index=True, width="stretch")
if st.download_button(
    t("impact.download"),
    to_csv_bytes(table),
    file_name=f"dampak_pelatihan_{date_from:%Y%m%d}_{date_to:%Y%m%d}.csv",
    mime="text/csv",
    icon=":material/download:",
):
    audit_event("export", what="training_impact", rows=len(table))

with st.expander(t("impact.cannot_tell")):
    st.write(t("impact.cannot_tell_text"))
