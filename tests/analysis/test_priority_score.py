"""The priority score against standards, hand-computed component by component.

Four kelurahan: W is weak on everything, A, B and C are ordinary and identical.
Fewer than five units of a kind share the all-city reference, so the complaint
reference is (50 + 10 + 10 + 10) / 40,000 services = 2.0 per 1,000 and the
on-time reference is (66 + 85 + 85 + 85) / 4 = 80.25 % (1,000 services each).
A need is (gap − 1.96·SE) / full, clipped to 0–1. With fewer than ten units
nothing is shrunk toward the city (the spread between units cannot be
estimated), so these figures are the plain ones; shrinkage has its own test.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from lib.analysis.priority_city import in_scope
from lib.analysis.priority_score import (
    DEFAULT_WEIGHTS,
    JP_THEME,
    UNIT_DATA_KURANG,
    UNIT_RANKED,
    priority_scores,
    recommended_themes,
    score_units,
    shrink_toward_city,
)
from lib.queries.units import Scope
from lib.text.priorities import component_rows, missing_text, reason_text, reasons_text

ORDINARY = {
    "jenis_unit": "kelurahan",
    "wilayah": "Utara",
    "ikm": 80.0,
    "mutu": "B",
    "ikm_se": 0.5,
    "responden": 200,
    "ikm_prev": 80.0,
    "ikm_prev_se": 0.5,
    "responden_prev": 200,
    "complaints": 10,
    "complaints_prev": 10,
    "complaints_covered": 10,
    "complaints_covered_prev": 10,
    "services": 10_000.0,
    "services_prev": 10_000.0,
    "rate_per_1000": 1.0,
    "late_answers": 0,
    "judged": 20,
    "pct_on_time": 85.0,
    "pct_on_time_se": 0.5,
    "services_on_time": 1000.0,
    "skp_low_share": 0.0,
    "skp_rated": 20.0,
    "share_20jp": 1.0,
    "employees": 20,
    "weakest_unsur": [],
    "top_themes": [],
}
WEAK = {
    "ikm": 64.02,
    "mutu": "D",
    "ikm_prev": 68.02,
    "ikm_prev_se": math.sqrt(0.75),  # SE of the change: sqrt(0.25 + 0.75) = 1
    "complaints": 50,
    "complaints_prev": 25,
    "complaints_covered": 50,
    "complaints_covered_prev": 25,
    "rate_per_1000": 5.0,
    "late_answers": 30,
    "judged": 50,
    "pct_on_time": 66.0,
    "skp_low_share": 0.3,
    "share_20jp": 0.2,
}


def _unit(code: str, path: str, **values: object) -> dict[str, object]:
    return {"unit_id": len(code) * 100 + ord(code[-1]), "kode_unit": code, "nama_unit": f"Kelurahan {code}",
            "path": path, **ORDINARY, **values}  # fmt: skip


@pytest.fixture
def evidence() -> pd.DataFrame:
    return pd.DataFrame(
        [
            _unit("W", "/K1/W/", **WEAK),
            _unit("A", "/K1/A/"),
            _unit("B", "/K2/B/"),
            _unit("C", "/K2/C/"),
        ]
    )


def test_each_component_by_hand(evidence: pd.DataFrame) -> None:
    w = score_units(evidence).set_index("kode_unit").loc["W"]
    # IKM: 76.61 − 64.02 = 12.59 below B; (12.59 − 1.96·0.5) / 11.61 = 1.0
    assert w["gap_ikm_low"] == pytest.approx(12.59)
    assert w["standard_ikm_low"] == 76.61
    assert w["need_ikm_low"] == pytest.approx(1.0)
    assert (w["ci_low_ikm_low"], w["ci_high_ikm_low"]) == pytest.approx((63.04, 65.00))
    # IKM fall of 4 points with SE 1: (4 − 1.96) / 5
    assert w["need_ikm_decline"] == pytest.approx(0.408)
    # 5.0 per 1,000 against the city's 2.0; SE √50 / 10,000 × 1,000 = 0.7071; (3 − 1.3859) / 2
    assert w["standard_complaint_rate"] == pytest.approx(2.0)
    assert w["se_complaint_rate"] == pytest.approx(math.sqrt(50) / 10)
    assert w["need_complaint_rate"] == pytest.approx(0.8070354)
    # 25 → 50 complaints on the same services: log(50.5/25.5) = 0.68329, SE √(1/50.5 + 1/25.5) = 0.24294
    assert w["value_complaint_rise"] == pytest.approx(50.5 / 25.5)
    assert w["need_complaint_rise"] == pytest.approx(0.2988417)
    # 30 of 50 answered late; SE with (31/52): 0.069391; (0.6 − 0.136006) / 0.5
    assert w["need_late_answer"] == pytest.approx(0.9279879)
    # on time 66 % against 80.25 %, SE 0.5: (14.25 − 0.98) / 20
    assert w["standard_late_service"] == pytest.approx(80.25)
    assert w["need_late_service"] == pytest.approx(0.6635)
    # 30 % of 20 rated below Baik; SE with (7/22): 0.104149; (0.3 − 0.204133) / 0.5
    assert w["need_low_performance"] == pytest.approx(0.1917342)
    # 80 % of 20 below 20 JP; SE with (17/22): 0.093707; 0.8 − 0.183666
    assert w["need_jp_gap"] == pytest.approx(0.6163344)
    # score: (25·1 + 10·0.408 + 15·0.80704 + 5·0.29884 + 10·0.92799 + 10·0.6635 + 10·0.19173 + 15·0.61633) / 100
    assert w["score"] == pytest.approx(69.756975)
    assert w["coverage"] == 1.0 and w["status"] == UNIT_RANKED and w["rank"] == 1 and w["flagged"]
    # every component is clear (lower bound > 0) and far (gap ≥ far × full, e.g. the rise
    # ×1.98 ≥ ×1.5 and 30 % below Baik ≥ 20 %); ordered by weighted need
    assert w["reasons"] == [
        "ikm_low",
        "complaint_rate",
        "late_answer",
        "jp_gap",
        "late_service",
        "ikm_decline",
        "low_performance",
        "complaint_rise",
    ]
    assert w["reason_share"] == 1.0


def test_ordinary_units_have_no_need_and_no_reason(evidence: pd.DataFrame) -> None:
    out = score_units(evidence).set_index("kode_unit")
    for code in "ABC":
        assert out.loc[code, "score"] == 0.0
        assert out.loc[code, "reasons"] == []
        assert not out.loc[code, "flagged"]
        assert out.loc[code, "rank"] == 2


def test_reason_text_has_the_figure_and_the_standard(evidence: pd.DataFrame) -> None:
    w = score_units(evidence).set_index("kode_unit").loc["W"]
    assert reason_text("ikm_low", w) == (
        "IKM 64,02 (D), 12,6 poin di bawah batas B (76,61) dan 1,0 poin di bawah batas C (65,00)"
    )
    grade_c = w.copy()
    grade_c[["ikm", "value_ikm_low", "gap_ikm_low", "mutu"]] = [70.0, 70.0, 6.61, "C"]
    assert reason_text("ikm_low", grade_c) == "IKM 70,00 (C), 6,6 poin di bawah batas B (76,61)"
    assert reason_text("complaint_rate", w) == (
        "5,0 pengaduan per 1.000 layanan, 2,5× rata-rata kota untuk kelurahan (2,0)"
    )
    assert reason_text("late_answer", w) == (
        "60% pengaduan dijawab lebih dari 5 hari kerja (30 dari 50; standar: semua ≤ 5 hari kerja)"
    )
    assert reason_text("jp_gap", w, "en") == "80% of staff below 20 JP (16 of 20; standard: all ≥ 20 JP)"
    assert reasons_text(w).count(";") >= 2
    rows = {r["key"]: r for r in component_rows(w)}
    assert rows["ikm_low"]["value"] == "64,02" and rows["ikm_low"]["standard"] == "≥ 76,61 (mutu B)"
    assert rows["ikm_low"]["ci"] == "63,04 – 65,00"


def test_grade_b_and_small_changes_are_never_reasons(evidence: pd.DataFrame) -> None:
    evidence.loc[1, ["ikm", "mutu", "ikm_prev"]] = [77.89, "B", 77.99]  # A: grade B, down 0.1
    evidence.loc[2, ["complaints_covered", "complaints_covered_prev"]] = [59, 57]  # B: 57 → 59
    evidence.loc[3, "pct_on_time"] = 84.0  # C: one point under the others
    out = score_units(evidence).set_index("kode_unit")
    a, b = out.loc["A"], out.loc["B"]
    assert a["need_ikm_low"] == 0 and a["need_ikm_decline"] == 0 and a["reasons"] == []
    assert b["need_complaint_rise"] == 0 and "complaint_rise" not in b["reasons"]
    assert out.loc["C", "need_late_service"] == 0
    assert not out.loc[["A", "B", "C"], "flagged"].any()


def test_rise_without_services_compares_counts(evidence: pd.DataFrame) -> None:
    # W without service data: 50 now against 25 before, counted over the whole equal-length periods.
    evidence.loc[0, ["services", "services_prev", "complaints_covered", "complaints_covered_prev"]] = [
        np.nan,
        np.nan,
        0,
        0,
    ]
    w = score_units(evidence).set_index("kode_unit").loc["W"]
    assert w["status_complaint_rate"] == "missing"
    assert w["value_complaint_rise"] == pytest.approx(50.5 / 25.5)
    assert w["status_complaint_rise"] == "ok"
    assert reason_text("complaint_rise", w) == "pengaduan naik 2,0× (25 → 50 pengaduan; tanpa data layanan)"


def test_near_b_is_a_small_need_but_not_a_reason(evidence: pd.DataFrame) -> None:
    evidence.loc[1, ["ikm", "mutu"]] = [74.61, "C"]
    a = score_units(evidence).set_index("kode_unit").loc["A"]
    assert a["need_ikm_low"] == pytest.approx((2.0 - 0.98) / 11.61)
    assert "ikm_low" not in a["reasons"]  # 2 points is under the 2.9 (a quarter of 11.61) that counts as far


def test_no_data_unit_is_data_kurang_not_ranked(evidence: pd.DataFrame) -> None:
    empty = {k: np.nan for k in ORDINARY if k not in ("jenis_unit", "wilayah", "weakest_unsur", "top_themes")}
    row = _unit("P", "/K1/", **empty)
    row.update(employees=0, complaints=0, complaints_prev=0, complaints_covered=0, complaints_covered_prev=0)
    out = score_units(pd.concat([evidence, pd.DataFrame([row])], ignore_index=True)).set_index("kode_unit")
    p = out.loc["P"]
    assert p["status"] == UNIT_DATA_KURANG
    assert math.isnan(p["score"]) and p["rank"] is pd.NA and not p["flagged"]
    assert p["coverage"] == 0 and p["missing"] == list(DEFAULT_WEIGHTS)
    assert missing_text(p).startswith("IKM di bawah mutu B (tidak ada data)")
    assert out.index[-1] == "P"  # listed after every ranked unit


def test_one_strong_component_alone_is_not_ranked(evidence: pd.DataFrame) -> None:
    only_ikm = {
        k: np.nan for k in ORDINARY if k not in ("jenis_unit", "wilayah", "weakest_unsur", "top_themes")
    }
    only_ikm.update(ikm=55.0, mutu="D", ikm_se=0.5, responden=200)
    row = _unit("Q", "/K3/Q/", **only_ikm)
    row.update(employees=0, complaints=0, complaints_prev=0, complaints_covered=0, complaints_covered_prev=0)
    q = (
        score_units(pd.concat([evidence, pd.DataFrame([row])], ignore_index=True))
        .set_index("kode_unit")
        .loc["Q"]
    )
    assert q["coverage"] == pytest.approx(0.25)  # only ikm_low's 25 of 100 weight points
    assert q["status"] == UNIT_DATA_KURANG and math.isnan(q["score"])
    assert q["reasons"] == ["ikm_low"]  # the figure is still shown, the unit just is not ranked on it


def test_thin_evidence_is_not_scored(evidence: pd.DataFrame) -> None:
    evidence.loc[0, "responden"] = 12  # below 30 respondents: shown, not scored
    w = score_units(evidence).set_index("kode_unit").loc["W"]
    assert w["status_ikm_low"] == "thin" and math.isnan(w["need_ikm_low"])
    assert "ikm_low" in w["missing"] and w["coverage"] == pytest.approx(0.65)


def test_same_score_for_every_viewer(evidence: pd.DataFrame) -> None:
    city = score_units(evidence)
    manager = in_scope(city, Scope(path_prefix="/K1/"))
    assert manager["kode_unit"].tolist() == ["W", "A"]
    pd.testing.assert_series_equal(
        manager.set_index("kode_unit")["score"], city.set_index("kode_unit").loc[["W", "A"], "score"]
    )
    assert manager.set_index("kode_unit").loc["W", "rank"] == 1


def test_weights_change_the_score(evidence: pd.DataFrame) -> None:
    only_jp = dict.fromkeys(DEFAULT_WEIGHTS, 0) | {"jp_gap": 1}
    out = score_units(evidence, only_jp).set_index("kode_unit")
    assert out.loc["W", "score"] == pytest.approx(61.63344)
    assert out.loc["W", "reasons"] == ["jp_gap"] and out.loc["W", "flagged"]


def test_bad_weights_are_refused(evidence: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="unknown"):
        priority_scores(evidence, {"nonsense": 1})
    with pytest.raises(ValueError, match="non-negative"):
        priority_scores(evidence, dict.fromkeys(DEFAULT_WEIGHTS, 0))


def test_recommended_themes() -> None:
    row = pd.Series(
        {
            "mutu": "C",
            "weakest_unsur": ["perilaku", "waktu", "prosedur"],
            "top_themes": ["perilaku", "biaya"],
            "share_20jp": 0.2,
        }
    )
    assert recommended_themes(row) == [
        ("ikm.theme.ethics_communication", "unsur:perilaku"),
        ("ikm.theme.process_digital", "unsur:waktu"),
        ("ikm.theme.integrity", "complaints:biaya"),
        (JP_THEME, "jp"),
    ]
    # A grade-A unit's weakest unsur are not a training need; no complaints, coverage fine.
    assert recommended_themes(pd.Series({"mutu": "A", "weakest_unsur": ["sarana"], "share_20jp": 0.9})) == []


def test_shrinkage_toward_the_city_by_hand() -> None:
    # Ten units, gaps 0 (five) and 2 (five), SE 1: mean 1, var 10/9, τ² = 10/9 − 1 = 1/9,
    # B = (1/9) / (1/9 + 1) = 0.1: gaps become 0.9 and 1.1 with SE √0.1.
    gap = pd.Series([0.0] * 5 + [2.0] * 5)
    shrunk, se, factor = shrink_toward_city(
        gap, pd.Series(1.0, index=gap.index), pd.Series(True, index=gap.index)
    )
    assert factor.tolist() == pytest.approx([0.1] * 10)
    assert shrunk.tolist() == pytest.approx([0.9] * 5 + [1.1] * 5)
    assert se.tolist() == pytest.approx([math.sqrt(0.1)] * 10)
    # Differences within the noise (var 10/9 · 0.25 < 1): every unit gets the city's mean.
    shrunk, se, _ = shrink_toward_city(
        gap / 2, pd.Series(1.0, index=gap.index), pd.Series(True, index=gap.index)
    )
    assert shrunk.tolist() == pytest.approx([0.5] * 10) and se.tolist() == pytest.approx([0.0] * 10)


def test_recommendations_follow_the_citys_own_theme_mapping() -> None:
    """An evaluator who points "jalan_drainase" at facilities training changes the plan's words."""
    from lib.i18n import translate
    from lib.text.priorities import themes_text

    row = pd.Series({"mutu": "A", "weakest_unsur": [], "top_themes": ["jalan_drainase"], "share_20jp": 0.9})
    assert recommended_themes(row, theme_map={"jalan_drainase": "ikm.theme.facilities"}) == [
        ("ikm.theme.facilities", "complaints:jalan_drainase")
    ]
    assert recommended_themes(row, theme_map={}) == []  # a theme pointing at no training
    assert themes_text(row, "id", {"jalan_drainase": "ikm.theme.facilities"}) == translate(
        "ikm.theme.facilities", "id"
    )
