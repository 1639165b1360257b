"""Personal data in tables: names/NIPs only for roles that need them, masked free text, safe exports."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.auth.privacy import (
    mask_free_text,
    neutralise_formula,
    neutralise_formulas,
    prepare_for_display,
    prepare_for_export,
    redact_people,
)
from lib.auth.roles import Principal, Role, can_see_names

PEOPLE = pd.DataFrame(
    {
        "unit_code": ["KEL-A1", "KEL-A2"],
        "employee_name": ["Siti Rahma", "Budi Santoso"],
        "nip": ["198001012005011001", "198505152010012002"],
        "name": ["Kelurahan A1", "Kelurahan A2"],
        "score": [82.5, 77.0],
    }
)


def _as(role: Role) -> Principal:
    return Principal(username=role.value, role=role, unit_path="/KEC-A/" if role is Role.MANAGER else None)


def test_names_are_for_evaluators_admins_and_managers_not_leadership() -> None:
    assert [can_see_names(_as(r)) for r in Role] == [False, True, True, True]


@pytest.mark.parametrize("role", [Role.EVALUATOR, Role.MANAGER, Role.ADMIN])
def test_roles_that_need_names_see_them(role: Role) -> None:
    pd.testing.assert_frame_equal(redact_people(PEOPLE, _as(role)), PEOPLE)


def test_leadership_gets_no_names_or_nips_but_keeps_unit_names() -> None:
    redacted = redact_people(PEOPLE, _as(Role.PIMPINAN))
    assert list(redacted.columns) == ["unit_code", "name", "score"]
    assert "employee_name" in PEOPLE.columns  # the input is not modified
    assert list(redact_people(PEOPLE, _as(Role.PIMPINAN), person_columns=["name"]).columns) == [
        "unit_code",
        "score",
    ]


def test_free_text_is_masked_for_everyone() -> None:
    complaints = pd.DataFrame(
        {"text": ["Hubungi saya di 0812-3456-7890 atau budi@mail.com", None], "status": ["belum", "selesai"]}
    )
    masked = mask_free_text(complaints)
    assert masked.loc[0, "text"] == "Hubungi saya di [telepon] atau [email]"
    assert masked.loc[1, "text"] is None or pd.isna(masked.loc[1, "text"])
    assert "0812" in complaints.loc[0, "text"]  # input untouched
    shown = prepare_for_display(complaints, _as(Role.EVALUATOR))
    assert "0812" not in shown.loc[0, "text"]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ('=HYPERLINK("http://evil","klik")', '\'=HYPERLINK("http://evil","klik")'),
        ("+6281234", "'+6281234"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1", "'\t=1"),
        ("Pelayanan lambat", "Pelayanan lambat"),
        (-5, -5),
        (3.5, 3.5),
        (None, None),
    ],
)
def test_formula_cells_are_neutralised(cell: object, expected: object) -> None:
    assert neutralise_formula(cell) == expected


def test_export_keeps_numbers_numeric_and_applies_every_rule() -> None:
    frame = pd.DataFrame(
        {
            "employee_name": ["=cmd|' /C calc'!A0"],
            "text": ["=1+1 telp 081234567890"],
            "delta": [-4.5],
        }
    )
    safe = neutralise_formulas(frame)
    assert safe.loc[0, "delta"] == -4.5 and pd.api.types.is_float_dtype(safe["delta"])
    exported = prepare_for_export(frame, _as(Role.PIMPINAN))
    assert list(exported.columns) == ["text", "delta"]
    assert exported.loc[0, "text"] == "'=1+1 telp [telepon]"
    assert prepare_for_export(frame, _as(Role.EVALUATOR)).loc[0, "employee_name"].startswith("'=")
