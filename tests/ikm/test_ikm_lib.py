"""IKM through the database: hand-checked NRR/IKM, blanks, roll-ups, periods, groups, sample size, saran."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from lib.analysis.ikm import population_for_days
from lib.analysis.ikm_training import weakest_unsur
from lib.models import UNSUR
from lib.periods import period_label, period_start, previous_range
from lib.queries.survey import (
    count_suggestions,
    edge_plan,
    monthly_sums,
    raw_unit_sums,
    search_suggestions,
    split_range,
)
from lib.queries.units import CITY, Scope
from lib.services.ikm import ikm_change, scope_ikm, unit_ikm, unit_ikm_by_period, unit_profile, unit_trend
from tests.ikm.ikm_data import add_responses, add_units, response, worked_example_answers

UNITS = [
    {
        "code": "DINKES",
        "name": "Dinas Kesehatan",
        "kind": "dinas",
        "region": "Kota Medan",
        "population": 3650,
    },
    {
        "code": "PKM1",
        "name": "Puskesmas Satu",
        "kind": "puskesmas",
        "parent": "DINKES",
        "region": "Medan Kota",
    },
    {"code": "KEC", "name": "Kecamatan Medan Belawan", "kind": "kecamatan", "region": "Medan Belawan"},
    {
        "code": "KEL1",
        "name": "Kelurahan Belawan I",
        "kind": "kelurahan",
        "parent": "KEC",
        "region": "Medan Belawan",
    },
]


@pytest.fixture
def units(engine) -> dict[str, int]:
    return add_units(engine, UNITS)


def _row(frame: pd.DataFrame, code: str) -> pd.Series:
    rows = frame[frame["kode_unit"] == code]
    assert len(rows) == 1, f"expected one row for {code}, got {len(rows)}"
    return rows.iloc[0]


def test_worked_example_through_the_database(engine, units) -> None:
    answers = worked_example_answers()
    add_responses(
        engine, [response(units["DINKES"], date(2025, 3, 1 + i % 28), a) for i, a in enumerate(answers)]
    )
    row = _row(unit_ikm(engine=engine), "DINKES")
    assert row["responden"] == 29
    expected = [3.6207, 3.4828, 3.4483, 4.0000, 3.5172, 3.6207, 3.6552, 3.6207, 3.9655]
    assert [round(row[f"nrr_{u}"], 4) for u in UNSUR] == expected
    assert row["ikm_2dp"] == 91.38
    assert row["mutu"] == "A" and row["mutu_label"] == "Sangat Baik"
    assert row["weight"] == "0.111"
    exact = _row(unit_ikm(engine=engine, weight="exact"), "DINKES")
    assert exact["ikm_2dp"] == 91.48 and exact["weight"] == "1/9"
    # the weakest three: waktu 3.4483, prosedur 3.4828, produk 3.5172
    weak = weakest_unsur({u: row[f"nrr_{u}"] for u in UNSUR})
    assert [w.unsur for w in weak] == ["waktu", "prosedur", "produk"]
    assert [w.theme_key for w in weak] == ["ikm.theme.process_digital", "ikm.theme.service_standard"] + [
        "ikm.theme.service_standard"
    ]
    # (4 − 100/29) × 1/9 × 25 = 1.5326…
    assert round(weak[0].points_lost, 4) == 1.5326


def test_blank_answer_is_left_out_of_that_unsur_only(engine, units) -> None:
    add_responses(
        engine,
        [
            response(units["KEL1"], date(2025, 5, 2), [4] * 9),
            response(units["KEL1"], date(2025, 5, 3), [2, 2, None, 2, 2, 2, 2, 2, 2]),
        ],
    )
    row = _row(unit_ikm(engine=engine), "KEL1")
    assert row["responden"] == 2
    assert row["n_waktu"] == 1 and row["nrr_waktu"] == 4.0
    assert row["n_biaya"] == 2 and row["nrr_biaya"] == 3.0
    # (8 × 3 + 4) × 0.111 × 25 = 77.70
    assert row["ikm_2dp"] == 77.70 and row["mutu"] == "B"


def test_rollup_is_respondent_weighted(engine, units) -> None:
    add_responses(
        engine,
        [response(units["KEC"], date(2025, 2, 1), [4] * 9)]
        + [response(units["KEL1"], date(2025, 2, d), [2] * 9) for d in (2, 3, 4)],
    )
    own = unit_ikm(engine=engine)
    assert _row(own, "KEC")["ikm_2dp"] == 99.90
    assert _row(own, "KEL1")["ikm_2dp"] == 49.95
    rolled = unit_ikm(engine=engine, rollup=True)
    kec = _row(rolled, "KEC")
    # (4 + 3 × 2) / 4 = 2.5 per unsur; 2.5 × 9 × 0.111 × 25 = 62.4375 → 62.44 (not the mean of IKMs, 74.93)
    assert kec["responden"] == 4 and kec["nrr_perilaku"] == 2.5
    assert kec["ikm_2dp"] == 62.44 and kec["mutu"] == "D"
    assert _row(rolled, "KEL1")["responden"] == 3
    # a scope of the kecamatan pools the same respondents
    assert scope_ikm(engine=engine, scope=Scope(path_prefix="/KEC/")).iloc[0]["ikm_2dp"] == 62.44


def test_period_boundaries(engine, units) -> None:
    days = [date(2025, 3, 31), date(2025, 4, 1), date(2025, 6, 30), date(2025, 7, 1), date(2025, 12, 31)]
    days.append(date(2026, 1, 1))
    add_responses(engine, [response(units["DINKES"], d, [3] * 9) for d in days])
    quarters = unit_ikm_by_period(engine=engine, period="quarter")
    assert quarters["period_label"].tolist() == ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1"]
    assert quarters["responden"].tolist() == [1, 2, 1, 1, 1]
    semesters = unit_ikm_by_period(engine=engine, period="semester")
    assert semesters["period_label"].tolist() == ["2025-S1", "2025-S2", "2026-S1"]
    assert semesters["responden"].tolist() == [3, 2, 1]
    years = unit_ikm_by_period(engine=engine, period="year")
    assert years["period_label"].tolist() == ["2025", "2026"] and years["responden"].tolist() == [5, 1]
    assert years["period_end"].tolist() == [date(2025, 12, 31), date(2026, 12, 31)]
    months = unit_ikm_by_period(engine=engine, period="month")
    assert months["period_label"].tolist() == [
        "2025-03",
        "2025-04",
        "2025-06",
        "2025-07",
        "2025-12",
        "2026-01",
    ]
    # 3 × 9 × 0.111 × 25 = 74.925 → 74.93 (half up), grade C
    assert set(quarters["ikm_2dp"]) == {74.93} and set(quarters["mutu"]) == {"C"}


def test_period_helpers() -> None:
    assert period_start(date(2025, 9, 30), "quarter") == date(2025, 7, 1)
    assert period_start(date(2025, 6, 30), "semester") == date(2025, 1, 1)
    assert period_label(date(2025, 7, 1), "semester") == "2025-S2"
    assert previous_range(date(2025, 1, 1), date(2025, 12, 31)) == (date(2024, 1, 1), date(2024, 12, 31))
    assert previous_range(date(2025, 4, 1), date(2025, 6, 30)) == (date(2025, 1, 1), date(2025, 3, 31))
    assert previous_range(date(2025, 3, 10), date(2025, 3, 19)) == (date(2025, 2, 28), date(2025, 3, 9))
    with pytest.raises(ValueError, match="period"):
        period_start(date(2025, 1, 1), "week")


def test_split_range_reads_whole_months_from_the_aggregate() -> None:
    whole = split_range(date(2025, 1, 1), date(2025, 3, 31))
    assert whole.months == (date(2025, 1, 1), date(2025, 3, 1)) and whole.edges == ()
    cut = split_range(date(2025, 1, 15), date(2025, 3, 10))
    assert cut.months == (date(2025, 2, 1), date(2025, 2, 1))
    assert cut.edges == ((date(2025, 1, 15), date(2025, 1, 31)), (date(2025, 3, 1), date(2025, 3, 10)))
    inside = split_range(date(2025, 1, 5), date(2025, 1, 20))
    assert inside.months is None and inside.edges == ((date(2025, 1, 5), date(2025, 1, 20)),)
    open_ended = split_range(None, date(2025, 2, 14))
    assert open_ended.months == (None, date(2025, 1, 1))
    assert open_ended.edges == ((date(2025, 2, 1), date(2025, 2, 14)),)


def test_edge_plan_reads_at_most_half_a_month_of_raw_rows() -> None:
    assert edge_plan(date(2025, 1, 20), date(2025, 1, 31)) == (
        False,
        [(date(2025, 1, 20), date(2025, 1, 31))],
    )
    assert edge_plan(date(2025, 1, 10), date(2025, 1, 31)) == (True, [(date(2025, 1, 1), date(2025, 1, 9))])
    assert edge_plan(date(2025, 1, 3), date(2025, 1, 30)) == (
        True,
        [(date(2025, 1, 1), date(2025, 1, 2)), (date(2025, 1, 31), date(2025, 1, 31))],
    )


def test_date_ranges_are_exact_to_the_day(engine, units) -> None:
    days = [date(2025, 1, 15), date(2025, 1, 31), date(2025, 2, 1), date(2025, 2, 28), date(2025, 3, 1)]
    add_responses(
        engine,
        [response(units["PKM1"], d, [1 + i % 4] * 8 + [None if i == 2 else 4]) for i, d in enumerate(days)],
    )
    ranges = [
        (date(2025, 1, 31), date(2025, 3, 1)),
        (date(2025, 1, 16), date(2025, 1, 31)),
        (date(2025, 2, 1), date(2025, 2, 28)),
        (None, date(2025, 2, 27)),
        (date(2025, 2, 2), None),
        (date(2025, 1, 3), date(2025, 1, 30)),  # most of one month: the month minus two raw pieces
        (None, None),
    ]
    for lo, hi in ranges:
        fast = monthly_sums(engine, CITY, lo, hi)
        raw = raw_unit_sums(engine, CITY, lo, hi)
        totals = fast.drop(columns="month").groupby("unit_id").sum().sort_index()
        expected = raw.set_index("unit_id").sort_index()[totals.columns]
        pd.testing.assert_frame_equal(totals, expected, check_dtype=False)
        per_unit = monthly_sums(engine, CITY, lo, hi, per_month=False).set_index("unit_id")
        pd.testing.assert_frame_equal(per_unit, expected, check_dtype=False)
    row = _row(
        unit_ikm(engine=engine, scope=CITY, date_from=date(2025, 1, 31), date_to=date(2025, 3, 1)), "PKM1"
    )
    # answers 2, 3, 4, 1 on unsur 1–8; sarana 4, blank, 4, 4 → NRR 2.5 × 8 and 4
    assert row["responden"] == 4 and row["nrr_persyaratan"] == 2.5 and row["n_sarana"] == 3
    assert row["ikm_2dp"] == round(((2.5 * 8) + 4) * 0.111 * 25, 2) == 66.60


def test_scope_by_region_and_subtree(engine, units) -> None:
    add_responses(
        engine,
        [
            response(units["DINKES"], date(2025, 1, 1), [4] * 9),
            response(units["PKM1"], date(2025, 1, 1), [3] * 9),
            response(units["KEL1"], date(2025, 1, 1), [2] * 9),
        ],
    )
    assert set(unit_ikm(engine=engine, scope=Scope(region="Medan Belawan"))["kode_unit"]) == {"KEL1"}
    assert set(unit_ikm(engine=engine, scope=Scope(path_prefix="/DINKES/"))["kode_unit"]) == {
        "DINKES",
        "PKM1",
    }
    city = scope_ikm(engine=engine).iloc[0]
    # (4 + 3 + 2) / 3 = 3 per unsur → 74.93
    assert city["responden"] == 3 and city["ikm_2dp"] == 74.93
    assert unit_ikm(engine=engine)["kode_unit"].tolist() == ["DINKES", "PKM1", "KEL1"]


def test_change_against_previous_period(engine, units) -> None:
    add_responses(
        engine,
        [response(units["DINKES"], date(2024, 5, 1), [3] * 9)]
        + [response(units["DINKES"], date(2025, 5, 1), [4] * 9)],
    )
    change = ikm_change(engine=engine, scope=CITY, date_from=date(2025, 1, 1), date_to=date(2025, 12, 31))
    assert (change.previous_from, change.previous_to) == (date(2024, 1, 1), date(2024, 12, 31))
    assert change.ikm_2dp == 99.90 and change.previous_2dp == 74.93
    assert change.delta == 24.97 and change.mutu == "A" and change.previous_mutu == "C"
    alone = ikm_change(engine=engine, scope=CITY, date_from=date(2024, 1, 1), date_to=date(2024, 12, 31))
    assert alone.previous_2dp is None and alone.delta is None and alone.previous_responden == 0


def test_sample_size_pro_rated_to_the_period(engine, units) -> None:
    add_responses(engine, [response(units["DINKES"], date(2025, 2, d), [3] * 9) for d in range(1, 11)])
    # a whole year: N = 3650 → Krejcie–Morgan 347.6 → 348
    year = _row(
        unit_ikm(engine=engine, scope=CITY, date_from=date(2025, 1, 1), date_to=date(2025, 12, 31)), "DINKES"
    )
    assert year["populasi_periode"] == 3650 and year["sampel_minimum"] == 348
    assert not year["sampel_cukup"]
    # Q1 2025 has 90 days: N = 3650 × 90 / 365 = 900 → 269.4 → 269
    quarter = unit_ikm_by_period(
        engine=engine, scope=CITY, date_from=date(2025, 1, 1), date_to=date(2025, 3, 31), period="quarter"
    )
    row = _row(quarter, "DINKES")
    assert row["populasi_periode"] == 900 and row["sampel_minimum"] == 269
    # a unit without a known population gets no verdict, not a refusal
    assert population_for_days(None, 90) is None


def test_group_breakdowns(engine, units) -> None:
    add_responses(
        engine,
        [
            response(
                units["DINKES"],
                date(2025, 1, 2),
                [4] * 9,
                gender="L",
                age=24,
                education="SMA",
                service_type="KIA",
            ),
            response(
                units["DINKES"],
                date(2025, 1, 3),
                [4] * 9,
                gender="L",
                age=25,
                education="S1",
                service_type="KIA",
            ),
            response(
                units["PKM1"],
                date(2025, 1, 4),
                [3] * 9,
                gender="P",
                age=55,
                education="S1",
                service_type="Umum",
            ),
            response(units["PKM1"], date(2025, 1, 5), [2] * 9, gender=None, age=None, occupation="PNS"),
        ],
    )
    groups = unit_profile(engine=engine)
    gender = groups["gender"].set_index(groups["gender"]["group"].fillna("-"))
    assert gender.loc["L", "responden"] == 2 and gender.loc["L", "ikm_2dp"] == 99.90
    assert gender.loc["P", "ikm_2dp"] == 74.93 and gender.loc["-", "ikm_2dp"] == 49.95
    assert groups["gender"]["group"].tolist()[-1] is None
    ages = groups["age_band"]
    assert ages["group"].tolist() == ["<25", "25–34", "55+", None]
    assert ages["responden"].tolist() == [1, 1, 1, 1]
    assert groups["education"].set_index("group").loc["S1", "ikm_2dp"] == round(
        (4 + 3) / 2 * 9 * 0.111 * 25, 2
    )
    assert groups["service_type"]["share"].sum() == pytest.approx(1.0)
    dinkes_only = unit_profile(engine=engine, scope=Scope(path_prefix="/DINKES/PKM1/"))
    assert dinkes_only["gender"]["responden"].sum() == 2


def test_saran_search(engine, units) -> None:
    add_responses(
        engine,
        [
            response(units["DINKES"], date(2025, 1, 2), [4] * 9, suggestion="Antrian terlalu LAMA"),
            response(units["DINKES"], date(2025, 1, 3), [4] * 9, suggestion="Diskon 100% untuk lansia"),
            response(units["DINKES"], date(2025, 1, 4), [4] * 9, suggestion="   "),
            response(units["KEL1"], date(2025, 1, 5), [4] * 9, suggestion="petugas ramah, antrian cepat"),
            response(units["KEL1"], date(2025, 1, 6), [4] * 9, suggestion="=HYPERLINK(1)"),
        ],
    )
    found = search_suggestions(engine, CITY, text="antrian")
    assert found["kode_unit"].tolist() == ["KEL1", "DINKES"]  # newest first, any case
    assert search_suggestions(engine, CITY, text="100%")["suggestion"].tolist() == [
        "Diskon 100% untuk lansia"
    ]
    assert search_suggestions(engine, CITY, text="10_%").empty
    assert count_suggestions(engine, CITY) == 4  # the blank one is left out
    assert count_suggestions(engine, Scope(region="Medan Belawan"), text="ANTRIAN") == 1
    assert len(search_suggestions(engine, CITY, date_from=date(2025, 1, 3), date_to=date(2025, 1, 5))) == 2


def test_refresh_after_undo_keeps_figures_exact(engine, units) -> None:
    from sqlalchemy import delete

    from lib.models import SurveyResponse
    from lib.queries.aggregates import refresh_survey_monthly

    add_responses(engine, [response(units["DINKES"], date(2025, 1, 2), [4] * 9)])
    add_responses(engine, [response(units["DINKES"], date(2025, 1, 3), [2] * 9)])
    assert _row(unit_ikm(engine=engine), "DINKES")["responden"] == 2
    table = SurveyResponse.__table__
    with engine.begin() as conn:
        conn.execute(delete(table).where(table.c.response_date == date(2025, 1, 3)))
        refresh_survey_monthly(conn, [units["DINKES"]])
    row = _row(unit_ikm(engine=engine), "DINKES")
    assert row["responden"] == 1 and row["ikm_2dp"] == 99.90


def test_empty_database_gives_empty_frames(engine, units) -> None:
    assert unit_ikm(engine=engine).empty
    assert unit_ikm_by_period(engine=engine, period="year").empty
    assert scope_ikm(engine=engine).empty or scope_ikm(engine=engine)["responden"].sum() == 0
    assert all(frame.empty for frame in unit_profile(engine=engine).values())


def test_unit_trend_from_the_scopes_monthly_sums_equals_its_own_query(engine, units) -> None:
    add_responses(
        engine,
        [response(units["KEC"], date(2025, 2, 1), [4] * 9), response(units["KEC"], date(2025, 5, 3), [3] * 9)]
        + [response(units["KEL1"], date(2025, 2, d), [2] * 9) for d in (2, 3, 4)]
        + [response(units["DINKES"], date(2025, 2, 5), [1] * 9)],
    )
    city = monthly_sums(engine, CITY, date(2025, 1, 1), date(2025, 6, 30))
    for rollup in (False, True):
        window = {"date_from": date(2025, 1, 1), "date_to": date(2025, 6, 30), "weight": "0.111"}
        unit = {"unit_path": "/KEC/", "unit_id": units["KEC"], "period": "quarter", "rollup": rollup}
        own = unit_trend(engine=engine, **unit, **window)
        shared = unit_trend(engine=engine, **unit, **window, monthly=city)
        pd.testing.assert_frame_equal(shared, own)
        # Q1: the kecamatan alone answers 4 (99.90); with its kelurahan (4 + 3 × 2) / 4 = 2.5 → 62.44.
        # Q2: one respondent answering 3 → 3 × 9 × 0.111 × 25 = 74.925 → 74.93, either way.
        assert shared["period_label"].tolist() == ["2025-Q1", "2025-Q2"]
        assert shared["ikm_2dp"].tolist() == ([62.44, 74.93] if rollup else [99.9, 74.93])
        assert shared["responden"].tolist() == ([4, 1] if rollup else [1, 1])
