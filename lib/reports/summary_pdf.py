"""The one-page leadership summary as a PDF to print (A4, fpdf2, no browser needed)."""

from __future__ import annotations

import re
from datetime import date

from lib.analysis.summary_types import Summary
from lib.i18n import LANGUAGES, catalog, fmt_date, fmt_number, translate
from lib.reports.skm_pdf import _has_dejavu, _Pdf
from lib.text.priorities import reasons_text
from lib.ui.format import EMPTY
from lib.ui.headlines import headline_basis, headline_delta, headline_text

__all__ = ["print_text", "summary_pdf_bytes"]

#: Sentences written for the screen that point at a page, and what a printed report says instead.
_SCREEN_ONLY = {"summary.finding.more_spikes": "summary.finding.more_spikes.print"}


def print_text(text: str, lang: str) -> str:
    """``text`` as a printed report says it: "lihat halaman Pengaduan" has no page to point at.

    The findings are written for the page; each screen-only sentence in them (found by its
    catalog template in either language, whatever its numbers) is replaced by its print
    wording in the sentence's own language, or ``lang`` first.
    """
    for screen_key, print_key in _SCREEN_ONLY.items():
        for language in dict.fromkeys((lang, *LANGUAGES)):
            template = catalog()[screen_key].get(language)
            if not template:
                continue
            parts = re.split(r"\{(\w+)\}", template)
            pattern = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)" for i, p in enumerate(parts))
            text = re.sub(
                pattern, lambda m, k=print_key, la=language: translate(k, la, **m.groupdict()), text
            )
    return text


def summary_pdf_bytes(
    summary: Summary,
    lang: str = "id",
    generated: date | None = None,
    top: int = 10,
    *,
    scope_name: str | None = None,
) -> bytes:
    """The one-page summary PDF; ``scope_name`` says whose figures they are (default: the city).

    The table of priority units lists up to ``top`` units, fewer when long reasons would run
    into the footer line: the page is drawn again with one unit less until it fits.
    """
    generated = generated or date.today()
    scope_name = scope_name or translate("sidebar.city", lang)
    for rows in range(top, 0, -1):
        pdf, table_end = _draw(summary, lang, generated, rows, scope_name)
        if table_end <= pdf.h - FOOTER_FROM_BOTTOM:
            break
    return bytes(pdf.output())


#: The footer line starts this far (mm) above the bottom edge; the table must end above it.
FOOTER_FROM_BOTTOM = 15


def _draw(summary: Summary, lang: str, generated: date, top: int, scope_name: str) -> tuple[_Pdf, float]:
    """The page with ``top`` priority units, and where their table ends (mm from the top)."""
    pdf = _Pdf(unicode_font=_has_dejavu())
    pdf.set_auto_page_break(auto=False)
    pdf.set_title(translate("summary.pdf.title", lang))
    pdf.set_creator("Telaah")
    pdf.add_page()
    pdf.line_text(translate("summary.pdf.title", lang) + " · " + scope_name, 8, "B", 15)
    pdf.line_text(
        translate(
            "summary.caption",
            lang,
            scope=scope_name,
            start=fmt_date(summary.date_from, lang),
            end=fmt_date(summary.date_to, lang),
            prev_start=fmt_date(summary.previous_from, lang),
            prev_end=fmt_date(summary.previous_to, lang),
        ),
        5,
        "",
        9,
    )
    pdf.ln(2)
    width = (pdf.w - pdf.l_margin - pdf.r_margin) / 3
    for i, headline in enumerate(summary.headlines):
        x = pdf.l_margin + (i % 3) * width
        y = pdf.get_y() if i % 3 == 0 else y  # noqa: F821  (set on the first of each row)
        pdf.set_xy(x, y)
        pdf.set_fill_color(241, 245, 249)
        pdf.rect(x + 1, y, width - 2, 24, style="F")
        pdf.set_xy(x + 3, y + 2)
        pdf.style("", 8)
        pdf.cell(width - 6, 4, pdf.text_of(translate(f"summary.headline.{headline.key}", lang)))
        pdf.set_xy(x + 3, y + 7)
        pdf.style("B", 15)
        pdf.cell(width - 6, 8, pdf.text_of(headline_text(headline, lang)))
        pdf.set_xy(x + 3, y + 15)
        pdf.style("", 7)
        moved = headline_delta(headline, lang)
        note = headline_basis(headline, lang)
        pdf.multi_cell(width - 6, 3.3, pdf.text_of(f"{EMPTY if moved is None else moved.text} · {note}"))
        if i % 3 == 2:
            pdf.set_xy(pdf.l_margin, y + 27)
    pdf.ln(2)
    pdf.line_text(translate("summary.findings", lang), 7, "B", 12)
    for finding in summary.findings:
        pdf.line_text(f"• {print_text(finding, lang)}", 5, "", 9.5)
        pdf.ln(1)
    pdf.ln(2)
    pdf.line_text(translate("summary.pdf.top_units", lang), 7, "B", 12)
    ranked = summary.scored[summary.scored["score"].notna()].head(top)
    headings = [translate(f"priority.col.{key}", lang) for key in ("rank", "unit", "score", "reasons")]
    widths = pdf.column_widths(headings, [14, 55, 12, 93], stretch=3, size=8.5)
    with pdf.table(
        col_widths=widths, text_align=("RIGHT", "LEFT", "RIGHT", "LEFT"), line_height=4.6
    ) as table:
        pdf.style("B", 8.5)
        header = table.row()
        for heading in headings:
            header.cell(pdf.text_of(heading))
        pdf.style("", 8.5)
        for _, row in ranked.iterrows():
            cells = table.row()
            cells.cell(str(int(row["rank"])))
            cells.cell(pdf.text_of(row["nama_unit"]))
            cells.cell(fmt_number(row["score"], lang, 0))
            cells.cell(pdf.text_of(reasons_text(row, lang, k=2)))
    table_end = pdf.get_y()
    pdf.set_y(-14)
    pdf.style("I", 7.5)
    pdf.cell(0, 5, pdf.text_of(translate("summary.pdf.generated", lang, date=fmt_date(generated, lang))))
    return pdf, table_end
