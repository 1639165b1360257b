"""The SKM report as a PDF for printing and signing (A4, fpdf2).

Same figures as the Excel workbook (both render one
:class:`lib.analysis.ikm_report.SkmReport`). The NRR chart is drawn with fpdf2
primitives, grade bands behind the bars, so it needs no browser and no
network. DejaVu Sans is used when installed (for "–", "≥" and any name); if
not, the core Helvetica font with those characters spelled in Latin-1.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

from lib.analysis.ikm_formula import GRADE_BOUNDS_4
from lib.analysis.ikm_report import SkmReport
from lib.i18n import fmt_date, fmt_number, fmt_percent, translate
from lib.queries.survey import GROUP_DIMENSIONS
from lib.reports.skm_excel import profile_value_label

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
GRADE_RGB = {"A": (198, 239, 206), "B": (255, 242, 204), "C": (252, 228, 214), "D": (248, 203, 173)}
_LATIN1_SPELLING = {"–": "-", "—": "-", "≥": ">=", "≤": "<=", "×": "x", "Σ": "Jumlah ", "→": "->", "…": "..."}


class _Pdf(FPDF):
    def __init__(self, unicode_font: bool) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.unicode_font = unicode_font
        if unicode_font:
            self.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
            self.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
            self.add_font("DejaVu", "I", str(FONT_DIR / "DejaVuSans-Oblique.ttf"))
            self.family = "DejaVu"
        else:
            self.family = "Helvetica"
        self.set_auto_page_break(auto=True, margin=15)
        self.set_margins(18, 15, 18)

    def text_of(self, value: object) -> str:
        text = str(value)
        if self.unicode_font:
            return text
        for char, spelled in _LATIN1_SPELLING.items():
            text = text.replace(char, spelled)
        return text.encode("latin-1", "replace").decode("latin-1")

    def multi_cell(self, *args, **kwargs):  # type: ignore[no-untyped-def,override]
        """Left-aligned unless asked otherwise: fpdf2 justifies by default, and justified small
        text in narrow boxes prints with wide gaps between words."""
        if len(args) < 5:  # align is multi_cell's fifth parameter
            kwargs.setdefault("align", "L")
        return super().multi_cell(*args, **kwargs)

    def column_widths(
        self, headings: list[str], widths: list[float], stretch: int, size: float
    ) -> tuple[float, ...]:
        """``widths`` widened so that no heading word is split across lines ("Pering/kat").

        fpdf2 breaks a word that does not fit its cell inside the word; each column is made
        at least as wide as its longest heading word (bold, at ``size`` pt, with the cell's
        padding), and what that takes is taken from column ``stretch`` (the long text column).
        """
        self.style("B", size)
        needed = [
            max((self.get_string_width(self.text_of(word)) for word in heading.split()), default=0)
            + 2 * self.c_margin
            + 1
            for heading in headings
        ]
        fitted = [max(w, n) for w, n in zip(widths, needed, strict=True)]
        fitted[stretch] = max(needed[stretch], widths[stretch] - (sum(fitted) - sum(widths)))
        return tuple(fitted)

    def style(self, weight: str = "", size: float = 10) -> None:
        self.set_font(self.family, weight, size)

    def line_text(
        self, text: str, height: float = 5.5, weight: str = "", size: float = 10, align: str = "L"
    ) -> None:
        self.style(weight, size)
        self.multi_cell(0, height, self.text_of(text), align=align, new_x="LMARGIN", new_y="NEXT")


def _has_dejavu() -> bool:
    return all(
        (FONT_DIR / name).exists()
        for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf")
    )


def skm_pdf_bytes(report: SkmReport, lang: str = "id", generated: date | None = None) -> bytes:
    """The report as PDF bytes (built in memory)."""
    generated = generated or date.today()
    pdf = _Pdf(unicode_font=_has_dejavu())
    pdf.set_title(translate("ikm.rpt.title", lang))
    pdf.set_creator("Telaah")
    pdf.add_page()

    def t(key: str, **values: object) -> str:
        return translate(key, lang, **values)

    def num(value: float | None, decimals: int = 2) -> str:
        return fmt_number(value, lang, decimals)

    pdf.line_text(t("ikm.rpt.title"), 7, "B", 14, "C")
    pdf.line_text(t("ikm.rpt.basis"), 5, "I", 9, "C")
    pdf.ln(4)
    info = [
        (t("ikm.rpt.unit"), report.unit_name),
        (t("ikm.rpt.period"), f"{fmt_date(report.date_from, lang)} – {fmt_date(report.date_to, lang)}"),
        (t("ikm.rpt.respondents"), num(report.respondents, 0)),
        (t("ikm.rpt.sample"), "–" if report.sample_minimum is None else num(report.sample_minimum, 0)),
    ]
    for label, value in info:
        pdf.style("B", 10)
        pdf.cell(70, 6, pdf.text_of(label))
        pdf.style("", 10)
        pdf.multi_cell(0, 6, pdf.text_of(f": {value}"), new_x="LMARGIN", new_y="NEXT")
    if report.sample_short:
        pdf.set_text_color(192, 0, 0)
        pdf.line_text(t("ikm.rpt.sample_short"), 6, "B", 9)
        pdf.set_text_color(0, 0, 0)

    pdf.ln(3)
    pdf.line_text(t("ikm.rpt.profile"), 7, "B", 11)
    _profile_table(pdf, report, lang)

    pdf.ln(3)
    pdf.line_text(t("ikm.rpt.results"), 7, "B", 11)
    headers = [
        t(f"ikm.rpt.col.{key}") for key in ("no", "unsur", "total", "count", "nrr", "weighted", "grade")
    ]
    pdf.style("", 9)
    with pdf.table(
        col_widths=(11, 69, 19, 23, 17, 20, 15),
        text_align=("CENTER", "LEFT", "CENTER", "CENTER", "CENTER", "CENTER", "CENTER"),
        headings_style=FontFace(emphasis="BOLD", fill_color=(217, 225, 242), size_pt=8),
        line_height=5,
        first_row_as_headings=True,
    ) as table:
        table.row([pdf.text_of(h) for h in headers])
        for line in report.lines:
            row = table.row()
            for value in (
                f"U{line.number}",
                t(f"ikm.unsur.{line.unsur}"),
                num(line.total, 0),
                num(line.answered, 0),
                num(line.nrr, 4),
                num(line.weighted, 4),
            ):
                row.cell(pdf.text_of(value))
            fill = GRADE_RGB.get(line.mutu or "")
            row.cell(line.mutu or "-", style=FontFace(fill_color=fill) if fill else None)

    pdf.ln(3)
    pdf.line_text(t("ikm.rpt.index"), 7, "B", 11)
    weight_text = "0,111" if report.weight_name == "0.111" else "1/9"
    if lang == "en":
        weight_text = report.weight_name
    summary = [
        (t("ikm.rpt.weight"), weight_text),
        (t("ikm.rpt.sum_weighted"), num(report.ikm_4, 4)),
        (t("ikm.rpt.ikm"), num(report.ikm_2dp, 2)),
        (t("ikm.rpt.grade"), f"{report.mutu} ({report.mutu_label})" if report.mutu else "–"),
    ]
    for label, value in summary:
        pdf.style("", 10)
        pdf.cell(110, 6.5, pdf.text_of(label), border=1)
        pdf.style("B", 11)
        fill = label == t("ikm.rpt.grade") and report.mutu in GRADE_RGB
        if fill:
            pdf.set_fill_color(*GRADE_RGB[report.mutu])  # type: ignore[index]
        pdf.cell(64, 6.5, pdf.text_of(value), border=1, align="C", fill=fill)
        pdf.ln(6.5)
    pdf.line_text(f"({t('ikm.weight.' + report.weight_name)}) {t('ikm.rpt.grade_bands')}", 4.5, "I", 8)

    pdf.add_page()
    pdf.line_text(t("ikm.rpt.chart"), 7, "B", 11)
    _nrr_chart(pdf, report, lang)
    pdf.ln(2)
    pdf.line_text(t("ikm.rpt.weakest"), 6, "B", 10)
    for weak in report.weakest:
        pdf.line_text(
            f"• {t(f'ikm.unsur.{weak.unsur}')}: NRR {num(weak.nrr, 4)} ({weak.mutu}) → {t(weak.theme_key)}",
            5,
            "",
            9,
        )

    _signature(pdf, report, lang, generated)
    return bytes(pdf.output())


def _nrr_chart(pdf: _Pdf, report: SkmReport, lang: str) -> None:
    """Bars of NRR per unsur on a 1–4 axis, with the A/B/C/D bands shaded behind them."""
    left, top, width, height = pdf.l_margin + 12, pdf.get_y() + 2, 160, 70
    low, high = 1.0, 4.0

    def y_of(value: float) -> float:
        return top + height - (min(max(value, low), high) - low) / (high - low) * height

    bands = [("A", GRADE_BOUNDS_4[0][1], high), ("B", GRADE_BOUNDS_4[1][1], GRADE_BOUNDS_4[0][1])]
    bands += [("C", GRADE_BOUNDS_4[2][1], GRADE_BOUNDS_4[1][1]), ("D", low, GRADE_BOUNDS_4[2][1])]
    pdf.style("", 7)
    for letter, lo, hi in bands:
        pdf.set_fill_color(*GRADE_RGB[letter])
        pdf.rect(left, y_of(hi), width, y_of(lo) - y_of(hi), style="F")
        pdf.set_xy(left + width + 1, (y_of(hi) + y_of(lo)) / 2 - 2)
        pdf.cell(8, 4, letter)
    pdf.set_draw_color(80, 80, 80)
    pdf.rect(left, top, width, height)
    for tick in (1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0):
        pdf.set_xy(left - 11, y_of(tick) - 2)
        pdf.cell(10, 4, fmt_number(tick, lang, 1), align="R")
    slot = width / len(report.lines)
    pdf.set_fill_color(47, 84, 150)
    for i, line in enumerate(report.lines):
        x = left + i * slot + slot * 0.2
        if line.nrr == line.nrr:
            pdf.rect(x, y_of(line.nrr), slot * 0.6, y_of(low) - y_of(line.nrr), style="F")
            pdf.set_xy(x - 2, y_of(line.nrr) - 4.5)
            pdf.cell(slot * 0.6 + 4, 4, fmt_number(line.nrr, lang, 2), align="C")
        pdf.set_xy(left + i * slot, top + height + 1)
        pdf.cell(slot, 4, f"U{line.number}", align="C")
    pdf.set_xy(pdf.l_margin, top + height + 7)


def _profile_table(pdf: _Pdf, report: SkmReport, lang: str) -> None:
    headers = [translate(f"ikm.rpt.col.{key}", lang) for key in ("category", "value", "n", "pct")]
    pdf.style("", 8)
    with pdf.table(
        col_widths=(40, 84, 25, 25),
        text_align=("LEFT", "LEFT", "RIGHT", "RIGHT"),
        headings_style=FontFace(emphasis="BOLD", fill_color=(217, 225, 242)),
        line_height=4.5,
    ) as table:
        table.row([pdf.text_of(h) for h in headers])
        for dimension in GROUP_DIMENSIONS:
            frame = report.profile.get(dimension)
            if frame is None or frame.empty:
                continue
            for i, item in enumerate(frame.itertuples(index=False)):
                label = translate(f"ikm.profile.{dimension}", lang) if i == 0 else ""
                value = profile_value_label(dimension, item.group, lang)[:60]
                cells = [
                    label,
                    value,
                    fmt_number(int(item.responden), lang, 0),
                    fmt_percent(float(item.share), lang, 1),
                ]
                table.row([pdf.text_of(c) for c in cells])


def _signature(pdf: _Pdf, report: SkmReport, lang: str, generated: date) -> None:
    if pdf.get_y() > 230:
        pdf.add_page()
    pdf.ln(8)
    x = pdf.l_margin + 95
    lines = [
        (translate("ikm.rpt.place_date", lang, date=fmt_date(generated, lang)), ""),
        (translate("ikm.rpt.known", lang), ""),
        (translate("ikm.rpt.head", lang, unit=report.unit_name), "B"),
    ]
    for text, weight in lines:
        pdf.set_x(x)
        pdf.style(weight, 10)
        pdf.multi_cell(80, 5.5, pdf.text_of(text), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(20)
    for text in (translate("ikm.rpt.name_line", lang), translate("ikm.rpt.nip", lang)):
        pdf.set_x(x)
        pdf.style("", 10)
        pdf.cell(80, 5.5, pdf.text_of(text), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_text_color(128, 128, 128)
    pdf.line_text(
        translate("ikm.rpt.generated", lang, date=fmt_date(generated, lang), n=report.respondents), 4, "I", 7
    )
    pdf.set_text_color(0, 0, 0)
