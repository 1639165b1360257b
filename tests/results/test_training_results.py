"""The training pages' stored analyses (lib.results.training): values equal to the owning lib functions."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from sqlalchemy import Engine

from lib.analysis.priority_score import DEFAULT_WEIGHTS, UNIT_RANKED, city_references, score_units
from lib.analysis.training_history import EFFECT_COLUMNS
from lib.demo import DEMO_END
from lib.results import compute_now
from lib.results.dashboard import window_params
from lib.results.training import programme_learning  # noqa: F401  (registers the analyses)
from lib.services.priorities import programme_learning as measure_programmes
from lib.services.priorities import scored_city
from lib.text.priorities import missing_text, reasons_text

PERIOD = (date(DEMO_END.year - 1, DEMO_END.month + 1, 1), DEMO_END)


def test_stored_scores_are_score_units_with_the_usual_weights_and_their_words(demo_engine: Engine) -> None:
    params = window_params(*PERIOD)
    evidence = compute_now(demo_engine, "priorities.evidence", params).value
    stored = compute_now(demo_engine, "priorities.scored", params).value
    pd.testing.assert_frame_equal(stored.scored, score_units(evidence))
    # the page passes the sliders' whole numbers: the same scores
    as_sliders = {key: int(value) for key, value in DEFAULT_WEIGHTS.items()}
    pd.testing.assert_frame_equal(stored.scored, score_units(evidence, as_sliders))
    assert stored.references == city_references(evidence)
    for lang in ("id", "en"):
        rows = list(stored.scored.iterrows())
        assert stored.reasons[lang] == {row["kode_unit"]: reasons_text(row, lang) for _, row in rows}
        short = {row["kode_unit"]: missing_text(row, lang) for _, row in rows if row["status"] != UNIT_RANKED}
        assert stored.missing[lang] == short


def test_scores_for_a_subtree_are_refused(demo_engine: Engine) -> None:
    with pytest.raises(ValueError, match="whole city"):
        compute_now(demo_engine, "priorities.scored", {**window_params(*PERIOD), "path": "/KEC-MBLW/"})


def test_other_weights_are_worded_in_the_asked_language_only() -> None:
    evidence = pd.DataFrame(
        {
            "unit_id": [1, 2],
            "kode_unit": ["A", "B"],
            "nama_unit": ["Satu", "Dua"],
            "jenis_unit": ["kelurahan", "kelurahan"],
            "path": ["/A/", "/B/"],
            "wilayah": ["X", "X"],
        }
    )
    city = scored_city(evidence=evidence, weights={"jp_gap": 10}, languages=("en",))
    assert set(city.reasons) == {"en"} and set(city.missing) == {"en"}
    # no evidence at all: neither unit is ranked, both list what they lack
    assert set(city.missing["en"]) == {"A", "B"}
    assert city.missing["en"]["A"] == missing_text(city.scored.set_index("kode_unit").loc["A"], "en")


def test_stored_programme_learning_is_every_programmes_effect(demo_engine: Engine) -> None:
    stored = compute_now(demo_engine, "training.programme_learning", {}).value
    measured = measure_programmes(engine=demo_engine)
    assert stored.columns.tolist() == EFFECT_COLUMNS
    pd.testing.assert_frame_equal(stored, measured[EFFECT_COLUMNS].reset_index(drop=True))
    assert stored["program_code"].is_unique


def test_the_page_queues_the_programme_effects_until_they_are_stored(engine: Engine) -> None:
    from sqlalchemy import select

    from lib.models import AnalysisJob
    from lib.ui.data import forget_recent_reads
    from lib.ui.priorities import programme_learning as read_programmes

    assert read_programmes(engine) == (None, "")
    with engine.connect() as conn:
        queued = conn.execute(select(AnalysisJob.__table__.c.name, AnalysisJob.__table__.c.status)).all()
    assert [tuple(row) for row in queued] == [("training.programme_learning", "queued")]
    read_programmes(engine)  # asked again: still one job
    with engine.connect() as conn:
        assert len(conn.execute(select(AnalysisJob.__table__.c.id)).all()) == 1
    stored = compute_now(engine, "training.programme_learning", {})  # the worker, in another process
    forget_recent_reads()  # the page looks again after DATA_CHECK_SECONDS
    effects, computed_at = read_programmes(engine)
    assert effects is not None and effects.columns.tolist() == EFFECT_COLUMNS
    assert computed_at == stored.computed_at.isoformat()
