"""The priority score, hand-computed on three units."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from lib.analysis.priority_score import JP_THEME, priority_scores, recommended_themes


@pytest.fixture
def evidence() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "kode_unit": ["A", "B", "C"],
            "ikm": [90.0, 80.0, 70.0],
            "mutu": ["A", "B", "C"],
            "ikm_change": [1.0, -2.0, np.nan],
            "rate_per_1000": [1.0, 2.0, 3.0],
            "complaints": [5, 10, 2],
            "complaints_prev": [5, 4, 8],
            "pct_on_time": [90.0, 90.0, 60.0],
            "skp_low_share": [0.1, 0.2, 0.3],
            "share_20jp": [0.9, 0.5, 0.2],
            "weakest_unsur": [["sarana"], ["biaya", "waktu"], ["perilaku", "waktu", "prosedur"]],
            "top_themes": [[], ["waktu"], ["perilaku", "biaya"]],
        }
    )


def test_scores_by_hand(evidence: pd.DataFrame) -> None:
    out = priority_scores(evidence).set_index("kode_unit")
    # A: complaint_rise 0.5×10 + late_service 0.25×10 (tied best on-time share) = 7.5 of 100
    assert out.loc["A", "score"] == pytest.approx(7.5)
    # B: 0.5×25 + 1×10 + 0.5×20 + 1×10 + 0.25×10 + 0.5×10 + 0.5×15 = 57.5
    assert out.loc["B", "score"] == pytest.approx(57.5)
    # C has no IKM change: its score is 80 of the 90 weight points it has evidence for
    assert out.loc["C", "score"] == pytest.approx(80 / 90 * 100)
    assert out.loc["C", "coverage"] == pytest.approx(0.9)
    assert math.isnan(out.loc["C", "need_ikm_decline"])
    assert list(out.index) == ["C", "B", "A"]
    assert out["rank"].tolist() == [1, 2, 3]
    assert out["flagged"].tolist() == [True, False, False]  # 88.9 ≥ 70 > 57.5
    assert out.loc["C", "reasons"] == [
        "ikm_low",
        "complaint_rate",
        "jp_gap",
        "late_service",
        "low_performance",
    ]
    assert out.loc["B", "reasons"] == ["ikm_decline", "complaint_rise"]
    assert out.loc["A", "reasons"] == []


def test_weights_change_the_ranking(evidence: pd.DataFrame) -> None:
    only_growth = {
        k: 0
        for k in ("ikm_low", "ikm_decline", "complaint_rate", "late_service", "low_performance", "jp_gap")
    }
    out = priority_scores(evidence, {**only_growth, "complaint_rise": 1}).set_index("kode_unit")
    assert out["score"].to_dict() == pytest.approx({"B": 100.0, "A": 50.0, "C": 0.0})


def test_bad_weights_are_refused(evidence: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="unknown"):
        priority_scores(evidence, {"nonsense": 1})
    with pytest.raises(ValueError, match="non-negative"):
        priority_scores(
            evidence,
            dict.fromkeys(
                (
                    "ikm_low",
                    "ikm_decline",
                    "complaint_rate",
                    "complaint_rise",
                    "late_service",
                    "low_performance",
                    "jp_gap",
                ),
                0,
            ),
        )


def test_recommended_themes(evidence: pd.DataFrame) -> None:
    row = evidence.set_index("kode_unit").loc["C"]
    assert recommended_themes(row) == [
        ("ikm.theme.ethics_communication", "unsur:perilaku"),
        ("ikm.theme.process_digital", "unsur:waktu"),
        ("ikm.theme.integrity", "complaints:biaya"),
        (JP_THEME, "jp"),
    ]
    # A grade-A unit's weakest unsur are not a training need; no complaints, coverage fine.
    assert recommended_themes(evidence.set_index("kode_unit").loc["A"]) == []
