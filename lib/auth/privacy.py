"""Personal-data rules (UU 27/2022) applied to tables before they are shown or exported.

Three things every page and every export does with a table of records:

* :func:`redact_people` removes names and NIPs for roles that may not see them
  (leadership sees aggregated figures only);
* :func:`mask_free_text` masks phone numbers, NIK, NIP and e-mail addresses in free
  text (complaints, survey suggestions) for everyone, through ``lib.masking``;
* :func:`neutralise_formulas` stops a cell such as ``=HYPERLINK(…)`` typed by a
  citizen from running as a formula when an export is opened in a spreadsheet.

:func:`prepare_for_display` applies all three in the right order. Column naming
convention: a person's name is ``employee_name`` and their number ``nip`` (or
``employee_nip``); a column with another name must be passed in ``person_columns``.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from lib.auth.roles import Principal, can_see_names
from lib.masking import mask_personal_data_series
from lib.safe_export import neutralise_frame, neutralise_value

#: Column names that identify a person; dropped for roles without ``can_see_names``.
PERSON_COLUMNS: tuple[str, ...] = (
    "employee_name",
    "employee_nip",
    "nip",
    "nama_pegawai",
    "participant_name",
    "full_name",
)

#: Free-text columns masked by default.
TEXT_COLUMNS: tuple[str, ...] = ("text", "suggestion", "isi", "saran")


def redact_people(df: pd.DataFrame, principal: Principal, person_columns: Iterable[str] = ()) -> pd.DataFrame:
    """``df`` without name/NIP columns when ``principal`` may not see them (a copy; ``df`` is untouched)."""
    if can_see_names(principal):
        return df
    drop = [c for c in (*PERSON_COLUMNS, *person_columns) if c in df.columns]
    return df.drop(columns=drop)


def mask_free_text(df: pd.DataFrame, text_columns: Iterable[str] = TEXT_COLUMNS) -> pd.DataFrame:
    """A copy of ``df`` with personal data masked in the free-text columns present."""
    present = [c for c in text_columns if c in df.columns]
    if not present:
        return df
    out = df.copy()
    for column in present:
        out[column] = mask_personal_data_series(out[column])
    return out


def neutralise_formula(value: object) -> object:
    """One cell made safe for a spreadsheet (the rule lives in ``lib.safe_export``)."""
    return neutralise_value(value)


def neutralise_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` safe to write to CSV/XLSX: only text cells change, numbers stay numbers."""
    return neutralise_frame(df)


def prepare_for_display(
    df: pd.DataFrame,
    principal: Principal,
    *,
    person_columns: Iterable[str] = (),
    text_columns: Iterable[str] = TEXT_COLUMNS,
) -> pd.DataFrame:
    """Names/NIPs redacted for the role and free text masked: what a page may show."""
    return mask_free_text(redact_people(df, principal, person_columns), text_columns)


def prepare_for_export(
    df: pd.DataFrame,
    principal: Principal,
    *,
    person_columns: Iterable[str] = (),
    text_columns: Iterable[str] = TEXT_COLUMNS,
) -> pd.DataFrame:
    """What a page may show, plus formula neutralisation: what a CSV/XLSX export may contain."""
    return neutralise_formulas(
        prepare_for_display(df, principal, person_columns=person_columns, text_columns=text_columns)
    )
