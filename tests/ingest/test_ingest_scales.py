"""The answer-scale recogniser: every common 4-level family, leading numbers, 5-level and mixed refusals."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.ingest.scales import (
    ASSUMED,
    FAMILY,
    FIVE_LEVELS,
    MIXED,
    NUMBERED,
    NUMERIC,
    OFFICIAL,
    USER,
    apply_corrections,
    recognise_scale,
    recognise_scales,
)


def _scale(values: list[object], unsur: str = "waktu"):  # type: ignore[no-untyped-def]
    return recognise_scale(pd.Series(values, dtype=object), unsur)


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        (["Tidak Sesuai", "Kurang Sesuai", "Sesuai", "Sangat Sesuai"], [1, 2, 3, 4]),
        (["TIDAK PUAS", "kurang puas", "Puas", "sangat  puas"], [1, 2, 3, 4]),
        (["Tidak Baik", "Kurang Baik", "Baik", "Sangat Baik"], [1, 2, 3, 4]),
        (["Sangat Tidak Setuju", "Tidak Setuju", "Setuju", "Sangat Setuju"], [1, 2, 3, 4]),
        (["Tidak Puas", "Cukup Puas", "Puas", "Sangat Puas"], [1, 2, 3, 4]),
        (["Kurang Jelas", "Cukup Jelas", "Jelas", "Sangat Jelas"], [1, 2, 3, 4]),
        (["Buruk", "Cukup", "Baik", "Sangat Baik"], [1, 2, 3, 4]),
        (["Sangat Kurang", "Kurang", "Baik", "Sangat Baik"], [1, 2, 3, 4]),
        (
            ["Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah"],
            [1, 2, 3, 4],
        ),
    ],
)
def test_common_four_level_families_map_one_to_four(labels: list[str], expected: list[int]) -> None:
    scale = _scale(labels * 3)
    assert scale.ok and scale.how == FAMILY
    assert [scale.scores[" ".join(label.split())] for label in labels] == expected


def test_official_labels_of_the_unsur_win() -> None:
    # "Cukup mahal" is 2 for Biaya only; the regulation's labels are read as the regulation says
    scale = _scale(["Sangat mahal", "Cukup mahal", "Murah", "Gratis"], "biaya")
    assert scale.how == OFFICIAL
    assert scale.scores == {"Sangat mahal": 1, "Cukup mahal": 2, "Murah": 3, "Gratis": 4}


def test_leading_numbers_are_the_questionnaires_scores() -> None:
    scale = _scale(["4. Sangat Baik", "3. Baik", "2) Kurang Baik", "1 - Tidak Baik"])
    assert scale.how == NUMBERED
    assert scale.scores == {"4. Sangat Baik": 4, "3. Baik": 3, "2) Kurang Baik": 2, "1 - Tidak Baik": 1}


def test_a_numbered_five_is_a_five_level_scale() -> None:
    scale = _scale(["5. Sangat Puas", "4. Puas", "3. Cukup Puas"])
    assert scale.refused == FIVE_LEVELS


@pytest.mark.parametrize(
    "labels",
    [
        ["Sangat Tidak Puas", "Tidak Puas", "Cukup Puas", "Puas", "Sangat Puas"],
        ["Sangat Tidak Setuju", "Tidak Setuju", "Netral", "Setuju", "Sangat Setuju"],
        ["Sangat Kurang", "Kurang", "Cukup", "Baik", "Sangat Baik"],
    ],
)
def test_five_level_scales_are_refused_with_their_values(labels: list[str]) -> None:
    scale = _scale(labels * 2)
    assert scale.refused == FIVE_LEVELS
    assert set(scale.values) == set(labels)


def test_two_scales_in_one_column_are_refused() -> None:
    scale = _scale(["Sangat Puas", "Puas", "Sesuai", "Sangat Sesuai", "Tidak Sesuai"])
    assert scale.refused == MIXED


def test_a_rare_typo_does_not_refuse_the_column() -> None:
    # 1 stray value in 41 answers (2.4 %) stays unmapped and is reported on its row
    scale = _scale(["Sangat Puas"] * 20 + ["Puas"] * 15 + ["Tidak Puas"] * 5 + ["Puass"])
    assert scale.ok
    assert "Puass" not in scale.scores


def test_ambiguous_tidak_is_assumed_and_settled_by_another_column() -> None:
    alone = _scale(["Sangat Puas", "Puas", "Tidak Puas"])
    assert alone.how == ASSUMED and alone.scores["Tidak Puas"] == 1  # the regulation's pattern
    frame = pd.DataFrame(
        {
            "waktu": ["Sangat Puas", "Puas", "Tidak Puas"],
            "biaya": ["Sangat Tidak Puas", "Puas", "Tidak Puas"],
        },
        dtype=object,
    )
    scales = recognise_scales(frame, ["waktu", "biaya"])
    assert scales["waktu"].how == FAMILY and scales["waktu"].scores["Tidak Puas"] == 2


def test_numbers_and_blank_stay_numeric() -> None:
    assert _scale(["4", "3", None, "2"]).how == NUMERIC
    assert _scale(["4", "3", "bagus", "2"]).scores == {}  # a typo among numbers is not a scale


def test_corrections_override_and_can_rescue_a_refused_column() -> None:
    scale = _scale(["Sangat Puas", "Puas", "Tidak Puas"])
    fixed = apply_corrections(scale, {"Tidak Puas": 2})
    assert fixed.how == USER and fixed.scores["Tidak Puas"] == 2
    refused = _scale(["Sangat Puas", "Puas", "Sesuai", "Sangat Sesuai", "Tidak Sesuai"])
    rescued = apply_corrections(
        refused, {"Sangat Puas": 4, "Puas": 3, "Sesuai": 3, "Sangat Sesuai": 4, "Tidak Sesuai": 1}
    )
    assert rescued.ok and rescued.scores["Tidak Sesuai"] == 1


def test_a_column_where_everyone_gave_the_same_plain_answer_takes_the_files_scale() -> None:
    frame = pd.DataFrame(
        {"waktu": ["Puas", "Puas", "Puas"], "biaya": ["Sangat Puas", "Puas", "Kurang Puas"]}, dtype=object
    )
    alone = recognise_scale(frame["waktu"], "waktu")
    assert alone.scores == {}  # one word alone proves nothing ("bagus" would be a typo)
    scales = recognise_scales(frame, ["waktu", "biaya"])
    assert scales["waktu"].scores == {"Puas": 3}
