"""Issue 16 point 4: the 5-working-day standard counts Indonesia's holidays and cuti bersama.

Hand-checked calendar: Idul Fitri 1446 H fell on Monday 31 March and Tuesday
1 April 2025 (national holidays in the ``holidays`` library); the 2025 SKB added
cuti bersama on 2, 3, 4 and 7 April. A complaint received Friday 28 March and
answered Tuesday 8 April is 7 Monday–Friday days late-looking, but only 1
working day in Indonesia: Friday 28 March itself.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest
from sqlalchemy import Engine

from lib.analysis import complaints as calc
from lib.cli import main as cli_main
from lib.queries.holidays import (
    add_holiday,
    list_holidays,
    refresh_holiday_calendar,
    remove_holiday,
    year_calendar,
)
from lib.services.complaints import overview as load_complaint_overview
from lib.workdays import national_holidays, set_admin_holidays, working_days_between
from tests.complaints.complaint_factory import add_complaints, add_units

T = pd.Timestamp
CUTI_2025 = [date(2025, 4, 2), date(2025, 4, 3), date(2025, 4, 4), date(2025, 4, 7)]


@pytest.fixture(autouse=True)
def _no_admin_days():
    set_admin_holidays(())
    yield
    set_admin_holidays(())


def test_library_knows_lebaran_2025() -> None:
    days = national_holidays(2025)
    assert date(2025, 3, 31) in days and date(2025, 4, 1) in days
    assert date(2025, 8, 17) in days  # Independence Day


def test_lebaran_week_is_not_late() -> None:
    start, end = pd.Series([T("2025-03-28")]), pd.Series([T("2025-04-08")])
    assert np.busday_count(np.datetime64("2025-03-28"), np.datetime64("2025-04-08")) == 7  # the old count
    assert working_days_between(start, end)[0] == 5  # national holidays 31 Mar, 1 Apr removed
    assert working_days_between(start, end, holidays=CUTI_2025)[0] == 1  # and the SKB's cuti bersama
    set_admin_holidays(CUTI_2025)
    assert working_days_between(start, end)[0] == 1  # admin days are the default calendar


def test_resolution_summary_judges_lateness_on_the_indonesian_calendar() -> None:
    pairs = pd.DataFrame(
        {
            "unit_id": [1],
            "complaint_date": [T("2025-03-28")],
            "resolved_date": [T("2025-04-08")],
            "complaints": [1],
        }
    )
    assert calc.resolution_summary(pairs).iloc[0]["resolved_late"] == 0  # 5 days: within the standard
    set_admin_holidays(CUTI_2025)
    row = calc.resolution_summary(pairs).iloc[0]
    assert (row["median_working_days"], row["resolved_late"]) == (1, 0)


def test_admin_table_extends_the_calendar_and_the_overview_uses_it(engine: Engine) -> None:
    ids = add_units(engine, ["KEL-H1"])
    add_complaints(
        engine,
        [
            {
                "number": "H1",
                "complaint_date": date(2025, 3, 28),
                "unit_id": ids["KEL-H1"],
                "text": "antrian lama",
                "status": "proses",
            }
        ],
    )
    # open on Wednesday 9 April: Monday–Friday says 8 days; less Lebaran (31 Mar, 1 Apr) 6: late;
    # less the SKB's cuti bersama (2–4, 7 Apr) only 2 (28 Mar and 8 Apr): not late
    window = {"date_from": date(2025, 3, 1), "date_to": date(2025, 4, 9), "as_of": date(2025, 4, 9)}
    overview = load_complaint_overview(engine=engine, **window)
    assert overview.backlog.iloc[0]["oldest_working_days"] == 6
    assert overview.totals["backlog_overdue"] == 1
    for day in CUTI_2025:
        assert add_holiday(engine, day, "Cuti bersama Idul Fitri 1446 H", by="admin")
    assert not add_holiday(engine, CUTI_2025[0], "again")  # a day is recorded once
    assert len(list_holidays(engine, 2025)) == 4
    overview = load_complaint_overview(engine=engine, **window)
    assert overview.backlog.iloc[0]["oldest_working_days"] == 2
    assert overview.totals["backlog_overdue"] == 0
    calendar_2025 = year_calendar(engine, 2025)
    assert {"nasional", "cuti_bersama"} <= set(calendar_2025["source"])
    assert remove_holiday(engine, CUTI_2025[0]) and not remove_holiday(engine, date(2025, 1, 2))
    assert date(2025, 4, 2) not in refresh_holiday_calendar(engine)


def test_cli_adds_lists_and_removes_days(engine: Engine, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("lib.cli.holidays.get_engine", lambda: engine)
    assert cli_main(["holidays", "add", "2025-04-02", "Cuti bersama Idul Fitri"]) == 0
    assert cli_main(["holidays", "list", "--year", "2025"]) == 0
    out = capsys.readouterr().out
    assert "2025-04-02" in out and "Cuti bersama Idul Fitri" in out and "2025-03-31" in out
    assert cli_main(["holidays", "add", "2025-13-02", "x"]) == 2
    assert cli_main(["holidays", "remove", "2025-04-02"]) == 0
    assert list_holidays(engine).empty
