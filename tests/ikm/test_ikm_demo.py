"""On the demo city: the planted weak units come out weak (perilaku/waktu among their weakest), the healthy ones A.

Found by the general methods of lib.analysis.ikm; the planted list is only used
here to check the result. The demo database is read-only.
"""

from __future__ import annotations

import pandas as pd
import pytest

from lib.analysis.ikm import weakest_for_row
from lib.queries.survey import monthly_sums, raw_unit_sums
from lib.services.ikm import scope_ikm, unit_ikm, unit_ikm_by_period

try:
    from lib.demo import planted_effects
except ImportError:  # pragma: no cover - the demo generator is written in parallel
    planted_effects = None

pytestmark = pytest.mark.skipif(planted_effects is None, reason="lib.demo not available yet")


@pytest.fixture(scope="module")
def planted():
    return planted_effects(scale="small")


@pytest.fixture(scope="module")
def units(demo_engine) -> pd.DataFrame:
    return unit_ikm(engine=demo_engine)


def test_weak_units_are_low_with_perilaku_and_waktu_among_the_weakest(units, planted) -> None:
    median = units["ikm"].median()
    for code in planted.weak_units:
        row = units[units["kode_unit"] == code].iloc[0]
        assert row["ikm"] < median - 5, (code, row["ikm"], median)
        assert row["mutu"] in ("C", "D")
        weakest = {w.unsur for w in weakest_for_row(row)}
        assert {"perilaku", "waktu"} <= weakest, (code, weakest)
    # and they are found from the data alone: the weakest units of the city include them
    bottom = set(units.nsmallest(len(planted.weak_units) + 3, "ikm")["kode_unit"])
    assert set(planted.weak_units) <= bottom


def test_healthy_units_grade_a(units, planted) -> None:
    for code in planted.healthy_units:
        row = units[units["kode_unit"] == code].iloc[0]
        assert row["mutu"] == "A", (code, row["ikm_2dp"])


def test_aggregate_path_equals_raw_group_by_on_the_demo(demo_engine) -> None:
    from datetime import date

    for lo, hi in ((None, None), (date(2024, 2, 10), date(2025, 8, 20))):
        fast = (
            monthly_sums(demo_engine, date_from=lo, date_to=hi).drop(columns="month").groupby("unit_id").sum()
        )
        raw = raw_unit_sums(demo_engine, date_from=lo, date_to=hi).set_index("unit_id")[fast.columns]
        pd.testing.assert_frame_equal(fast.sort_index(), raw.sort_index(), check_dtype=False)


def test_quarterly_frame_for_the_training_impact_helper(demo_engine, planted) -> None:
    frame = unit_ikm_by_period(engine=demo_engine, period="quarter")
    for column in ("unit_id", "kode_unit", "nama_unit", "period_start", "responden", "ikm", "mutu"):
        assert column in frame.columns
    assert all(f"nrr_{u}" in frame.columns for u in ("waktu", "prosedur"))
    # the respondents of all unit-quarters add up to the city's
    assert frame["responden"].sum() == scope_ikm(engine=demo_engine).iloc[0]["responden"]
