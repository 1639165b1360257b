"""Bytes of an uploaded file to a table of cells, as the user sees it in Excel.

Handles what real files bring: comma, semicolon or tab separators; UTF-8 with
or without BOM, UTF-16 ("Unicode text" from Excel) or Windows-1252; XLSX with a
title above the header and blank rows between records. The table's index is the
row number Excel shows, so every later message can point at the right row.
Files are treated as data only: no formulas are evaluated (``data_only`` reads
the cached values), no macros, no external links.
"""

from __future__ import annotations

import codecs
import csv
import io
import math
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from lib.ingest import limits

#: Sheets in an XLSX that explain rather than hold data (our templates have one).
EXPLANATION_SHEETS = {
    "petunjuk",
    "keterangan",
    "panduan",
    "readme",
    "read me",
    "instructions",
    "info",
    "help",
}

_SAMPLE_BYTES = 256 * 1024
_HEADER_SEARCH_ROWS = 30
_DELIMITERS = (",", ";", "\t", "|")


class FileProblem(Exception):
    """The file as a whole cannot be read as a table; ``code`` names the message."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def _limit_problem(exc: limits.LimitExceeded) -> FileProblem:
    """The file is beyond a limit of :mod:`lib.ingest.limits`; byte figures are given in MB."""
    code = limits.PROBLEM_CODES[exc.what]
    found, limit = exc.found, exc.limit
    if code == "over_limit_size" or exc.what == "line_bytes":
        found, limit = math.ceil(found / limits.MIB), limit // limits.MIB
    return FileProblem(code, found=found, limit=limit)


@dataclass
class RawTable:
    """Cells of the data rows. ``frame`` columns are the headers made unique; index = Excel row."""

    frame: pd.DataFrame
    headers: list[str]
    header_row: int
    file_type: str
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    title_rows: int = 0
    notes: list[str] = field(default_factory=list)


# ------------------------------------------------------------------ detection


def detect_file_type(data: bytes, file_name: str = "") -> str:
    """``csv`` or ``xlsx``; raises :class:`FileProblem` for anything that is not a table file."""
    if not data or not data.strip():
        raise FileProblem("empty_file")
    head = data[:8]
    if head.startswith(b"PK\x03\x04"):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except zipfile.BadZipFile as exc:
            raise FileProblem("xlsx_unreadable") from exc
        if "xl/workbook.xml" in names:
            return "xlsx"
        raise FileProblem("zip_not_xlsx")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise FileProblem("old_xls")
    if head.startswith(b"%PDF"):
        raise FileProblem("pdf_file")
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM")):
        raise FileProblem("image_file")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)):
        return "csv"
    sample = data[:8192]
    if b"\x00" in sample:
        raise FileProblem("binary_file")
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if control > len(sample) * 0.01:
        raise FileProblem("binary_file")
    lowered = sample[:2048].lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<table", b"<?xml")):
        raise FileProblem("html_file")
    if file_name.lower().endswith(".xls"):
        raise FileProblem("old_xls")
    return "csv"


def detect_encoding(data: bytes) -> str:
    """``utf-8-sig``, ``utf-8``, ``utf-16`` or ``cp1252`` (``latin-1`` when even that fails)."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16: same first bytes
        return "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        data.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        return "latin-1"


def _nonempty(row: list[object] | tuple[object, ...]) -> int:
    return sum(1 for v in row if v is not None and str(v).strip() != "")


def find_header_row(rows: list[list[object]]) -> int:
    """Index of the header among the first rows: the first one about as full as the fullest.

    A title ("Rekap SKM Januari 2025") or a blank row above the header has one
    filled cell or none, so it is skipped; a file whose rows never have two
    filled cells is not a table.
    """
    counts = [_nonempty(r) for r in rows[:_HEADER_SEARCH_ROWS]]
    widest = max(counts, default=0)
    if widest < 2:
        raise FileProblem("not_tabular")
    need = max(2, math.ceil(0.5 * widest))
    return next(i for i, c in enumerate(counts) if c >= need)


def unique_headers(raw: list[object]) -> list[str]:
    """Header texts made unique and non-empty (blank headers become ``(kolom N)``)."""
    out: list[str] = []
    seen: dict[str, int] = {}
    for i, value in enumerate(raw):
        text = " ".join(str(value).split()) if value is not None else ""
        if not text:
            text = f"(kolom {i + 1})"
        if text in seen:
            seen[text] += 1
            text = f"{text} ({seen[text]})"
        else:
            seen[text] = 1
        out.append(text)
    return out


# ------------------------------------------------------------------ CSV


def _records(text: str, delimiter: str, limit: int = 400) -> list[list[str]]:
    """The first ``limit`` records of ``text`` split with ``delimiter``, honouring quotes across line breaks."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', doublequote=True)
    rows: list[list[str]] = []
    try:
        for row in reader:
            rows.append(row)
            if len(rows) >= limit:
                break
    except csv.Error:
        return rows
    return rows


def _consistency(rows: list[list[str]], header_index: int) -> float:
    """Share of non-blank data rows with as many cells as the header (trailing empty cells ignored)."""
    width = len(rows[header_index])
    body = [r for r in rows[header_index + 1 :] if _nonempty(r)]
    if not body:
        return 1.0
    fits = 0
    for row in body:
        n = len(row)
        while n > width and not row[n - 1].strip():
            n -= 1
        fits += n == width
    return fits / len(body)


def _header_line_delimiter(line: str) -> str | None:
    """The delimiter :class:`csv.Sniffer` finds in the header line alone (None when it cannot tell)."""
    try:
        return csv.Sniffer().sniff(line, delimiters="".join(_DELIMITERS)).delimiter
    except csv.Error:
        return None


def sniff_csv(text_sample: str) -> tuple[str, int, list[str]]:
    """Delimiter, header row index and headers of a delimited text, from its structure.

    A delimiter is judged by the whole table, not by the widest line: the header
    it gives must have two or more cells and the data rows must have as many
    cells as the header (quoted fields may hold the other delimiters and line
    breaks). Among delimiters that fit equally well, the one :class:`csv.Sniffer`
    finds in the header line wins, then the wider header. This is what makes a
    semicolon file whose complaint texts are full of commas read as semicolons.
    An Excel ``sep=;`` first line is obeyed.
    """
    first_line, _, rest = text_sample.partition("\n")
    hint = first_line.strip().lower()
    if hint.startswith("sep=") and len(hint) == 5 and hint[4] in "".join(_DELIMITERS) + "\t":
        delimiter = first_line.strip()[4]
        rows = _records(_whole_lines(rest), delimiter)
        header_index = find_header_row(rows)  # type: ignore[arg-type]
        return delimiter, header_index + 1, unique_headers(rows[header_index])  # type: ignore[arg-type]
    text = _whole_lines(text_sample)
    candidates: list[tuple[float, int, str, int, list[str]]] = []
    for delimiter in _DELIMITERS:
        rows = _records(text, delimiter)
        if len(rows) > 1 and len(text) < len(text_sample):
            rows = rows[:-1]  # the sample may have cut the last record inside a quoted field
        try:
            header_index = find_header_row(rows)  # type: ignore[arg-type]
        except FileProblem:
            continue
        header = rows[header_index]
        if _nonempty(header) < 2:
            continue
        candidates.append(
            (_consistency(rows, header_index), _nonempty(header), delimiter, header_index, header)
        )
    if not candidates:
        raise FileProblem("not_tabular")
    best_fit = max(c[0] for c in candidates)
    close = [c for c in candidates if c[0] >= best_fit - 0.02]
    lines = text.splitlines()

    def rank(c: tuple[float, int, str, int, list[str]]) -> tuple[int, bool, int]:
        line = lines[c[3]] if c[3] < len(lines) else ""
        return (-c[3], _header_line_delimiter(line) == c[2], c[1])

    _, _, delimiter, header_index, header = max(close, key=rank)
    return delimiter, header_index, unique_headers(header)  # type: ignore[arg-type]


def _whole_lines(text: str) -> str:
    """The sample without its last, possibly cut, line."""
    if "\n" in text and not text.endswith(("\n", "\r")):
        return text[: text.rindex("\n") + 1]
    return text


def read_csv_table(data: bytes, infer: Callable[[list[str]], set[str]] | None = None) -> RawTable:
    """Read a delimited text file; columns named in ``infer(headers)`` may be parsed as numbers."""
    encoding = detect_encoding(data)
    if encoding in ("utf-16", "utf-32"):
        try:
            data = data.decode(encoding).encode("utf-8")
        except UnicodeDecodeError as exc:
            raise FileProblem("csv_malformed", detail=str(exc)[:200]) from exc
        encoding = "utf-8"
    try:
        lines = limits.check_csv(data)
    except limits.LimitExceeded as exc:
        raise _limit_problem(exc) from exc
    sample = data[:_SAMPLE_BYTES].decode(encoding, errors="ignore")
    delimiter, header_index, headers = sniff_csv(sample)
    try:
        limits.check_csv_cells(lines, len(headers))
    except limits.LimitExceeded as exc:
        raise _limit_problem(exc) from exc
    numeric = infer(headers) if infer else set()
    dtype = {h: object for h in headers if h not in numeric}
    try:
        frame = pd.read_csv(
            io.BytesIO(data),
            sep=delimiter,
            encoding=encoding,
            header=None,
            names=headers,
            skiprows=header_index + 1,
            dtype=dtype,  # type: ignore[arg-type]
            keep_default_na=False,
            na_values=[""],
            skip_blank_lines=False,
            skipinitialspace=True,
            index_col=False,
            engine="c",
            low_memory=False,
        )
    except pd.errors.ParserError as exc:
        raise FileProblem("csv_malformed", detail=_parser_detail(str(exc), header_index)) from exc
    except (UnicodeDecodeError, ValueError) as exc:
        raise FileProblem("csv_malformed", detail=str(exc)[:200]) from exc
    frame.index = pd.RangeIndex(header_index + 2, header_index + 2 + len(frame))
    frame = _drop_blank(frame)
    return RawTable(
        frame=frame,
        headers=list(frame.columns),
        header_row=header_index + 1,
        file_type="csv",
        encoding=encoding,
        delimiter=delimiter,
        title_rows=header_index,
    )


def _parser_detail(message: str, header_index: int) -> str:
    """pandas counts lines after the skipped ones; translate to the user's row number."""
    import re

    m = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", message)
    if not m:
        return message[:200]
    expected, line, saw = (int(g) for g in m.groups())
    return f"{line + header_index}: {saw} / {expected}"


# ------------------------------------------------------------------ XLSX


def _data_sheet(sheets) -> tuple[str, list[list[object]]]:  # type: ignore[no-untyped-def]
    """The first sheet that is not an explanation sheet and has a row with two filled cells."""
    for title, load in sheets:
        if title.strip().lower() in EXPLANATION_SHEETS:
            continue
        rows = load()
        if any(_nonempty(r) >= 2 for r in rows[:_HEADER_SEARCH_ROWS]):
            return title, rows
    raise FileProblem("not_tabular")


def _rows_calamine(data: bytes) -> tuple[str, list[list[object]]]:
    """Rows through calamine (Rust): tens of times faster than openpyxl on big workbooks."""
    import python_calamine

    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))

        def loader(name: str):  # type: ignore[no-untyped-def]
            def load() -> list[list[object]]:
                rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
                return [[None if v == "" else v for v in row] for row in rows]

            return load

        return _data_sheet((name, loader(name)) for name in workbook.sheet_names)
    except FileProblem:
        raise
    except Exception as exc:  # calamine raises its own error types for damaged files
        raise FileProblem("xlsx_unreadable") from exc


def _rows_openpyxl(data: bytes) -> tuple[str, list[list[object]]]:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise FileProblem("xlsx_unreadable") from exc
    try:
        return _data_sheet(
            (sheet.title, lambda sheet=sheet: [list(r) for r in sheet.iter_rows(values_only=True)])
            for sheet in workbook.worksheets
        )
    finally:
        workbook.close()


def read_xlsx_table(data: bytes) -> RawTable:
    """Read the first data sheet of a workbook (cached values, never formulas).

    Uses python-calamine when it is installed, openpyxl otherwise; both give
    the sheet from row 1, so row numbers are those Excel shows. The archive is
    checked against :mod:`lib.ingest.limits` first: a native reader must never
    see a file that could make it abort the process.
    """
    try:
        limits.check_xlsx(data)
    except limits.LimitExceeded as exc:
        raise _limit_problem(exc) from exc
    except limits.DamagedArchive as exc:
        raise FileProblem("xlsx_unreadable") from exc
    try:
        import python_calamine  # noqa: F401

        chosen = _rows_calamine(data)
    except ImportError:
        chosen = _rows_openpyxl(data)
    title, rows = chosen
    header_index = find_header_row(rows)
    header_cells = rows[header_index]
    width = max((i + 1 for i, v in enumerate(header_cells) if v is not None and str(v).strip()), default=0)
    width = max(width, max((len(r) for r in rows[header_index + 1 :]), default=0))
    headers = unique_headers(list(header_cells) + [None] * (width - len(header_cells)))[:width]
    body = [
        list(r) + [None] * (width - len(r)) if len(r) < width else list(r[:width])
        for r in rows[header_index + 1 :]
    ]
    frame = pd.DataFrame(body, columns=headers, dtype=object)
    frame.index = pd.RangeIndex(header_index + 2, header_index + 2 + len(frame))
    frame = _drop_blank(frame)
    return RawTable(
        frame=frame,
        headers=list(frame.columns),
        header_row=header_index + 1,
        file_type="xlsx",
        sheet=title,
        title_rows=header_index,
    )


# ------------------------------------------------------------------ common


def _drop_blank(frame: pd.DataFrame) -> pd.DataFrame:
    """Remove rows with no value at all and unnamed columns with no value at all."""
    if frame.empty:
        return frame
    # rows blank in the first column are the only candidates: the full check runs on those alone
    candidates = frame.iloc[:, 0].isna().to_numpy()
    if candidates.any():
        empty = candidates.copy()
        subset = frame.loc[candidates]
        empty[candidates] = subset.isna().all(axis=1).to_numpy()
        if empty.any():
            frame = frame.loc[~empty]
    unnamed = [c for c in frame.columns if str(c).startswith("(kolom ") and frame[c].isna().all()]
    if unnamed:
        frame = frame.drop(columns=unnamed)
    return frame


def read_table(
    data: bytes, file_name: str = "", infer: Callable[[list[str]], set[str]] | None = None
) -> RawTable:
    """Any supported file to a :class:`RawTable`; :class:`FileProblem` when it is not one."""
    kind = detect_file_type(data, file_name)
    table = read_xlsx_table(data) if kind == "xlsx" else read_csv_table(data, infer)
    if table.frame.empty:
        raise FileProblem("no_data_rows", header_row=table.header_row)
    return table
