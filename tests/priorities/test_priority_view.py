"""The Prioritas page's view of the scored city: its row selections, counts and the model's columns,
on a hand-made frame (the same figures as a left merge and whole-frame selections give)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from lib.analysis.priority_model import ModelResult
from lib.analysis.priority_score import UNIT_DATA_KURANG, UNIT_RANKED
from lib.ui.priorities import LISTED_COLUMNS, PriorityView, with_predictions


def _scored() -> pd.DataFrame:
    """Four units; C and D short of evidence; A and B ranked, A flagged; one extra evidence column."""
    return pd.DataFrame(
        {
            "unit_id": [3, 1, 2, 4],
            "kode_unit": ["A", "B", "C", "D"],
            "nama_unit": ["Unit A", "Unit B", "Unit C", "Unit D"],
            "status": [UNIT_RANKED, UNIT_RANKED, UNIT_DATA_KURANG, UNIT_DATA_KURANG],
            "rank": [1.0, 2.0, np.nan, np.nan],
            "score": [40.0, 10.0, np.nan, np.nan],
            "flagged": [True, False, False, False],
            "ikm": [70.0, 85.5, np.nan, 90.0],
            "rate_per_1000": [12.0, 3.0, np.nan, np.nan],
            "share_20jp": [0.5, 0.1, np.nan, np.nan],
            "coverage": [1.0, 0.75, 0.25, 0.25],
            "jp_mean": [8.0, 22.0, 15.0, 30.0],
        }
    )


def _predictions() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "unit_id": [1, 3],
            "quarter_start": ["2026-07-01", "2026-07-01"],
            "probability": [0.2, 0.7],
            "risk_band": ["rendah", "tinggi"],
        }
    )


def test_with_predictions_is_the_left_merge() -> None:
    scored, predictions = _scored(), _predictions()
    out = with_predictions(scored, predictions)
    # unit 3 (A) 0.7 tinggi, unit 1 (B) 0.2 rendah, units 2 and 4 without a prediction
    assert (
        out["probability"].tolist()[:2] == [0.7, 0.2] and out["probability"].isna().tolist()[2:] == [True] * 2
    )
    assert out["risk_band"].tolist()[:2] == ["tinggi", "rendah"]
    assert list(out.columns) == [*scored.columns, "probability", "risk_band"]
    expected = scored.merge(predictions.drop(columns="quarter_start"), on="unit_id", how="left")
    pd.testing.assert_frame_equal(out, expected)
    assert "probability" not in scored.columns  # the (possibly stored) scored frame is left alone


def test_with_predictions_of_a_scope_keeps_its_order() -> None:
    part = _scored().iloc[[3, 0]]  # a scope's cut: D then A, index labels 3 and 0
    out = with_predictions(part, _predictions())
    assert out["kode_unit"].tolist() == ["D", "A"] and out.index.tolist() == [0, 1]
    assert out["risk_band"].tolist()[1] == "tinggi" and pd.isna(out["risk_band"].tolist()[0])


def _view(scored: pd.DataFrame, city: pd.DataFrame) -> PriorityView:
    return PriorityView({}, city, scored, ModelResult(available=False), {}, {}, {})


def test_view_selections_and_city_counts() -> None:
    city = _scored()
    in_scope = city.iloc[[1, 2]]  # B (ranked, not flagged) and C (short)
    view = _view(in_scope, city)
    assert view.ranked["kode_unit"].tolist() == ["B"] and view.short["kode_unit"].tolist() == ["C"]
    assert list(view.ranked.columns) == [c for c in LISTED_COLUMNS if c in city.columns]
    # the city: A and B ranked, of them A flagged
    assert view.city_ranked_count == 2 and view.city_flagged_count == 1
    row = view.unit_row("C")
    assert row["jp_mean"] == 15.0 and row["coverage"] == 0.25 and row.name == 2
