"""The SKM report as an Excel workbook, in the layout SKM reports take.

Sheet 1 (*Laporan*): heading, unit and period, the per-unsur table (total score,
respondents answering, NRR, weighted NRR, grade), Σ weighted NRR, IKM ×25,
grade, weight, sample size, the three weakest unsur, a bar chart of the NRR
and the signature block. Sheet 2 (*Profil Responden*): counts and shares per
respondent characteristic. Values are written as numbers (not formulas) so
every reader sees them; number formats show NRR to 4 and IKM to 2 decimals.
"""

from __future__ import annotations

from datetime import date
from io import BytesIO

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from lib.analysis.ikm_report import SkmReport
from lib.i18n import fmt_date, translate
from lib.queries.survey import GROUP_DIMENSIONS
from lib.reports import neutralise_cell

GRADE_FILL = {"A": "C6EFCE", "B": "FFF2CC", "C": "FCE4D6", "D": "F8CBAD"}
_THIN = Side(style="thin", color="808080")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD = PatternFill("solid", fgColor="D9E1F2")


def _t(key: str, lang: str, **values: object) -> str:
    return translate(key, lang, **values)


def profile_value_label(dimension: str, value: object, lang: str) -> str:
    """How a respondent-group value is printed: L/P spelled out, a blank named as such."""
    if value is None:
        return _t("ikm.profile.blank", lang)
    if dimension == "gender" and value in ("L", "P"):
        return _t(f"ikm.profile.{value}", lang)
    return str(value)


def skm_workbook_bytes(report: SkmReport, lang: str = "id", generated: date | None = None) -> bytes:
    """The report as ``.xlsx`` bytes (built in memory; nothing is written to disk)."""
    generated = generated or date.today()
    wb = Workbook()
    ws = wb.active
    ws.title = _t("ikm.rpt.sheet.report", lang)[:31]
    widths = {1: 6, 2: 44, 3: 14, 4: 16, 5: 11, 6: 14, 7: 9}
    for col, width in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = width

    ws["A1"] = _t("ikm.rpt.title", lang)
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = _t("ikm.rpt.basis", lang)
    ws["A2"].font = Font(italic=True)
    period = f"{fmt_date(report.date_from, lang)} – {fmt_date(report.date_to, lang)}"
    info = [
        (_t("ikm.rpt.unit", lang), neutralise_cell(report.unit_name)),
        (_t("ikm.rpt.period", lang), period),
        (_t("ikm.rpt.respondents", lang), report.respondents),
        (_t("ikm.rpt.sample", lang), report.sample_minimum if report.sample_minimum is not None else "–"),
    ]
    row = 4
    for label, value in info:
        ws.cell(row=row, column=1, value=label).font = Font(bold=True)
        ws.cell(row=row, column=3, value=value)
        row += 1
    if report.sample_short:
        ws.cell(row=row, column=1, value=_t("ikm.rpt.sample_short", lang)).font = Font(
            bold=True, color="C00000"
        )
        row += 1

    row += 1
    ws.cell(row=row, column=1, value=_t("ikm.rpt.results", lang)).font = Font(bold=True)
    row += 1
    header_row = row
    headers = ["no", "unsur", "total", "count", "nrr", "weighted", "grade"]
    for col, key in enumerate(headers, start=1):
        cell = ws.cell(row=row, column=col, value=_t(f"ikm.rpt.col.{key}", lang))
        cell.font = Font(bold=True)
        cell.fill = _HEAD
        cell.border = _BOX
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for line in report.lines:
        row += 1
        values = [
            f"U{line.number}",
            _t(f"ikm.unsur.{line.unsur}", lang),
            line.total,
            line.answered,
            line.nrr,
            line.weighted,
            line.mutu or "–",
        ]
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=row, column=col, value=value)
            cell.border = _BOX
        ws.cell(row=row, column=5).number_format = "0.0000"
        ws.cell(row=row, column=6).number_format = "0.0000"
        if line.mutu in GRADE_FILL:
            ws.cell(row=row, column=7).fill = PatternFill("solid", fgColor=GRADE_FILL[line.mutu])
    first_data, last_data = header_row + 1, row

    row += 2
    ws.cell(row=row, column=1, value=_t("ikm.rpt.index", lang)).font = Font(bold=True)
    summary = [
        (_t("ikm.rpt.weight", lang), report.weight, "0.000" if report.weight_name == "0.111" else "0.000000"),
        (_t("ikm.rpt.sum_weighted", lang), report.ikm_4, "0.0000"),
        (_t("ikm.rpt.ikm", lang), report.ikm_2dp, "0.00"),
        (_t("ikm.rpt.grade", lang), f"{report.mutu} ({report.mutu_label})" if report.mutu else "–", None),
    ]
    for label, value, fmt in summary:
        row += 1
        ws.cell(row=row, column=2, value=label).font = Font(bold=True)
        cell = ws.cell(row=row, column=6, value=value)
        cell.border = _BOX
        if fmt:
            cell.number_format = fmt
    ws.cell(row=row, column=6).font = Font(bold=True)
    if report.mutu in GRADE_FILL:
        ws.cell(row=row, column=6).fill = PatternFill("solid", fgColor=GRADE_FILL[report.mutu])
    row += 1
    ws.cell(row=row, column=2, value=f"({_t('ikm.weight.' + report.weight_name, lang)})").font = Font(
        italic=True
    )
    row += 1
    ws.cell(row=row, column=2, value=_t("ikm.rpt.grade_bands", lang)).font = Font(italic=True, size=9)

    row += 2
    ws.cell(row=row, column=1, value=_t("ikm.rpt.weakest", lang)).font = Font(bold=True)
    for weak in report.weakest:
        row += 1
        ws.cell(row=row, column=2, value=_t(f"ikm.unsur.{weak.unsur}", lang))
        ws.cell(row=row, column=5, value=weak.nrr).number_format = "0.0000"
        ws.cell(row=row, column=6, value=_t(weak.theme_key, lang))

    chart = BarChart()
    chart.type = "col"
    chart.title = _t("ikm.rpt.chart", lang)
    chart.y_axis.title = "NRR"
    chart.y_axis.scaling.min = 1
    chart.y_axis.scaling.max = 4
    chart.legend = None
    chart.add_data(Reference(ws, min_col=5, min_row=header_row, max_row=last_data), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=first_data, max_row=last_data))
    chart.height, chart.width = 7.5, 16
    ws.add_chart(chart, f"I{header_row}")

    row += 3
    ws.cell(row=row, column=5, value=_t("ikm.rpt.place_date", lang, date=fmt_date(generated, lang)))
    row += 1
    ws.cell(row=row, column=5, value=_t("ikm.rpt.known", lang))
    row += 1
    ws.cell(row=row, column=5, value=neutralise_cell(_t("ikm.rpt.head", lang, unit=report.unit_name)))
    row += 4
    ws.cell(row=row, column=5, value=_t("ikm.rpt.name_line", lang))
    row += 1
    ws.cell(row=row, column=5, value=_t("ikm.rpt.nip", lang))
    row += 2
    ws.cell(
        row=row,
        column=1,
        value=_t("ikm.rpt.generated", lang, date=fmt_date(generated, lang), n=report.respondents),
    )
    ws.cell(row=row, column=1).font = Font(italic=True, size=8, color="808080")
    ws.print_area = f"A1:G{row}"
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth = 1

    _profile_sheet(wb, report, lang)
    buffer = BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _profile_sheet(wb: Workbook, report: SkmReport, lang: str) -> None:
    ws = wb.create_sheet(_t("ikm.rpt.sheet.profile", lang)[:31])
    ws["A1"] = _t("ikm.rpt.profile", lang)
    ws["A1"].font = Font(bold=True, size=12)
    ws["A2"] = neutralise_cell(report.unit_name)
    for col, width in {1: 22, 2: 36, 3: 12, 4: 12}.items():
        ws.column_dimensions[get_column_letter(col)].width = width
    row = 4
    for col, key in enumerate(("category", "value", "n", "pct"), start=1):
        cell = ws.cell(row=row, column=col, value=_t(f"ikm.rpt.col.{key}", lang))
        cell.font = Font(bold=True)
        cell.fill = _HEAD
        cell.border = _BOX
    for dimension in GROUP_DIMENSIONS:
        frame = report.profile.get(dimension)
        if frame is None or frame.empty:
            continue
        for i, item in enumerate(frame.itertuples(index=False)):
            row += 1
            label = _t(f"ikm.profile.{dimension}", lang) if i == 0 else None
            values = [
                label,
                neutralise_cell(profile_value_label(dimension, item.group, lang)),
                int(item.responden),
            ]
            values.append(float(item.share))
            for col, value in enumerate(values, start=1):
                ws.cell(row=row, column=col, value=value).border = _BOX
            ws.cell(row=row, column=4).number_format = "0.0%"
