"""The official SKM report: the Excel and PDF files are opened and their figures checked."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from io import BytesIO

import pytest
from openpyxl import load_workbook

from lib.reports import neutralise_cell
from lib.reports.skm_excel import skm_workbook_bytes
from lib.reports.skm_pdf import skm_pdf_bytes
from lib.services.ikm import skm_report
from tests.ikm.ikm_data import add_responses, add_units, response, worked_example_answers

GENERATED = date(2026, 11, 20)


@pytest.fixture
def report(engine):
    ids = add_units(
        engine,
        [{"code": "DUKCAPIL", "name": "Dinas Kependudukan dan Pencatatan Sipil", "population": 36_500}],
    )
    genders = ["L"] * 17 + ["P"] * 12
    rows = [
        response(
            ids["DUKCAPIL"],
            date(2025, 7, 1 + i % 30),
            answers,
            gender=genders[i],
            age=20 + i,
            education="SMA" if i < 20 else "S1",
            service_type="=KTP elektronik" if i == 0 else "KTP elektronik",
        )
        for i, answers in enumerate(worked_example_answers())
    ]
    add_responses(engine, rows)
    return skm_report(
        engine=engine, date_from=date(2025, 7, 1), date_to=date(2025, 9, 30), unit_code="DUKCAPIL"
    )


def test_report_figures(report) -> None:
    assert report.respondents == 29
    assert [line.total for line in report.lines] == [105, 101, 100, 116, 102, 105, 106, 105, 115]
    assert report.ikm_2dp == 91.38 and report.mutu == "A"
    # Σ weighted NRR = 3.6553 (IKM 1–4 before × 25)
    assert round(report.ikm_4, 4) == 3.6553
    # Q3 has 92 days: N = 36,500 × 92 / 365 = 9,200 → Krejcie–Morgan 368.6 → 369
    assert report.population == 9200 and report.sample_minimum == 369 and report.sample_short
    assert [w.unsur for w in report.weakest] == ["waktu", "prosedur", "produk"]


def test_excel_report_holds_the_figures(report) -> None:
    wb = load_workbook(BytesIO(skm_workbook_bytes(report, generated=GENERATED)))
    ws = wb["Laporan"]
    cells = {(c.row, c.column): c.value for row in ws.iter_rows() for c in row if c.value is not None}
    text = [v for v in cells.values() if isinstance(v, str)]
    assert "LAPORAN SURVEI KEPUASAN MASYARAKAT" in text
    assert any("Dinas Kependudukan" in v for v in text)
    u3 = next(r for (r, c), v in cells.items() if c == 1 and v == "U3")
    assert cells[(u3, 2)] == "Waktu Penyelesaian"
    assert cells[(u3, 3)] == 100 and cells[(u3, 4)] == 29
    assert round(cells[(u3, 5)], 4) == 3.4483
    assert round(cells[(u3, 6)], 4) == round(100 / 29 * 0.111, 4)
    assert cells[(u3, 7)] == "B"
    ikm_row = next(r for (r, c), v in cells.items() if v == "IKM unit pelayanan (× 25)")
    assert cells[(ikm_row, 6)] == 91.38
    grade_row = next(r for (r, c), v in cells.items() if v == "Mutu pelayanan")
    assert cells[(grade_row, 6)] == "A (Sangat Baik)"
    assert "(bobot 0,111)" in text
    assert "Mengetahui," in text
    assert "Kepala Dinas Kependudukan dan Pencatatan Sipil" in text
    assert "Medan, 20 November 2026" in text
    assert len(ws._charts) == 1
    profile = wb["Profil Responden"]
    values = [[c.value for c in row] for row in profile.iter_rows(min_row=5)]
    assert values[0][:3] == ["Jenis kelamin", "Laki-laki", 17]
    assert values[1][1:3] == ["Perempuan", 12]
    assert round(values[0][3], 4) == round(17 / 29, 4)
    services = [row[1] for row in values if row[1] and "KTP" in str(row[1])]
    assert "'=KTP elektronik" in services  # user text starting with = is neutralised
    assert not any(isinstance(v, str) and v.startswith("=") for row in values for v in row)


def test_pdf_report_holds_the_figures(report) -> None:
    data = skm_pdf_bytes(report, generated=GENERATED)
    assert data.startswith(b"%PDF-")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) not installed: the PDF text cannot be extracted")
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()
    text = " ".join(text.split())  # wrapped lines (a long unit name) become one
    assert "LAPORAN SURVEI KEPUASAN MASYARAKAT" in text
    assert "Dinas Kependudukan dan Pencatatan Sipil" in text
    assert "91,38" in text and "A (Sangat Baik)" in text
    assert "3,6553" in text  # Σ weighted NRR
    for nrr in ("3,6207", "3,4828", "3,4483", "4,0000", "3,5172", "3,6552", "3,9655"):
        assert nrr in text
    assert "0,111" in text
    assert "Mengetahui," in text and "Kepala Dinas Kependudukan" in text and "Medan, 20 November 2026" in text
    assert "369" in text and "di bawah sampel minimal" in text
    assert "Laki-laki" in text and "58,6%" in text  # 17 of 29


def test_report_in_english_and_exact_weight(engine, report) -> None:
    exact = skm_report(
        engine=engine,
        date_from=date(2025, 7, 1),
        date_to=date(2025, 9, 30),
        unit_code="DUKCAPIL",
        weight="exact",
    )
    assert exact.ikm_2dp == 91.48 and exact.weight_name == "1/9"
    wb = load_workbook(BytesIO(skm_workbook_bytes(exact, lang="en", generated=GENERATED)))
    text = [c.value for row in wb["Report"].iter_rows() for c in row if isinstance(c.value, str)]
    assert "PUBLIC SATISFACTION SURVEY REPORT" in text and "(weight 1/9)" in text


def test_report_without_responses_is_none_and_unknown_unit_is_an_error(engine, report) -> None:
    assert (
        skm_report(engine=engine, date_from=date(2024, 1, 1), date_to=date(2024, 3, 31), unit_code="DUKCAPIL")
        is None
    )
    with pytest.raises(ValueError, match="NOPE"):
        skm_report(engine=engine, date_from=date(2025, 7, 1), date_to=date(2025, 9, 30), unit_code="NOPE")
    city = skm_report(
        engine=engine,
        date_from=date(2025, 7, 1),
        date_to=date(2025, 9, 30),
        unit_code=None,
        scope_name="Kota Medan",
    )
    assert city.unit_name == "Kota Medan" and city.ikm_2dp == 91.38


def test_neutralise_cell() -> None:
    assert neutralise_cell("=1+1") == "'=1+1"
    assert neutralise_cell("@SUM(A1)") == "'@SUM(A1)"
    assert neutralise_cell("Puskesmas") == "Puskesmas"
    assert neutralise_cell(-3) == -3


def test_pdf_without_dejavu_falls_back_to_a_core_font(report, monkeypatch) -> None:
    import lib.reports.skm_pdf as skm_pdf

    monkeypatch.setattr(skm_pdf, "_has_dejavu", lambda: False)
    data = skm_pdf.skm_pdf_bytes(report, generated=GENERATED)
    assert data.startswith(b"%PDF-") and b"Helvetica" in data
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) not installed")
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()
    assert "91,38" in " ".join(text.split()) and "Mengetahui," in text
