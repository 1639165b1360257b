"""The priority evidence from a database: a parent without a survey of its own is judged on its
sub-units, and the IKM's standard error comes from the pooled month-to-month scatter, by hand.

KEL1: 20 respondents answering 3 to everything in January (IKM 3 × 9 × 0.111 × 25 = 74.925) and 20
answering 4 in February (99.9): 40 respondents, its own basis. KEL2: 10 answering 3 and 10 answering
4 in January: 20 respondents, below the 30 that count, so its IKM is shown but thin. KEC has no
survey: its sub-units' 60 respondents give NRR (60 + 80 + 70) / 60 = 3.5 on every unsur, IKM
3.5 × 9 × 0.111 × 25 = 87.4125 → 87.41. The pooled per-respondent variance comes from KEL1 alone
(KEL2 has one month): 20·12.4875² + 20·12.4875² over 1 degree of freedom = 6,237.50625.
"""

from __future__ import annotations

import math
from datetime import date

import pytest
from sqlalchemy import Engine

from lib.analysis.priority_score import UNIT_DATA_KURANG, score_units
from lib.services.unit_evidence import unit_evidence
from tests.ikm.ikm_data import add_responses, add_units, response

VARIANCE = 2 * 20 * 12.4875**2


@pytest.fixture
def evidence(engine: Engine):  # type: ignore[no-untyped-def]
    ids = add_units(
        engine,
        [
            {"code": "KEC", "name": "Kecamatan", "kind": "kecamatan"},
            {"code": "KEL1", "name": "Kelurahan 1", "kind": "kelurahan", "parent": "KEC"},
            {"code": "KEL2", "name": "Kelurahan 2", "kind": "kelurahan", "parent": "KEC"},
        ],
    )
    rows = [response(ids["KEL1"], date(2025, 1, 10), [3] * 9) for _ in range(20)]
    rows += [response(ids["KEL1"], date(2025, 2, 10), [4] * 9) for _ in range(20)]
    rows += [response(ids["KEL2"], date(2025, 1, 15), [3] * 9) for _ in range(10)]
    rows += [response(ids["KEL2"], date(2025, 1, 16), [4] * 9) for _ in range(10)]
    add_responses(engine, rows)
    return unit_evidence(engine=engine, date_from=date(2025, 1, 1), date_to=date(2025, 6, 30)).set_index(
        "kode_unit"
    )


def test_parent_without_a_survey_is_judged_on_its_sub_units(evidence) -> None:  # type: ignore[no-untyped-def]
    kec = evidence.loc["KEC"]
    assert kec["basis_survey"] == "children"
    assert kec["responden"] == 60
    assert kec["ikm"] == pytest.approx(87.41)
    assert kec["ikm_se"] == pytest.approx(math.sqrt(VARIANCE / 60))
    assert evidence.loc["KEL1", "basis_survey"] == "own"
    assert evidence.loc["KEL1", "ikm"] == pytest.approx(87.41)
    assert evidence.loc["KEL1", "ikm_se"] == pytest.approx(12.4875)
    assert math.isnan(kec["ikm_prev"])  # nothing in the previous six months


def test_units_with_a_survey_only_are_data_kurang(evidence) -> None:  # type: ignore[no-untyped-def]
    scored = score_units(evidence.reset_index()).set_index("kode_unit")
    assert (scored["status"] == UNIT_DATA_KURANG).all()
    assert scored.loc["KEL2", "status_ikm_low"] == "thin"  # 20 respondents
    assert scored.loc["KEL1", "status_ikm_low"] == "ok"
    assert "complaint_rate" in scored.loc["KEL1", "missing"]
    assert scored["score"].isna().all()
