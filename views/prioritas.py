"""Prioritas Pelatihan: which units need training most, why, what training, and for whom.

Scores come from the whole city (lib.ui.priorities) and are cut to the viewer's
scope here, so a manager sees the same score and city rank as leadership.
"""

import numpy as np
import pandas as pd
import streamlit as st

from lib.analysis.priority_city import in_scope
from lib.analysis.priority_model import MIN_AUC
from lib.analysis.priority_score import (
    COMPONENTS,
    DEFAULT_WEIGHTS,
    FLAG_REASON_SHARE,
    FLAG_THRESHOLD,
    MIN_COVERAGE,
    UNIT_RANKED,
    recommended_themes,
)
from lib.analysis.priority_text import (
    basis_text,
    component_rows,
    missing_text,
    model_reasons_text,
    reason_text,
    reasons_text,
)
from lib.auth.privacy import redact_people
from lib.auth.roles import can_see_names
from lib.db import get_engine
from lib.queries.staff_needs import staff_needing_training
from lib.queries.units import Scope
from lib.ui import priorities as data
from lib.ui.auth import audited_download_button, current_scope, require_principal
from lib.ui.data import db_url
from lib.ui.i18n import day, num, pct, t
from lib.ui.state import get_filters, get_lang

principal = require_principal()
filters = get_filters()
scope = current_scope()
lang = get_lang()
url = db_url()

st.title(t("priority.title"))
st.caption(t("priority.caption"))

with st.expander(t("priority.weights")):
    columns = st.columns(4)
    weights = {
        c.key: columns[i % 4].slider(
            t(f"priority.component.{c.key}"),
            0,
            50,
            int(DEFAULT_WEIGHTS[c.key]),
            5,
            key=f"telaah_priority_w_{c.key}",
        )
        for i, c in enumerate(COMPONENTS)
    }
if not any(weights.values()):
    weights = DEFAULT_WEIGHTS

city = data.scored(url, filters.date_from, filters.date_to, tuple(sorted(weights.items())))
scored = in_scope(city, scope)
if scored.empty:
    st.info(t("priority.empty"))
    st.stop()
result = data.model(url, filters.date_to)
if result.shown:
    scored = scored.merge(result.predictions.drop(columns="quarter_start"), on="unit_id", how="left")

ranked = scored[scored["status"] == UNIT_RANKED]
short = scored[scored["status"] != UNIT_RANKED]
city_ranked = city[city["status"] == UNIT_RANKED]
refs = data.references(url, filters.date_from, filters.date_to)
st.markdown(
    t(
        "priority.flagged_count",
        n=int(ranked["flagged"].sum()),
        total=len(ranked),
        threshold=num(FLAG_THRESHOLD, 0),
        share=pct(FLAG_REASON_SHARE, 0),
    )
)
st.caption(
    t(
        "priority.city.caption",
        total=num(len(city_ranked), 0),
        rate=num(refs["rate_per_1000"], 2),
        on_time=pct(refs["pct_on_time"] / 100, 1),
        late=pct(refs["share_late"], 1),
        jp=pct(refs["share_20jp"], 1),
    )
)
if len(ranked) < len(city_ranked):
    st.caption(
        t(
            "priority.scope_flagged",
            n=int(ranked["flagged"].sum()),
            total=len(ranked),
            flagged_city=int(city_ranked["flagged"].sum()),
        )
    )
if not ranked.empty:
    st.plotly_chart(
        data.priority_bar_chart(ranked, t("priority.chart.title"), t("priority.col.score")),
        width="stretch",
    )

table = {
    t("priority.col.city_rank"): ranked["rank"].astype(int),
    t("priority.col.unit"): ranked["nama_unit"],
    t("priority.col.score"): ranked["score"],
    t("priority.col.reasons"): [reasons_text(r, lang) for _, r in ranked.iterrows()],
    t("priority.col.ikm"): ranked["ikm"],
    t("priority.col.rate"): ranked["rate_per_1000"],
    t("priority.col.jp"): ranked["share_20jp"] * 100,
    t("priority.col.coverage"): ranked["coverage"] * 100,
}
if result.shown:
    table[t("priority.col.risk")] = [
        t(f"priority.risk.{b}") if isinstance(b, str) else "–" for b in ranked["risk_band"]
    ]
st.dataframe(
    table,
    hide_index=True,
    width="stretch",
    column_config={
        t("priority.col.score"): st.column_config.ProgressColumn(format="%.0f", min_value=0, max_value=100),
        t("priority.col.ikm"): st.column_config.NumberColumn(format="%.2f"),
        t("priority.col.rate"): st.column_config.NumberColumn(format="%.1f"),
        t("priority.col.jp"): st.column_config.NumberColumn(format="%.0f%%"),
        t("priority.col.coverage"): st.column_config.NumberColumn(format="%.0f%%"),
    },
)
if not short.empty:
    with st.expander(t("priority.data_kurang", n=len(short))):
        st.caption(t("priority.data_kurang.caption", coverage=pct(MIN_COVERAGE, 0)))
        st.dataframe(
            {
                t("priority.col.unit"): short["nama_unit"],
                t("priority.col.coverage"): short["coverage"] * 100,
                t("priority.col.missing"): [missing_text(r, lang) for _, r in short.iterrows()],
                t("priority.col.reasons"): [reasons_text(r, lang) for _, r in short.iterrows()],
            },
            hide_index=True,
            width="stretch",
            column_config={t("priority.col.coverage"): st.column_config.NumberColumn(format="%.0f%%")},
        )

st.subheader(t("priority.profile"))
listed = pd.concat([ranked, short])
codes = listed["kode_unit"].tolist()
names = dict(zip(listed["kode_unit"], listed["nama_unit"], strict=True))
code = st.selectbox(t("priority.profile.pick"), codes, format_func=names.get, key="telaah_priority_unit")
row = listed[listed["kode_unit"] == code].iloc[0]
metrics = st.columns(3) + st.columns(3)
ikm_text = f"{num(row['ikm'])} ({row['mutu']})" if np.isfinite(row["ikm"]) else "–"
on_time = pct(row["pct_on_time"] / 100, 0) if np.isfinite(row["pct_on_time"]) else "–"
score_text = num(row["score"], 0) if row["status"] == UNIT_RANKED else t("priority.data_kurang", n=1)
metrics[0].metric(t("priority.col.score"), score_text, border=True)
metrics[1].metric(
    t("priority.col.city_rank"),
    f"{int(row['rank'])} / {len(city_ranked)}" if row["status"] == UNIT_RANKED else "–",
    border=True,
)
metrics[2].metric(t("priority.metric.ikm"), ikm_text, border=True)
metrics[3].metric(t("priority.metric.rate"), num(row["rate_per_1000"], 1), border=True)
metrics[4].metric(t("priority.metric.on_time"), on_time, border=True)
metrics[5].metric(t("priority.metric.untrained"), num(row["untrained_12m"], 0), border=True)

components = component_rows(row, lang)
st.dataframe(
    {
        t("priority.col.component"): [c["label"] for c in components],
        t("priority.col.value"): [c["value"] for c in components],
        t("priority.col.standard"): [c["standard"] for c in components],
        t("priority.col.ci"): [c["ci"] for c in components],
        t("priority.col.need"): [c["need"] for c in components],
        t("priority.col.evidence"): [c["status"] for c in components],
        t("priority.col.is_reason"): [c["reason"] for c in components],
    },
    hide_index=True,
    width="stretch",
    column_config={
        t("priority.col.need"): st.column_config.ProgressColumn(format="%.2f", min_value=0, max_value=1)
    },
)
basis = basis_text(row, lang)
if basis:
    st.caption(basis)

left, right = st.columns(2)
with left:
    st.markdown(f"**{t('priority.profile.reasons')}**")
    if row["reasons"]:
        for key in row["reasons"]:
            st.markdown(f"- {t(f'priority.component.{key}')}: {reason_text(key, row, lang)}")
    else:
        st.caption(t("priority.profile.no_reasons"))
    band = row.get("risk_band")
    if result.shown and isinstance(band, str):
        st.caption(
            f"{t('priority.col.risk')}: {t('priority.risk.' + band)} ({model_reasons_text(row, lang)})"
        )
with right:
    st.markdown(f"**{t('priority.profile.recommend')}**")
    themes = recommended_themes(row, theme_map=data.theme_map(url))
    if not themes:
        st.caption(t("priority.profile.no_recommend"))
    for theme, source in themes:
        kind, _, name = source.partition(":")
        label = name if kind != "complaints" else t(f"complaints.theme.{name}")
        st.markdown(f"- {t(theme)} · _{t(f'priority.profile.source.{kind}', name=label)}_")

st.markdown(f"**{t('priority.profile.history')}**")
unit_scope = current_scope(Scope(path_prefix=row["path"]))
history = data.training_history(url, unit_scope, filters.date_from, filters.date_to)
if history.empty:
    st.caption(t("priority.profile.no_history"))
else:
    st.dataframe(
        {
            t("priority.history.program"): history["program_name"],
            t("priority.history.end"): [day(d) for d in history["end_date"]],
            t("priority.history.participants"): history["participants"],
            t("priority.history.effect"): [
                f"{num(d)} ({num(lo)}–{num(hi)})"
                for d, lo, hi in zip(
                    history["d_z"], history["d_z_ci_low"], history["d_z_ci_high"], strict=True
                )
            ],
            t("priority.history.verdict"): [t(f"impact.verdict.{v}") for v in history["verdict"]],
        },
        hide_index=True,
        width="stretch",
    )
    st.caption(t("priority.profile.history_caption"))

st.markdown(f"**{t('priority.profile.staff')}**")
unit_staff = data.staff(url, unit_scope, filters.date_to.year, filters.date_to)
unit_staff = unit_staff[unit_staff["unit_code"] == code]
if unit_staff.empty:
    st.caption(t("priority.profile.no_staff"))
elif can_see_names(principal):
    st.dataframe(data.staff_table(unit_staff, lang), hide_index=True, width="stretch")
else:
    st.caption(t("priority.profile.staff_hidden", n=len(unit_staff)))

st.subheader(t("priority.model.title"))
st.caption(t("priority.model.caption"))
if not result.available:
    st.info(t(f"priority.model.unavailable.{result.reason}"))
else:
    cols = st.columns(3)
    cols[0].metric(t("priority.model.auc"), num(result.auc, 2))
    cols[1].metric(t("priority.model.balanced"), pct(result.balanced_accuracy, 0))
    cols[2].metric(t("priority.model.base_rate"), pct(result.base_rate_test, 0))
    st.caption(
        t(
            "priority.model.split",
            train_from=result.train_quarters[0],
            train_to=result.train_quarters[-1],
            test_from=result.test_quarters[0],
            test_to=result.test_quarters[-1],
            n_train=num(result.n_train, 0),
            n_test=num(result.n_test, 0),
        )
    )
    if result.shown:
        st.caption(t("priority.model.bands", **{b: pct(result.band_rates[b], 0) for b in result.band_rates}))
    else:
        st.warning(t("priority.model.hidden", auc=num(result.auc, 2), minimum=num(MIN_AUC, 2)))


def _training_plan() -> bytes:
    """Built only when the button is clicked (it lists every priority employee at city scale)."""
    from lib.reports.training_plan import training_plan_xlsx

    staff = None
    if can_see_names(principal):
        staff = redact_people(
            staff_needing_training(get_engine(url), scope, filters.date_to.year, filters.date_to), principal
        )
    return training_plan_xlsx(scored, staff, weights, lang, data.theme_map(url))


audited_download_button(
    t("priority.export"),
    _training_plan,
    file_name=f"rencana_pelatihan_{filters.date_to:%Y%m%d}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    kind="training_plan",
    rows=len(ranked),
    icon=":material/download:",
)
