"""Kepuasan Masyarakat: the IKM of the city and its units, what drags a unit down, and the SKM report."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lib.analysis.ikm import unit_changes, weakest_for_row
from lib.analysis.ikm_periods import previous_range
from lib.analysis.ikm_report import build_skm_report
from lib.auth.audit import Action
from lib.auth.privacy import prepare_for_display
from lib.db import get_engine
from lib.queries.survey import GROUP_DIMENSIONS
from lib.ui import ikm as ui
from lib.ui.auth import audit_event, current_scope, require_principal
from lib.ui.data import db_url, engine
from lib.ui.i18n import day, num, t
from lib.ui.sidebar import scoped_title
from lib.ui.state import get_filters, get_lang
from lib.ui.text import plain

principal = require_principal()
filters, scope, lang, url = get_filters(), current_scope(), get_lang(), db_url()
engine()  # migrate before the first query
st.title(scoped_title(t("ikm.page.title")))
path, region = scope.path_prefix, scope.region
first, last = ui.survey_bounds(url, path, region)
if first is None or last is None:
    st.info(t("ikm.page.empty"))
    st.stop()
date_from, date_to = max(filters.date_from, first), min(filters.date_to, last)
if date_from > date_to:
    st.info(t("ikm.page.empty"))
    st.stop()

left, right = st.columns([2, 3])
weight = (
    left.segmented_control(
        t("ikm.weight.label"),
        ["0.111", "exact"],
        default="0.111",
        format_func=lambda w: t(f"ikm.weight.option.{w}"),
        help=t("ikm.weight.help"),
        key="ikm_weight",
    )
    or "0.111"
)
rollup = right.toggle(t("ikm.rollup.label"), help=t("ikm.rollup.help"), key="ikm_rollup")

units = ui.units_ikm(url, path, region, date_from, date_to, weight, rollup)
change = ui.scope_change(url, path, region, date_from, date_to, weight)
if units.empty or change.ikm_2dp is None:
    st.info(t("ikm.page.empty"))
    st.stop()
weight_text = t(f"ikm.weight.{change.weight}")
st.caption(t("ikm.page.caption", n=num(change.responden, 0), start=day(date_from), end=day(date_to)))

# ---- headline
place = ui.scope_name(url, path, region, t("ikm.scope.city"))
cols = st.columns(4)
delta_help = (
    t(
        "ikm.metric.delta_help",
        start=day(change.previous_from),
        end=day(change.previous_to),
        prev=num(change.previous_2dp),
        n=num(change.previous_responden, 0),
    )
    if change.delta is not None
    else t("ikm.metric.no_previous", start=day(change.previous_from), end=day(change.previous_to))
)
cols[0].metric(
    t("ikm.metric.ikm", scope=place) + f" ({weight_text})",
    num(change.ikm_2dp),
    delta=ui.signed(change.delta, lang),
    help=delta_help,
)
cols[1].metric(t("ikm.metric.grade"), t(f"ikm.grade.{change.mutu}"))
cols[2].metric(
    t("ikm.metric.respondents"),
    num(change.responden, 0),
    delta=None if not change.previous_responden else num(change.responden - change.previous_responden, 0),
    delta_color="off",
)
cols[3].metric(t("ikm.metric.units"), num(len(units), 0))
st.markdown(ui.change_sentence(change, plain(place), lang))
st.caption(t("ikm.sentence.caveat"))

# ---- where the city loses points: elements per unit, then the ranking
prev_from, prev_to = previous_range(date_from, date_to)
previous = ui.units_ikm(url, path, region, prev_from, prev_to, weight, rollup)
ranked = unit_changes(units, previous)
heat_tab, rank_tab = st.tabs([t("ikm.section.heatmap"), t("ikm.section.ranking")])
with heat_tab:
    st.plotly_chart(ui.heatmap_chart(units, lang), width="stretch", key="ikm_heatmap")
    more = t("ikm.heatmap.more", shown=40, total=len(units)) if len(units) > 40 else ""
    st.caption(f"{t('ikm.heatmap.caption')} {more}")
with rank_tab:
    st.plotly_chart(ui.ranking_chart(ranked, lang, limit=15), width="stretch", key="ikm_ranking")
    more = t("ikm.ranking.more", shown=15, total=len(ranked)) if len(ranked) > 30 else ""
    st.caption(f"{t('ikm.ranking.caption')} IKM: {weight_text}. {more}")
    st.dataframe(ui.ranking_table(ranked, lang), hide_index=True, width="stretch")
    st.caption(t("ikm.sample.note"))

# ---- one unit in detail
by_weakness = units.sort_values("ikm")
codes = by_weakness["kode_unit"].tolist()
labels = {r["kode_unit"]: ui.unit_label(r) for _, r in by_weakness.iterrows()}
default = codes.index(filters.unit_code) if filters.unit_code in codes else 0
code = st.selectbox(
    t("ikm.unit.select"),
    codes,
    index=default,
    format_func=labels.get,
    key="ikm_detail_unit",
)
unit = ranked[ranked["kode_unit"] == code].iloc[0]
st.subheader(plain(unit["nama_unit"]))
cols = st.columns([1, 1, 2])
cols[0].metric(
    f"IKM ({weight_text})",
    num(unit["ikm_2dp"]),
    delta=ui.signed(unit["perubahan"], lang),
    help=t("ikm.metric.unit_delta_help", start=day(prev_from), end=day(prev_to)),
)
cols[1].metric(
    t("ikm.metric.grade"), t(f"ikm.grade.{unit['mutu']}") if isinstance(unit["mutu"], str) else "–"
)
sample_note = ui.sample_texts(ranked[ranked["kode_unit"] == code], lang)[0]
if ui.sample_short(unit):
    cols[2].warning(sample_note, icon=":material/warning:")
else:
    cols[2].caption(sample_note)

left, right = st.columns([2, 3])
with left:
    st.markdown(f"#### {t('ikm.section.weakest')}")
    st.caption(t("ikm.weakest.caption", unit=plain(unit["nama_unit"])))
    for weak in weakest_for_row(unit):
        st.markdown(
            "- "
            + t(
                "ikm.weakest.item",
                unsur=t(f"ikm.unsur.{weak.unsur}"),
                nrr=num(weak.nrr, 4),
                grade=weak.mutu,
                points=num(weak.points_lost),
                theme=t(weak.theme_key),
            )
        )
with right:
    st.markdown(f"#### {t('ikm.section.trend')}")
    months = (date_to.year - date_from.year) * 12 + date_to.month - date_from.month + 1
    period = (
        st.segmented_control(
            t("ikm.period.label"),
            ["month", "quarter", "semester", "year"],
            default="month" if months <= 12 else "quarter",
            format_func=lambda p: t(f"ikm.period.{p}"),
            key="ikm_trend_period",
        )
        or "quarter"
    )
    series = [
        (place, ui.scope_trend(url, path, region, date_from, date_to, weight, period)),
        (
            unit["nama_unit"],
            ui.unit_trend(
                url, unit["path"], int(unit["unit_id"]), date_from, date_to, weight, period, rollup
            ),
        ),
    ]
    st.plotly_chart(ui.trend_chart(series, lang), width="stretch", key="ikm_trend")
    st.caption(f"{t('ikm.trend.caption')} IKM: {weight_text}.")

st.subheader(t("ikm.section.profile"))
whole_scope = st.toggle(t("ikm.profile.whole_scope", scope=place), key="ikm_profile_scope")
if whole_scope:
    groups = ui.profile(url, path, region, date_from, date_to, weight, None)
else:
    st.caption(t("ikm.profile.of_unit", unit=plain(unit["nama_unit"])))
    groups = ui.profile(url, unit["path"], None, date_from, date_to, weight, int(unit["unit_id"]))
tabs = st.tabs([t(f"ikm.profile.{d}") for d in GROUP_DIMENSIONS])
for tab, dimension in zip(tabs, GROUP_DIMENSIONS, strict=True):
    with tab:
        st.plotly_chart(
            ui.profile_chart(groups[dimension], dimension, lang),
            width="stretch",
            key=f"ikm_profile_{dimension}",
        )

st.subheader(t("ikm.section.saran") + f" – {plain(unit['nama_unit'])}")
needle = st.text_input(t("ikm.saran.search"), key="ikm_saran_text")
found, total = ui.saran(url, unit["path"], int(unit["unit_id"]), date_from, date_to, needle)
if found.empty:
    st.caption(t("ikm.saran.none"))
else:
    st.caption(t("ikm.saran.count", n=num(total, 0), shown=num(len(found), 0)))
    found = prepare_for_display(found, principal)  # phone numbers, NIK, e-mail masked
    st.dataframe(
        pd.DataFrame(
            {
                t("ikm.col.date"): [day(d) for d in found["response_date"]],
                t("ikm.col.service"): found["service_type"].fillna("–"),
                t("ikm.col.suggestion"): found["suggestion"],
            }
        ),
        hide_index=True,
        width="stretch",
    )

# ---- official report (built only when downloaded)
st.subheader(t("ikm.section.report"))
st.caption(t("ikm.report.caption", unit=plain(unit["nama_unit"]), start=day(date_from), end=day(date_to)))
unit_code = str(unit["kode_unit"])


def _report():  # type: ignore[no-untyped-def]
    return build_skm_report(
        get_engine(url), date_from, date_to, unit_code, weight=weight, include_subunits=rollup
    )


def _skm_workbook(lang: str) -> bytes:
    """Built on click; the report modules are imported then, not on every visit."""
    from lib.reports.skm_excel import skm_workbook_bytes

    return skm_workbook_bytes(_report(), lang)


def _skm_pdf(lang: str) -> bytes:
    from lib.reports.skm_pdf import skm_pdf_bytes

    return skm_pdf_bytes(_report(), lang)


stem = f"SKM_{unit_code}_{date_from:%Y%m%d}_{date_to:%Y%m%d}"
audit = {
    "kind": "skm_report",
    "unit": unit_code,
    "from": str(date_from),
    "to": str(date_to),
    "weight": weight,
}
left, right = st.columns(2)
left.download_button(
    t("ikm.report.excel"),
    data=lambda: _skm_workbook(lang),
    file_name=f"{stem}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    icon=":material/table_view:",
    on_click=audit_event,
    args=(Action.EXPORT,),
    kwargs={**audit, "file": f"{stem}.xlsx"},
)
right.download_button(
    t("ikm.report.pdf"),
    data=lambda: _skm_pdf(lang),
    file_name=f"{stem}.pdf",
    mime="application/pdf",
    icon=":material/picture_as_pdf:",
    on_click=audit_event,
    args=(Action.EXPORT,),
    kwargs={**audit, "file": f"{stem}.pdf"},
)
