"""Limits every uploaded file is checked against before a native reader sees it.

Why: python-calamine (Rust) builds a dense grid from the first to the last
cell of a sheet. One cell at XFD1048576 asks for 512 GiB; the allocation
failure aborts the whole process (a Rust abort is not an exception), which
takes the Streamlit server down for every user. A zip bomb or a gigantic
shared-strings part does the same more slowly. So the archive is inspected
here first, streaming and with bounded memory, and a file beyond a limit is
refused with :class:`~lib.ingest.readers.FileProblem` code ``over_limit``.

What is checked in an XLSX (the declared ``<dimension>`` is ignored: it is
often wrong, and calamine does not use it):

* only stored or deflated members, at most :data:`MAX_ZIP_MEMBERS` of them;
* the real decompressed size of each member (counted while decompressing,
  not taken from the header, which a hostile archive can fake) and of all
  together;
* the shared-strings part's size;
* in every worksheet, the last row and column any cell can land on (cells
  without a reference count as the next position, as calamine places them),
  and the area from A1 to that last cell.

A CSV is checked for the number of lines, the longest line and the number
of cells (lines x columns of the header).

The figures are stated in the README ("Limits of an uploaded file"); change
both together.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

MIB = 1024 * 1024

#: Members of one XLSX archive (a real workbook has tens).
MAX_ZIP_MEMBERS = 2_000
#: Decompressed size of one member, and of all members together.
MAX_MEMBER_BYTES = 256 * MIB
MAX_TOTAL_BYTES = 512 * MIB
#: Decompressed size of the shared-strings part (all distinct texts of the workbook).
MAX_SHARED_STRINGS_BYTES = 128 * MIB
#: Rows and columns a sheet may reach, and cells in the area from A1 to its last cell.
MAX_ROWS = 1_048_576
MAX_COLUMNS = 1_024
MAX_CELLS = 10_000_000
#: Lines of a CSV and the length of one line (a quoted text with line breaks spans several).
MAX_CSV_LINES = 2_000_000
MAX_CSV_LINE_BYTES = 1 * MIB

#: The FileProblem code (a message in lib/locales/security.py) for each limit.
PROBLEM_CODES = {
    "zip_members": "over_limit_members",
    "member_bytes": "over_limit_size",
    "total_bytes": "over_limit_size",
    "shared_strings_bytes": "over_limit_size",
    "rows": "over_limit_rows",
    "columns": "over_limit_columns",
    "cells": "over_limit_cells",
    "lines": "over_limit_lines",
    "line_bytes": "over_limit_line",
}

_CHUNK = 8 * MIB
_ZIP_STORED, _ZIP_DEFLATED = 0, 8
_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")
_TAG_TAIL = 256  # bytes kept between chunks so that a tag cut in two is seen whole

#: A reference attribute: ``r="AB12"`` on a cell, ``r="12"`` on a row. Starting with a literal
#: keeps the search fast on any input; a match on another attribute ending in "r" can only
#: make the extent larger (a refusal), never smaller.
_REF = re.compile(rb'r="([A-Z]{0,4})(\d{1,10})"')
_PREFIXED = re.compile(rb"<[A-Za-z_][\w.-]*:(c|row)[\s/>]")
_SHEET_REL = re.compile(rb"<Relationship\b[^>]*>")


class LimitExceeded(Exception):
    """A file is beyond one of the limits; ``what`` names it, ``found``/``limit`` are figures."""

    def __init__(self, what: str, found: int, limit: int) -> None:
        super().__init__(f"{what}: {found} > {limit}")
        self.what = what
        self.found = found
        self.limit = limit


class DamagedArchive(Exception):
    """The archive lies about itself (sizes, compression, offsets): not a workbook to read."""


@dataclass
class SheetExtent:
    """The last row and column cells of a sheet can occupy (1-based)."""

    rows: int = 0
    columns: int = 0


def column_number(letters: bytes) -> int:
    """``b"A"`` -> 1, ``b"XFD"`` -> 16384."""
    number = 0
    for letter in letters:
        number = number * 26 + (letter - 64)
    return number


def _member_stream(data: bytes, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """Decompressed chunks of one member, counted for real and cut off at the member limit.

    The local header is read to find where the member's bytes start; the sizes in
    the central directory are not trusted beyond that: a member that unpacks to
    more than its declared size is refused as soon as it passes it.
    """
    offset = info.header_offset
    header = data[offset : offset + _LOCAL_HEADER.size]
    if len(header) < _LOCAL_HEADER.size:
        raise DamagedArchive(info.filename)
    fields = _LOCAL_HEADER.unpack(header)
    if fields[0] != b"PK\x03\x04":
        raise DamagedArchive(info.filename)
    name_length, extra_length = fields[-2], fields[-1]
    start = offset + _LOCAL_HEADER.size + name_length + extra_length
    raw = memoryview(data)[start : start + info.compress_size]
    if info.compress_type == _ZIP_STORED:
        for i in range(0, len(raw), _CHUNK):
            yield bytes(raw[i : i + _CHUNK])
        return
    if info.compress_type != _ZIP_DEFLATED:
        raise DamagedArchive(info.filename)
    inflater = zlib.decompressobj(-15)
    produced = 0
    for i in range(0, len(raw), 64 * 1024):
        pending = bytes(raw[i : i + 64 * 1024])
        while pending:
            try:
                out = inflater.decompress(pending, _CHUNK)
            except zlib.error as exc:
                raise DamagedArchive(info.filename) from exc
            produced += len(out)
            if produced > MAX_MEMBER_BYTES:
                raise LimitExceeded("member_bytes", produced, MAX_MEMBER_BYTES)
            if produced > info.file_size:  # unpacks to more than its header says: a lying archive
                raise DamagedArchive(info.filename)
            if out:
                yield out
            pending = inflater.unconsumed_tail
        if inflater.eof:
            return
    out = inflater.flush()
    if out:
        yield out


def _scan_sheet(chunks: Iterator[bytes], counted: list[int]) -> SheetExtent:
    """Furthest row/column a cell of this worksheet XML can land on; ``counted[0]`` gets its size.

    Counts with ``bytes.count`` and one pattern that starts with a literal (hundreds of MB/s)
    rather than parsing the XML: only the extremes matter. Every writer puts ``r`` first
    (``<row r="5"``, ``<c r="B5"``); a row or cell that does not is counted as one without a
    reference, which calamine places after the previous one, so the estimate only errs high.
    """
    extent = SheetExtent()
    cells = cells_with_ref = rows = rows_with_ref = 0
    carry = b""
    for chunk in chunks:
        counted[0] += len(chunk)
        text = carry + chunk
        cut = text.rfind(b"<")
        if cut == -1 or text.find(b">", cut) != -1 or len(text) - cut > _TAG_TAIL:
            body, carry = text, b""
        else:
            body, carry = text[:cut], text[cut:]
        cells += body.count(b"<c ") + body.count(b"<c>") + body.count(b"<c/>")
        rows += body.count(b"<row ") + body.count(b"<row>") + body.count(b"<row/>")
        cells_with_ref += body.count(b'<c r="') + body.count(b':c r="')
        rows_with_ref += body.count(b'<row r="') + body.count(b':row r="')
        for tag in _PREFIXED.findall(body):
            if tag == b"c":
                cells += 1
            else:
                rows += 1
        refs = _REF.findall(body)
        if not refs:
            continue
        numbers = np.array([r[1] for r in refs]).astype(np.int64)
        extent.rows = max(extent.rows, int(numbers.max()))
        letters = {r[0] for r in refs}
        letters.discard(b"")
        if letters:
            extent.columns = max(extent.columns, max(column_number(x) for x in letters))
    extent.rows += max(0, rows - rows_with_ref)
    extent.columns += max(0, cells - cells_with_ref)
    return extent


def _worksheet_paths(archive: zipfile.ZipFile, data: bytes) -> set[str]:
    """Every member the workbook names as a worksheet, plus everything under xl/worksheets/."""
    names = set(archive.namelist())
    paths = {n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml")}
    rels = "xl/_rels/workbook.xml.rels"
    if rels in names:
        info = archive.getinfo(rels)
        text = b"".join(_member_stream(data, info))
        for tag in _SHEET_REL.findall(text):
            if b'/worksheet"' not in tag and b'/chartsheet"' not in tag:
                continue
            target = re.search(rb'Target="([^"]+)"', tag)
            if target:
                path = target.group(1).decode("utf-8", "replace")
                path = path.lstrip("/") if path.startswith("/") else "xl/" + path
                paths.add(path)
    return paths & names


def check_xlsx(data: bytes) -> None:
    """Raise :class:`LimitExceeded` or :class:`DamagedArchive` unless the workbook is within limits.

    Runs in seconds with memory bounded by a few chunks, whatever the archive claims.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise DamagedArchive("central directory") from exc
    if len(members) > MAX_ZIP_MEMBERS:
        raise LimitExceeded("zip_members", len(members), MAX_ZIP_MEMBERS)
    declared = sum(m.file_size for m in members)
    if declared > MAX_TOTAL_BYTES:
        raise LimitExceeded("total_bytes", declared, MAX_TOTAL_BYTES)
    for info in members:
        if info.file_size > MAX_MEMBER_BYTES:
            raise LimitExceeded("member_bytes", info.file_size, MAX_MEMBER_BYTES)
        if info.compress_type not in (_ZIP_STORED, _ZIP_DEFLATED):
            raise DamagedArchive(info.filename)
    sheets = _worksheet_paths(archive, data)
    total = 0
    for info in members:
        if info.is_dir():
            continue
        counted = [0]
        if info.filename in sheets:
            extent = _scan_sheet(_member_stream(data, info), counted)
            if extent.rows > MAX_ROWS:
                raise LimitExceeded("rows", extent.rows, MAX_ROWS)
            if extent.columns > MAX_COLUMNS:
                raise LimitExceeded("columns", extent.columns, MAX_COLUMNS)
            if extent.rows * extent.columns > MAX_CELLS:
                raise LimitExceeded("cells", extent.rows * extent.columns, MAX_CELLS)
        else:
            for chunk in _member_stream(data, info):
                counted[0] += len(chunk)
        if counted[0] != info.file_size:
            raise DamagedArchive(info.filename)
        if info.filename.lower().endswith("sharedstrings.xml") and counted[0] > MAX_SHARED_STRINGS_BYTES:
            raise LimitExceeded("shared_strings_bytes", counted[0], MAX_SHARED_STRINGS_BYTES)
        total += counted[0]
        if total > MAX_TOTAL_BYTES:
            raise LimitExceeded("total_bytes", total, MAX_TOTAL_BYTES)


def check_csv(data: bytes) -> int:
    """Number of lines; :class:`LimitExceeded` when a text file has too many lines or one too long.

    Works on the raw bytes in chunks (numpy finds the line breaks), so a 200 MB
    file with no line break at all is refused without building any string.
    """
    lines = 0
    longest = 0
    line_start = 0
    view = np.frombuffer(data, dtype=np.uint8)
    for offset in range(0, len(view), _CHUNK):
        breaks = np.flatnonzero(view[offset : offset + _CHUNK] == 10) + offset
        if len(breaks):
            starts = np.concatenate(([line_start], breaks[:-1] + 1))
            longest = max(longest, int((breaks - starts).max()))
            line_start = int(breaks[-1]) + 1
            lines += len(breaks)
        longest = max(longest, min(offset + _CHUNK, len(view)) - line_start)
        if longest > MAX_CSV_LINE_BYTES:
            raise LimitExceeded("line_bytes", longest, MAX_CSV_LINE_BYTES)
        if lines > MAX_CSV_LINES:
            raise LimitExceeded("lines", lines, MAX_CSV_LINES)
    return lines + (1 if line_start < len(view) else 0)


def check_csv_cells(lines: int, columns: int) -> None:
    """Refuse a CSV whose grid (lines x header columns) is too big to hold as a table."""
    if columns > MAX_COLUMNS:
        raise LimitExceeded("columns", columns, MAX_COLUMNS)
    if lines * columns > MAX_CELLS:
        raise LimitExceeded("cells", lines * columns, MAX_CELLS)
