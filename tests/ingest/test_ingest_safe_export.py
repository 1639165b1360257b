"""Formula-injection neutralisation of every export, and the upload templates built on it."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from openpyxl import load_workbook
from sqlalchemy import Engine

from lib.ingest import KINDS, ImportOptions, prepare_upload
from lib.ingest.templates import explanation_frame, template_csv, template_xlsx
from lib.safe_export import neutralise_frame, neutralise_value, to_csv_bytes, to_xlsx_bytes
from tests.ingest.conftest import TODAY

DANGEROUS = pd.DataFrame(
    {
        "isi": ['=HYPERLINK("http://x","klik")', "+62 812", "-1+1", "@SUM(A1)", "aman", None, "\t=1"],
        "nilai": [1.5, -2.0, 3.0, 4.0, 5.0, 6.0, 7.0],
        "kode": ["-3,5", "+62812", "A-1", "=", "x", "y", "z"],
    }
)


def test_cells_starting_a_formula_get_an_apostrophe() -> None:
    safe = neutralise_frame(DANGEROUS)
    assert [None if pd.isna(v) else v for v in safe["isi"]] == [
        '\'=HYPERLINK("http://x","klik")',
        "'+62 812",
        "'-1+1",
        "'@SUM(A1)",
        "aman",
        None,
        "'\t=1",
    ]
    assert safe["nilai"].tolist() == DANGEROUS["nilai"].tolist()  # numbers untouched
    assert safe["kode"].tolist() == [
        "'-3,5",
        "'+62812",
        "A-1",
        "'=",
        "x",
        "y",
        "z",
    ]  # any text starting with + or - (the rule), even one that looks like a number
    assert DANGEROUS["isi"].iloc[0].startswith("=")  # the input is not changed
    assert neutralise_value("=1") == "'=1" and neutralise_value(5) == 5


def test_csv_and_xlsx_exports_hold_no_formula() -> None:
    text = to_csv_bytes(DANGEROUS).decode("utf-8-sig")
    assert "\n=" not in text and ",=" not in text and ",@" not in text
    book = load_workbook(io.BytesIO(to_xlsx_bytes({"Data": DANGEROUS, "=Bad": DANGEROUS.head(1)})))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
    assert book["Data"]["A2"].value == '\'=HYPERLINK("http://x","klik")'


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_template_imports_once_its_references_exist(
    engine: Engine, city: dict[str, int], kind: str
) -> None:
    """The example rows name PKM-BLW, DINKES and a NIP of the test city; both formats must validate."""
    for name, data in (("t.csv", template_csv(kind)), ("t.xlsx", template_xlsx(kind))):
        prepared = prepare_upload(data, name, kind, engine, ImportOptions(today=TODAY))
        assert not prepared.errors, (name, [p.sentence() for p in prepared.errors])
        assert prepared.rows_valid == 1
        assert prepared.mapping is not None and set(prepared.mapping.fields) == set(KINDS[kind].names)


def test_explanation_sheet_describes_every_column_in_both_languages() -> None:
    for lang, column in (("id", "Kolom"), ("en", "Column")):
        frame = explanation_frame("survei", lang)
        assert frame[column].tolist()[: len(KINDS["survei"].fields)] == KINDS["survei"].names
    book = load_workbook(io.BytesIO(template_xlsx("pelatihan", "en")))
    assert book.sheetnames == ["Data", "Instructions"]
    assert book["Data"]["I2"].value == "198503122010011003" and book["Data"]["I2"].data_type == "s"


def test_reports_use_the_shared_cell_rule() -> None:
    from lib.reports import neutralise_cell as report_rule

    assert report_rule("-1+1") == "'-1+1" and report_rule("-3,5") == "'-3,5"
    assert report_rule("-1+1") == neutralise_value("-1+1")
