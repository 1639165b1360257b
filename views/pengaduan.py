"""Pengaduan: which units' complaints grow, about what (in citizens' own words), and how fast they are answered."""

from __future__ import annotations

from datetime import date

import streamlit as st

from lib.auth.audit import Action
from lib.auth.roles import can_import
from lib.ui import complaint_themes as themes_ui
from lib.ui import complaints as ui
from lib.ui.auth import audit_event, current_scope, require_principal
from lib.ui.data import db_url, engine
from lib.ui.i18n import day, num, pct, t
from lib.ui.sidebar import scoped_title
from lib.ui.state import get_filters, get_lang

principal = require_principal()
filters, scope, lang, url = get_filters(), current_scope(), get_lang(), db_url()
engine()  # migrate before the first query

st.title(scoped_title(t("complaints.title")))
st.caption(t("complaints.caption"))
first, last = ui.date_span(url, scope)
date_from = max(filters.date_from, first) if first else filters.date_from
date_to = min(filters.date_to, last) if last else filters.date_to
if first is None or date_from > date_to:
    st.info(t("complaints.empty"))
    st.stop()

period = (
    st.segmented_control(
        t("complaints.period"),
        ["month", "quarter"],
        default="month",
        format_func=lambda p: t(f"complaints.period.{p}"),
        key="complaints_period",
    )
    or "month"
)
labels_only = bool(st.session_state.get("complaints_labels_only", False))
ov = ui.overview(url, scope, date_from, date_to, period, labels_only)
theme_state = themes_ui.status(url)
if ov.empty:
    st.info(t("complaints.empty"))
    st.stop()

# ---- headline
totals = ov.totals
cols = st.columns(5)
cols[0].metric(t("complaints.metric.complaints"), num(totals["complaints"], 0))
cols[1].metric(
    t("complaints.metric.rate"),
    num(totals["rate_per_1000"], 2),
    help=t("complaints.metric.rate_help", low=num(totals["rate_low"], 2), high=num(totals["rate_high"], 2)),
)
cols[2].metric(
    t("complaints.metric.median"),
    num(totals.get("median_working_days"), 1),
    help=t("complaints.metric.median_help", n=num(totals.get("resolved", 0), 0)),
)
cols[3].metric(
    t("complaints.metric.late"),
    pct(totals.get("share_late"), 0),
    help=t(
        "complaints.metric.late_help",
        low=pct(totals.get("share_late_low"), 0),
        high=pct(totals.get("share_late_high"), 0),
        n=num(totals.get("judged", 0), 0),
    ),
)
cols[4].metric(
    t("complaints.metric.backlog"),
    num(totals.get("backlog", 0), 0),
    help=t("complaints.metric.backlog_help", overdue=num(totals.get("backlog_overdue", 0), 0)),
)
for sentence in ui.overview_sentences(ov, lang)[:3]:
    st.markdown(ui.md_escape(sentence))

# ---- spikes
st.subheader(t("complaints.spikes.header"))
spikes = ui.spike_sentences(ov, lang)
if ov.spikes.series.empty:
    st.caption(
        t(
            "complaints.spikes.short",
            months=ov.spikes.settings.recent_months + ov.spikes.settings.min_baseline_months,
        )
    )
elif spikes:
    for sentence in spikes:
        st.warning(ui.md_escape(sentence), icon=":material/trending_up:")
else:
    st.success(ui.md_escape(ui.overview_sentences(ov, lang)[-1]))
if not ov.spikes.series.empty:
    st.caption(ui.method_note(ov, lang))
    with st.expander(t("complaints.spikes.table")):
        st.dataframe(ui.spike_table(ov, lang), hide_index=True, width="stretch")

# ---- trend per unit
st.subheader(t("complaints.trend.header"))
names = ui.unit_names(ov)
choices = [int(u) for u in ov.summary["unit_id"]]
shown = st.multiselect(
    t("complaints.trend.units"),
    choices,
    default=[u for u in ui.default_trend_units(ov) if u in choices],
    format_func=lambda u: names.get(u, str(u)),
    help=t("complaints.trend.help"),
    key="complaints_trend_units",
)
trend_event = st.plotly_chart(
    ui.trend_chart(ov, shown, lang),
    width="stretch",
    key="complaints_trend",
    on_select="rerun",
    selection_mode="points",
)

# ---- unit × theme
st.subheader(t("complaints.heatmap.header"))
has_rates = bool(ov.theme_rates["services"].fillna(0).gt(0).any()) if not ov.theme_rates.empty else False
measures = ["rate", "count", "share"] if has_rates else ["count", "share"]
measure = (
    st.segmented_control(
        t("complaints.heatmap.measure"),
        measures,
        default=measures[0],
        format_func=lambda m: t(f"complaints.heatmap.{m}"),
        key="complaints_heatmap_measure",
    )
    or measures[0]
)
st.toggle(
    t("complaints.themes.labels_only"),
    key="complaints_labels_only",
    help=t("complaints.themes.labels_only_help"),
)
heat_event = st.plotly_chart(
    ui.heatmap_chart(ov, measure, lang), width="stretch", key="complaints_heatmap", on_select="rerun",
    selection_mode="points",
)  # fmt: skip
n_units = ov.theme_rates["unit_id"].nunique()
if n_units > ui.MAX_HEATMAP_UNITS:
    st.caption(t("complaints.heatmap.top", shown=ui.MAX_HEATMAP_UNITS, total=n_units))
st.caption(themes_ui.source_sentence(totals, theme_state.threshold, lang))
if totals.get("predicted", 0) or totals.get(
    "abstained", 0
):  # predictions in the figures: their quality beside them
    st.caption(" ".join(themes_ui.quality_sentences(theme_state, lang)))

# ---- resolution and backlog
left, right = st.columns(2)
with left:
    st.subheader(t("complaints.resolution.header"))
    st.plotly_chart(ui.resolution_chart(ov, lang), width="stretch", key="complaints_resolution")
    st.caption(t("complaints.resolution.note", cap=30))
with right:
    st.subheader(t("complaints.backlog.header"))
    if ov.backlog_buckets.empty:
        st.caption(t("complaints.backlog.none"))
    else:
        st.plotly_chart(ui.backlog_chart(ov, lang), width="stretch", key="complaints_backlog")
        st.caption(ui.overview_sentences(ov, lang)[2] if len(ui.overview_sentences(ov, lang)) > 2 else "")

with st.expander(t("complaints.channels.header")):
    left, right = st.columns(2)
    left.dataframe(ui.shares_table(ov.channel_shares, "channel", lang), hide_index=True, width="stretch")
    right.dataframe(ui.shares_table(ov.status_shares, "status", lang), hide_index=True, width="stretch")
# the open backlog (all still open) and the status table (received in the period) reconciled
st.caption(
    t(
        "complaints.backlog.reconcile",
        as_of=day(ov.as_of),
        total=num(totals.get("backlog", 0), 0),
        in_period=num(totals.get("backlog_received_in_period", 0), 0),
        before=num(totals.get("backlog_received_before", 0), 0),
    )
)

# ---- per-unit table
st.subheader(t("complaints.table.header"))
table_event = st.dataframe(
    ui.summary_table(ov, lang), hide_index=True, width="stretch", key="complaints_table", on_select="rerun",
    selection_mode="single-row",
)  # fmt: skip

# ---- drill-down into the texts
st.subheader(t("complaints.drill.header"))
st.caption(t("complaints.drill.caption"))
ALL = "__all__"
unit_options = [ALL, *choices]
theme_options = [ALL, *[k if k is not None else "" for k in ui.theme_keys(ov.theme_rates)]]
month_options = (
    [ALL, *sorted({d.date() for d in ov.trend["period"]}, reverse=True)] if period == "month" else [ALL]
)
ui.apply_selection(
    st.session_state,
    trend=ui.selected_point(trend_event),
    heatmap=ui.selected_point(heat_event),
    table_rows=ui.selected_rows(table_event),
    summary_unit_ids=[int(u) for u in ov.summary["unit_id"]],
    unit_options=unit_options,
    theme_options=theme_options,
    month_options=month_options,
    on_forged=lambda source, payload: audit_event(
        Action.ACCESS_DENIED, forged_selection=source, payload=repr(payload)[:200]
    ),
)
c1, c2, c3 = st.columns(3)
unit_choice = c1.selectbox(
    t("complaints.drill.unit"),
    unit_options,
    format_func=lambda u: t("complaints.drill.all") if u == ALL else names.get(int(u), str(u)),
    key="complaints_drill_unit",
)
theme_choice = c2.selectbox(
    t("complaints.drill.theme"),
    theme_options,
    format_func=lambda k: t("complaints.drill.all") if k == ALL else ui.theme_label(k or None, lang),
    key="complaints_drill_theme",
)
month_choice = c3.selectbox(
    t("complaints.drill.month"),
    month_options,
    format_func=lambda m: t("complaints.drill.all") if m == ALL else ui.month_label(m, lang),
    key="complaints_drill_month",
)
texts = ui.drilldown(
    url,
    scope,
    date_from,
    date_to,
    None if unit_choice == ALL else int(unit_choice),
    None if theme_choice == ALL else theme_choice,
    None if month_choice == ALL or not isinstance(month_choice, date) else month_choice,
)
if texts.empty:
    st.caption(t("complaints.drill.none"))
else:
    st.caption(t("complaints.drill.count", shown=num(len(texts), 0)))
    st.dataframe(
        ui.drill_table(texts, lang),
        hide_index=True,
        width="stretch",
        column_config=ui.drill_column_config(lang),
        key="complaints_texts",
    )
st.caption(t("complaints.drill.period", start=day(date_from), end=day(date_to)))


# ---- theme model: measured quality, labelling round, theme list (nothing here trains)
with st.expander(t("complaints.classifier.header")):
    st.caption(themes_ui.model_sentence(theme_state, lang))
    for sentence in themes_ui.quality_sentences(theme_state, lang):
        st.markdown(sentence)
    if theme_state.quality is not None:
        left, right = st.columns(2)
        left.caption(t("complaints.classifier.per_class"))
        left.dataframe(themes_ui.quality_table(theme_state.quality, lang), hide_index=True, width="stretch")
        right.caption(t("complaints.classifier.confusions"))
        right.dataframe(
            themes_ui.confusion_table(theme_state.quality, lang), hide_index=True, width="stretch"
        )
    pending = ui.pending_predictions(url, scope)["unpredicted"]
    if pending and theme_state.model is not None:
        st.caption(t("complaints.classifier.pending", n=num(pending, 0)))
if can_import(principal):
    with st.expander(t("complaints.round.header")):
        themes_ui.labelling_round(url, principal.username, lang)
    with st.expander(t("complaints.themes.editor")):
        themes_ui.theme_editor(url, principal.username, lang)
        themes_ui.topic_mapping_editor(url, principal.username, lang)
