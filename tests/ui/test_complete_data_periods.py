"""Issue 16 point 1: periods end at the last month complete for every source.

The misleading case: complaints and service statistics run to 31 October 2025;
one unit's 30 November upload (a single complaint) used to move "12 bulan
terakhir" to December–November for the whole city, so November (no data yet)
was compared with a full November a year before and looked like a fall in
complaints. Now the anchor stays at 31 October and the headline change is not
computed against a window a source does not cover.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import Engine

from lib.analysis.summary import Headline, comparable_headlines
from lib.coverage import SourceCoverage, covers, last_complete_month, period_anchor, preset_range
from lib.queries.coverage import complete_data_anchor, data_coverage, default_window
from tests.complaints.complaint_factory import add_complaints, add_monthly_services, add_units

D = date.fromisoformat


def _months(first: str, last: str) -> list[date]:
    return [d.date() for d in pd.date_range(first, last, freq="MS")]


def test_trickle_month_is_not_complete() -> None:
    volumes = pd.Series({m: 100.0 for m in _months("2025-01-01", "2025-10-01")} | {date(2025, 11, 1): 3.0})
    # last day 30 Nov is a month end, but 3 records against a usual 100: November is incomplete
    assert last_complete_month(volumes, D("2025-11-30")) == D("2025-10-31")
    # a last day mid-month: that month is incomplete by the calendar alone
    assert last_complete_month(volumes.iloc[:-1], D("2025-10-15")) == D("2025-09-30")
    # a full November counts
    assert last_complete_month(volumes.replace(3.0, 95.0), D("2025-11-30")) == D("2025-11-30")


def test_anchor_is_the_earliest_complete_source() -> None:
    coverage = {
        "survei": SourceCoverage("survei", D("2024-01-01"), D("2025-11-30"), D("2025-11-30")),
        "pengaduan": SourceCoverage("pengaduan", D("2024-01-02"), D("2025-10-31"), D("2025-10-31")),
        "layanan": SourceCoverage("layanan", None, None, None),  # no data: left out
    }
    anchor = period_anchor(coverage, today=D("2025-12-15"))
    assert anchor == D("2025-10-31")
    assert preset_range("last12", anchor) == (D("2024-11-01"), D("2025-10-31"))
    # the previous 12 months (Nov 2023–Oct 2024) start before the complaints do: no change shown
    assert covers(coverage, ("pengaduan",), D("2024-11-01"), D("2025-10-31"))
    assert not covers(coverage, ("pengaduan",), D("2023-11-01"), D("2024-10-31"))


def test_city_anchor_ignores_one_units_early_upload(engine: Engine) -> None:
    ids = add_units(engine, ["KEL-1", "KEL-2"])
    rows = []
    for i, month in enumerate(_months("2024-11-01", "2025-10-01")):
        for k in range(10):
            rows.append(
                {
                    "number": f"C{i}-{k}",
                    "complaint_date": month.replace(day=1 + k),
                    "unit_id": ids["KEL-1"],
                    "text": "antrian lama",
                    "status": "selesai",
                    "resolved_date": month.replace(day=15 + k),
                }
            )
    rows.append(
        {
            "number": "N1",
            "complaint_date": D("2025-11-30"),
            "unit_id": ids["KEL-2"],
            "text": "x",
            "status": "belum",
        }
    )
    add_complaints(engine, rows)
    add_monthly_services(engine, ids["KEL-1"], _months("2024-11-01", "2025-10-01"), 500)
    coverage = data_coverage(engine)
    assert coverage["pengaduan"].last_day == D("2025-11-30")
    assert coverage["pengaduan"].complete_through == D("2025-10-31")
    assert coverage["layanan"].complete_through == D("2025-10-31")
    assert complete_data_anchor(engine, today=D("2025-12-10")) == D("2025-10-31")
    # the CLI's default window is the pages' "12 bulan terakhir"
    assert default_window(engine, today=D("2025-12-10")) == (D("2024-11-01"), D("2025-10-31"))


def test_headline_change_needs_both_windows_covered() -> None:
    coverage = {
        "survei": SourceCoverage("survei", D("2023-01-01"), D("2025-10-31"), D("2025-10-31")),
        "pengaduan": SourceCoverage("pengaduan", D("2025-01-05"), D("2025-10-31"), D("2025-10-31")),
    }
    headlines = [
        Headline("ikm", 81.5, 80.0, 1000),
        Headline("complaints", 2081.0, 2143.0, 2081, higher_is_better=False),
    ]
    out = comparable_headlines(
        headlines, coverage, (D("2024-11-01"), D("2025-10-31")), (D("2023-11-01"), D("2024-10-31"))
    )
    assert out[0].delta == 1.5  # the IKM is a mean: its change stands
    assert out[1].previous is None and out[1].delta is None  # complaints start in 2025: no "↓ −62"
