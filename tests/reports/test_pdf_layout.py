"""Printed reports read cleanly: no word split in a table heading, no justified gaps, no page references."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from fpdf import FPDF
from sqlalchemy import Engine

from lib.demo import DEMO_END
from lib.i18n import translate
from lib.queries.units import Scope
from lib.reports.skm_pdf import _has_dejavu, _Pdf
from lib.reports.summary_pdf import print_text, summary_pdf_bytes
from lib.services.summary import leadership_summary

PERIOD = (date(DEMO_END.year - 1, DEMO_END.month + 1, 1), DEMO_END)


def test_print_text_drops_the_reference_to_a_page() -> None:
    screen = "Lonjakan pengaduan di Kelurahan Belawan I " + translate(
        "summary.finding.more_spikes", "id", n=3
    )
    assert print_text(screen, "id") == "Lonjakan pengaduan di Kelurahan Belawan I (dan 3 lonjakan lain)"
    english = "Rise at X " + translate("summary.finding.more_spikes", "en", n="1,204")
    assert print_text(english, "en") == "Rise at X (other rises: 1,204)"
    assert print_text("Tidak ada lonjakan.", "id") == "Tidak ada lonjakan."
    # a finding written in the other language keeps its own language
    assert print_text(screen, "en") == "Lonjakan pengaduan di Kelurahan Belawan I (dan 3 lonjakan lain)"


def test_heading_words_fit_their_columns_and_the_total_width_is_kept() -> None:
    pdf = _Pdf(unicode_font=_has_dejavu())
    headings = ["Peringkat", "Unit", "Skor", "Alasan utama"]
    widths = pdf.column_widths(headings, [14, 55, 12, 93], stretch=3, size=8.5)
    pdf.style("B", 8.5)
    for heading, width in zip(headings, widths, strict=True):
        longest = max(pdf.get_string_width(word) for word in heading.split())
        assert width >= longest + 2 * pdf.c_margin
    assert sum(widths) == pytest.approx(174)
    assert widths[1] == 55 and widths[3] < 93


def test_text_is_left_aligned_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[object] = []
    original = FPDF.multi_cell

    def spy(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(kwargs.get("align", "J (fpdf2's default)"))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(FPDF, "multi_cell", spy)
    pdf = _Pdf(unicode_font=_has_dejavu())
    pdf.add_page()
    pdf.style("", 7)
    pdf.multi_cell(40, 3.3, "teks kecil yang panjang sekali dalam kotak sempit")
    pdf.multi_cell(40, 3.3, "judul", align="C")
    assert seen == ["L", "C"]


def _pdf_text(data: bytes, tmp_path: Path) -> str:
    if not shutil.which("pdftotext") and not os.environ.get("CI"):
        pytest.skip("poppler-utils (pdftotext) is not installed; CI installs it")
    path = tmp_path / "ringkasan.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.parametrize("lang", ["id", "en"])
def test_summary_pdf_headings_are_whole_words(demo_engine: Engine, tmp_path: Path, lang: str) -> None:
    summary = leadership_summary(
        engine=demo_engine, scope=Scope(), date_from=PERIOD[0], date_to=PERIOD[1], lang=lang
    )
    text = _pdf_text(summary_pdf_bytes(summary, lang, date(2026, 11, 26)), tmp_path)
    for key in ("rank", "unit", "score", "reasons"):
        heading = translate(f"priority.col.{key}", lang)
        assert heading.split()[0] in text, f"{heading!r} split in the printed table"
    assert "halaman Pengaduan" not in text and "Complaints page" not in text


def test_the_priority_table_stops_above_the_footer(demo_engine: Engine) -> None:
    from lib.reports.summary_pdf import FOOTER_FROM_BOTTOM, _draw

    summary = leadership_summary(
        engine=demo_engine, scope=Scope(), date_from=PERIOD[0], date_to=PERIOD[1], lang="id"
    )
    generated = date(2026, 11, 26)
    fits = [
        rows
        for rows in range(1, 11)
        if _draw(summary, "id", generated, rows, "Kota Medan")[1] <= 297 - FOOTER_FROM_BOTTOM
    ]
    assert fits, "not even one unit fits the page"
    # the demo city's reasons are long: ten units do not fit, so the PDF lists as many as do
    assert max(fits) < 10
    pdf, end = _draw(summary, "id", generated, max(fits), "Kota Medan")
    assert end <= pdf.h - FOOTER_FROM_BOTTOM
