"""The admin's small editor of days off (cuti bersama from each year's SKB) on Status Data.

National holidays come from the ``holidays`` library and are shown read-only;
an admin adds the year's cuti bersama (or a moved holiday) so the 5-working-day
complaint standard is judged as government offices count days. The same table
is edited from the command line with ``python -m lib holidays``.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from lib.auth.audit import Action
from lib.queries.holidays import KINDS, add_holiday, remove_holiday, year_calendar
from lib.ui.auth import audit_event
from lib.ui.data import engine
from lib.ui.i18n import day, t


def holiday_editor(username: str) -> None:
    """List a year's days off; add or remove an admin-recorded day."""
    st.subheader(t("holidays.header"))
    st.caption(t("holidays.caption"))
    year = int(st.number_input(t("holidays.year"), 2000, 2100, date.today().year, key="holidays_year"))
    calendar = year_calendar(engine(), year)
    st.dataframe(
        {
            t("holidays.col.day"): [day(d) for d in calendar["day"]],
            t("holidays.col.name"): calendar["name"],
            t("holidays.col.source"): [t(f"holidays.source.{s}") for s in calendar["source"]],
        },
        hide_index=True,
        width="stretch",
    )
    with st.form("holidays_add", clear_on_submit=True):
        cols = st.columns([1, 2, 1])
        new_day = cols[0].date_input(t("holidays.col.day"), value=None, format="DD/MM/YYYY")
        name = cols[1].text_input(t("holidays.col.name"), max_chars=200)
        kind = cols[2].selectbox(
            t("holidays.col.source"), KINDS, format_func=lambda k: t(f"holidays.source.{k}")
        )
        if st.form_submit_button(t("holidays.add")):
            if new_day is None or not name.strip():
                st.error(t("holidays.missing"))
            elif add_holiday(engine(), new_day, name, kind, by=username):
                audit_event(Action.HOLIDAY_ADDED, day=new_day.isoformat(), name=name.strip())
                st.success(t("holidays.added", day=day(new_day)))
            else:
                st.info(t("holidays.exists", day=day(new_day)))
    admin_days = calendar[calendar["source"] != "nasional"]["day"].tolist()
    if admin_days:
        with st.form("holidays_remove"):
            chosen = st.selectbox(t("holidays.remove_pick"), admin_days, format_func=day)
            if st.form_submit_button(t("holidays.remove")) and remove_holiday(engine(), chosen):
                audit_event(Action.HOLIDAY_REMOVED, day=chosen.isoformat())
                st.success(t("holidays.removed", day=day(chosen)))
