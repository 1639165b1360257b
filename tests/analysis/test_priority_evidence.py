"""Roll-ups to parent units, the choice of own or sub-unit evidence, and the pooled noise estimate, by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.analysis.priority_evidence import choose_basis, pooled_unit_variance, rollup_additive

UNITS = pd.DataFrame(
    {"id": [1, 2, 3, 4], "code": ["K", "A", "B", "L"], "path": ["/K/", "/K/A/", "/K/B/", "/L/"]}
)


def test_rollup_adds_the_unit_and_its_descendants() -> None:
    frame = pd.DataFrame({"unit_id": [2, 3, 1], "services": [10, 5, 1], "complaints": [2, 0, 1]})
    out = rollup_additive(frame, UNITS, ["services", "complaints"]).set_index("unit_id")
    assert out["services"].to_dict() == {1: 16, 2: 10, 3: 5, 4: 0}
    assert out["complaints"].to_dict() == {1: 3, 2: 2, 3: 0, 4: 0}


def test_basis_prefers_own_evidence_then_the_sub_units() -> None:
    own = pd.Series([40, 0, 10, 0])
    rolled = pd.Series([40, 50, 20, 0])
    assert choose_basis(own, rolled, 30).tolist() == ["own", "children", "own", None]


def test_pooled_within_unit_variance_by_hand() -> None:
    # unit 1: 80 and 82 (100 each) around 81: 100·1 + 100·1 = 200, 1 degree of freedom
    # unit 2: 70 (50), 76 (25), 73 (25) around 72.25: 50·2.25² + 25·3.75² + 25·0.75² = 618.75, 2 d.f.
    frame = pd.DataFrame(
        {
            "unit_id": [1, 1, 2, 2, 2, 3],
            "ikm": [80, 82, 70, 76, 73, 90],
            "respondents": [100, 100, 50, 25, 25, 9],
        }
    )
    assert pooled_unit_variance(frame, "ikm", "respondents") == pytest.approx((200 + 618.75) / 3)
    assert pd.isna(pooled_unit_variance(frame[frame["unit_id"] == 3], "ikm", "respondents"))
