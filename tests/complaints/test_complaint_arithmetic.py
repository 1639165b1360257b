"""Rates, working days, resolution times and backlog, checked by hand.

Calendar used: 2025-03-03, 03-10, 03-17, 03-31 and 02-03 are Mondays.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lib.analysis import complaints as calc

T = pd.Timestamp


def test_working_days_count_monday_to_friday() -> None:
    start = pd.Series([T("2025-03-03"), T("2025-03-07"), T("2025-03-08"), T("2025-03-05"), T("2025-03-10")])
    end = pd.Series([T("2025-03-10"), T("2025-03-10"), T("2025-03-10"), T("2025-03-13"), T("2025-03-07")])
    days = calc.working_days_between(start, end)
    # Mon→Mon 5; Fri→Mon 1; Sat→Mon 0; Wed→Thu next week 6; resolved before received: invalid
    np.testing.assert_array_equal(days[:4], [5, 1, 0, 6])
    assert np.isnan(days[4])


def _pairs() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "unit_id": [1, 1, 1, 2],
            "complaint_date": [T("2025-03-03"), T("2025-03-07"), T("2025-03-05"), T("2025-03-03")],
            "resolved_date": [T("2025-03-10"), T("2025-03-10"), T("2025-03-13"), T("2025-03-04")],
            "complaints": [2, 1, 1, 3],
        }
    )


def _open() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "unit_id": [1, 1, 1],
            "complaint_date": [T("2025-03-17"), T("2025-03-27"), T("2025-02-03")],
            "complaints": [1, 1, 2],
        }
    )


def test_resolution_summary_by_hand() -> None:
    # unit 1 resolved: 5, 5, 1, 6 working days → median 5, p90 5.7, mean 4.25, one late (6 > 5).
    # open on 2025-03-31: received 03-17 (10 working days: late), 03-27 (2: not yet judged),
    # 02-03 ×2 (40: late). Share late = (1 + 3) / (4 + 3) = 4/7.
    summary = calc.resolution_summary(_pairs(), _open(), T("2025-03-31")).set_index("unit_id")
    one = summary.loc[1]
    assert one["resolved"] == 4
    assert one["median_working_days"] == 5
    assert one["p90_working_days"] == pytest.approx(5.7)
    assert one["mean_working_days"] == pytest.approx(4.25)
    assert one["resolved_late"] == 1
    assert one["open_late"] == 3
    assert one["judged"] == 7
    assert one["share_late"] == pytest.approx(4 / 7)
    assert one["share_late_low"] < 4 / 7 < one["share_late_high"]
    city = calc.resolution_summary(_pairs(), _open(), T("2025-03-31"), by=()).iloc[0]
    assert (city["resolved"], city["judged"]) == (7, 10)
    assert city["share_late"] == pytest.approx(4 / 10)
    two = summary.loc[2]  # Mon → Tue: 1 working day, three complaints, none late, nothing open
    assert (two["resolved"], two["median_working_days"], two["share_late"]) == (3, 1, 0.0)


def test_wilson_interval_matches_textbook_value() -> None:
    # Wilson 95% interval for 4 of 7 (z = 1.95996): 0.2504 to 0.8418
    low, high = calc.wilson_ci(4, 7)
    assert float(low) == pytest.approx(0.2504, abs=1e-4)
    assert float(high) == pytest.approx(0.8418, abs=1e-4)


def test_backlog_buckets_and_summary() -> None:
    buckets = calc.backlog_by_age(_open(), T("2025-03-31"))
    got = dict(zip(buckets["bucket"].astype(str), buckets["complaints"], strict=True))
    assert got == {"0-5": 1, "6-10": 1, ">20": 2}
    summary = calc.backlog_summary(_open(), T("2025-03-31")).iloc[0]
    assert summary["backlog"] == 4
    assert summary["backlog_overdue"] == 3
    assert summary["oldest_working_days"] == 40
    city = calc.backlog_summary(_open(), T("2025-03-31"), by=()).iloc[0]
    assert (city["backlog"], city["backlog_overdue"]) == (4, 3)
    assert calc.backlog_bucket_labels() == ["0-5", "6-10", "11-20", ">20"]


def test_rate_uses_only_months_with_service_statistics() -> None:
    counts = pd.DataFrame(
        {
            "unit_id": [1, 1, 1, 2],
            "month": [T("2025-01-01"), T("2025-02-01"), T("2025-03-01"), T("2025-01-01")],
            "complaints": [3, 2, 5, 4],
        }
    )
    services = pd.DataFrame(
        {
            "unit_id": [1, 1],
            "period_start": [T("2025-01-01"), T("2025-02-01")],
            "period_end": [T("2025-01-31"), T("2025-02-28")],
            "services": [1000, 1000],
        }
    )
    rates = calc.complaint_rates(counts, services).set_index("unit_id")
    # unit 1: (3 + 2) complaints in the two months with 2,000 services → 2.5 per 1,000;
    # March's 5 complaints have no denominator and stay out of the rate (but in the count)
    assert rates.loc[1, "complaints"] == 10
    assert rates.loc[1, "complaints_covered"] == 5
    assert rates.loc[1, "rate_per_1000"] == pytest.approx(2.5)
    # exact Poisson 95% CI for 5 events: 1.6235 to 11.6683, per 2 thousand services
    assert rates.loc[1, "rate_low"] == pytest.approx(1.6235 / 2, abs=1e-4)
    assert rates.loc[1, "rate_high"] == pytest.approx(11.6683 / 2, abs=1e-4)
    # unit 2 has no service statistics: no rate rather than a made-up zero
    assert np.isnan(rates.loc[2, "rate_per_1000"])


def test_quarterly_service_row_covers_its_three_months() -> None:
    counts = pd.DataFrame(
        {
            "unit_id": [1, 1, 1],
            "month": [T("2025-01-01"), T("2025-03-01"), T("2025-04-01")],
            "complaints": [1, 2, 7],
        }
    )
    services = pd.DataFrame(
        {
            "unit_id": [1],
            "period_start": [T("2025-01-01")],
            "period_end": [T("2025-03-31")],
            "services": [500],
        }
    )
    rate = calc.complaint_rates(counts, services).iloc[0]
    assert rate["complaints_covered"] == 3
    assert rate["rate_per_1000"] == pytest.approx(6.0)


def test_rates_per_theme() -> None:
    counts = pd.DataFrame(
        {
            "unit_id": [1, 1, 1],
            "month": [T("2025-01-01")] * 3,
            "theme": ["waktu", "perilaku", "waktu"],
            "complaints": [2, 1, 1],
        }
    )
    services = pd.DataFrame(
        {
            "unit_id": [1],
            "period_start": [T("2025-01-01")],
            "period_end": [T("2025-01-31")],
            "services": [200],
        }
    )
    rates = calc.complaint_rates(counts, services, by=("unit_id", "theme")).set_index("theme")
    assert rates.loc["waktu", "rate_per_1000"] == pytest.approx(15.0)
    assert rates.loc["perilaku", "rate_per_1000"] == pytest.approx(5.0)


def test_trend_zero_fills_and_rolls_up_quarters() -> None:
    counts = pd.DataFrame(
        {
            "unit_id": [1, 1, 2],
            "month": [T("2025-01-01"), T("2025-04-01"), T("2025-02-01")],
            "complaints": [2, 3, 4],
        }
    )
    monthly = calc.complaint_trend(counts, "month")
    assert len(monthly) == 2 * 4  # two units × Jan..Apr
    feb = monthly[(monthly["unit_id"] == 1) & (monthly["period"] == T("2025-02-01"))]
    assert feb["complaints"].tolist() == [0]
    quarterly = calc.complaint_trend(counts, "quarter").set_index(["unit_id", "period"])["complaints"]
    assert quarterly[(1, T("2025-01-01"))] == 2
    assert quarterly[(1, T("2025-04-01"))] == 3
    assert quarterly[(2, T("2025-01-01"))] == 4
    assert quarterly[(2, T("2025-04-01"))] == 0


def test_shares_within_groups() -> None:
    counts = pd.DataFrame(
        {"unit_id": [1, 1, 2], "channel": ["LAPOR!", "WhatsApp", "LAPOR!"], "complaints": [3, 1, 2]}
    )
    out = calc.shares(counts, "channel", by=("unit_id",)).set_index(["unit_id", "channel"])["share"]
    assert out[(1, "LAPOR!")] == pytest.approx(0.75)
    assert out[(2, "LAPOR!")] == pytest.approx(1.0)
