"""Every CSV/XLSX that Telaah hands out goes through here, so user text can't become a formula.

Complaint texts, suggestions and names are typed by the public or by evaluators;
a cell such as ``=HYPERLINK("http://…")`` or ``@SUM(…)`` would run when the
export is opened in Excel or LibreOffice (CSV/formula injection, OWASP). Text
cells that begin with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return get
a leading apostrophe, the spreadsheet convention for "this is text"; plain
numbers written as text (``-3,5``, ``+62``) are left as they are. In XLSX files
every text cell is additionally written as a string cell, never as a formula.

Use :func:`to_csv_bytes` / :func:`to_xlsx_bytes` for downloads, or
:func:`neutralise_frame` when another writer is unavoidable.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping

import numpy as np
import pandas as pd

#: What makes Excel, LibreOffice or Sheets read a cell as a formula (OWASP CSV injection),
#: including the full-width forms some spreadsheets fold to their ASCII twins.
_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def neutralise_value(value: object) -> object:
    """One cell: text that a spreadsheet would read as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_TRIGGERS):
        return "'" + value
    return value


#: The name other modules (lib.reports) import for one cell.
neutralise_cell = neutralise_value


def _is_text_column(series: pd.Series) -> bool:
    return series.dtype == object or pd.api.types.is_string_dtype(series.dtype)


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells (and column names) cannot start a formula; numbers and dates are untouched."""
    out = frame.copy()
    for column in out.columns:
        series = out[column]
        if not _is_text_column(series):
            continue
        text = series.astype(object)
        risky = text.map(lambda v: isinstance(v, str) and v.startswith(_TRIGGERS), na_action="ignore")
        risky = risky.fillna(False).astype(bool)
        if risky.any():
            text = text.where(~risky, text[risky].map(neutralise_value))
            out[column] = text
    out.columns = [neutralise_value(c) if isinstance(c, str) else c for c in out.columns]
    return out


def to_csv_bytes(frame: pd.DataFrame, *, sep: str = ",", index: bool = False, bom: bool = True) -> bytes:
    """CSV for download. UTF-8 with BOM by default so that Excel shows Indonesian text correctly."""
    text = neutralise_frame(frame).to_csv(index=index, sep=sep, lineterminator="\r\n")
    return (("\ufeff" if bom else "") + text).encode("utf-8")


def to_xlsx_bytes(
    sheets: Mapping[str, pd.DataFrame] | pd.DataFrame,
    *,
    index: bool = False,
    column_widths: Mapping[str, Mapping[str, float]] | None = None,
) -> bytes:
    """An XLSX workbook with one sheet per entry (a lone frame becomes sheet "Data").

    Text cells are neutralised and stored as string cells, so nothing in the
    workbook is a formula, whatever the data holds.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    if isinstance(sheets, pd.DataFrame):
        sheets = {"Data": sheets}
    workbook = Workbook()
    workbook.remove(workbook.active)
    for raw_name, frame in sheets.items():
        name = _sheet_name(raw_name)
        sheet = workbook.create_sheet(name)
        safe = neutralise_frame(frame.reset_index() if index else frame)
        header = [str(c) for c in safe.columns]
        sheet.append([_cell(h) for h in header])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.data_type = "s"
        for row in safe.itertuples(index=False, name=None):
            sheet.append([_cell(v) for v in row])
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
        widths = (column_widths or {}).get(raw_name, {})
        for position, column in enumerate(header, start=1):
            width = widths.get(column) or min(60, max(10, len(column) + 2))
            sheet.column_dimensions[get_column_letter(position)].width = width
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet_name(name: str) -> str:
    cleaned = re.sub(r"[\[\]:*?/\\]", " ", str(name)).strip() or "Data"
    return cleaned[:31]


def _cell(value: object) -> object:
    """Plain Python for openpyxl: NaN/NaT to empty, numpy scalars to Python, timezones dropped."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, float) and np.isnan(value):
        return None
    if isinstance(value, np.generic):
        value = value.item()
        if isinstance(value, float) and np.isnan(value):
            return None
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if hasattr(value, "tzinfo") and getattr(value, "tzinfo", None) is not None:
        value = value.replace(tzinfo=None)  # type: ignore[union-attr]
    if value is pd.NA:
        return None
    return value
