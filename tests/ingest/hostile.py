"""Hostile upload files, built on demand (some unpack to hundreds of MB, so none is committed).

Each case is a small file crafted to make a reader use unbounded memory or
abort: a cell at XFD1048576 (the 1.7 KB file that aborted the server through
python-calamine), zip bombs with honest and with lying headers, a huge
shared-strings part, thousands of archive members, CSV without line breaks,
with millions of lines or thousands of columns. ``CASES`` maps a name to
``(builder, expected FileProblem code)``.

``python -m tests.ingest.hostile OUTDIR`` writes them all as files, e.g. to
try them against a running server or the CLI by hand.
"""

from __future__ import annotations

import struct
import sys
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path

_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
    '"/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.'
    'main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
)
ROOT_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" '
    f'Type="{_REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_NS}" xmlns:r="{_REL_NS}"><sheets>'
    '<sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" '
    f'Type="{_REL_NS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)
HEADER_CELLS = '<row r="1"><c r="A1" t="inlineStr"><is><t>tanggal</t></is></c><c r="B1" t="inlineStr"><is><t>kode_unit</t></is></c></row>'


def _sheet(rows_xml: str, dimension: str = "A1:B2") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_NS}"><dimension ref="{dimension}"/>'
        f"<sheetData>{HEADER_CELLS}{rows_xml}</sheetData></worksheet>"
    ).encode()


class _Member:
    """One archive member; ``declared_size`` lets a case lie about the unpacked size."""

    def __init__(
        self,
        name: str,
        chunks: Iterable[bytes],
        method: int = 8,
        declared_size: int | None = None,
    ) -> None:
        self.name = name.encode()
        crc, size = 0, 0
        if method == 8:
            packer = zlib.compressobj(9, zlib.DEFLATED, -15)
            parts = []
            for chunk in chunks:
                crc = zlib.crc32(chunk, crc)
                size += len(chunk)
                parts.append(packer.compress(chunk))
            parts.append(packer.flush())
            self.payload = b"".join(parts)
        else:
            self.payload = b"".join(chunks)
            crc, size = zlib.crc32(self.payload), len(self.payload)
        self.method = method
        self.crc = crc
        self.size = size if declared_size is None else declared_size


def _zip(members: list[_Member]) -> bytes:
    """A zip archive written by hand, so that its headers can say whatever a case needs."""
    out = bytearray()
    central = bytearray()
    for m in members:
        offset = len(out)
        out += struct.pack(
            "<4s5H3L2H", b"PK\x03\x04", 20, 0, m.method, 0, 0, m.crc, len(m.payload), m.size, len(m.name), 0
        )
        out += m.name + m.payload
        central += struct.pack(
            "<4s6H3L5H2L",
            b"PK\x01\x02",
            20,
            20,
            0,
            m.method,
            0,
            0,
            m.crc,
            len(m.payload),
            m.size,
            len(m.name),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        central += m.name
    start = len(out)
    out += central
    out += struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members), len(central), start, 0)
    return bytes(out)


def _workbook(sheet_chunks: Iterable[bytes], extra: list[_Member] | None = None, **sheet_args) -> bytes:  # type: ignore[no-untyped-def]
    return _zip(
        [
            _Member("[Content_Types].xml", [CONTENT_TYPES.encode()]),
            _Member("_rels/.rels", [ROOT_RELS.encode()]),
            _Member("xl/workbook.xml", [WORKBOOK.encode()]),
            _Member("xl/_rels/workbook.xml.rels", [WORKBOOK_RELS.encode()]),
            _Member("xl/worksheets/sheet1.xml", sheet_chunks, **sheet_args),
            *(extra or []),
        ]
    )


def _repeat(piece: bytes, total: int) -> Iterable[bytes]:
    block = piece * max(1, (1024 * 1024) // len(piece))
    written = 0
    while written < total:
        yield block
        written += len(block)


# ------------------------------------------------------------------ the cases


def far_cell() -> bytes:
    """The file from the issue: dimension A1:XFD1048576 and one cell at XFD1048576 (about 1.5 KB)."""
    far = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    return _workbook([_sheet(far, "A1:XFD1048576")])


def far_row() -> bytes:
    """A cell below the last row Excel has."""
    return _workbook([_sheet('<row r="5000000"><c r="A5000000"><v>1</v></c></row>')])


def far_area() -> bytes:
    """A cell at ZZ100000: each limit alone is kept, the area (70 million cells) is not."""
    return _workbook([_sheet('<row r="100000"><c r="ZZ100000"><v>1</v></c></row>')])


def cells_without_reference() -> bytes:
    """5,000 cells without an ``r`` attribute in one row: each takes the next column."""
    return _workbook([_sheet('<row r="2">' + "<c><v>1</v></c>" * 5000 + "</row>")])


def zip_bomb() -> bytes:
    """A sheet that unpacks to 300 MB of blank space, honest about its size (about 300 KB)."""
    head = _sheet("").split(b"</sheetData>")[0]
    return _workbook([head, *_repeat(b" " * 1024, 300 * 1024 * 1024), b"</sheetData></worksheet>"])


def zip_bomb_lying() -> bytes:
    """The same bomb whose headers claim 1 KB: only counting while unpacking catches it (at 1 KB)."""
    head = _sheet("").split(b"</sheetData>")[0]
    return _workbook(
        [head, *_repeat(b" " * 1024, 300 * 1024 * 1024), b"</sheetData></worksheet>"], declared_size=1024
    )


def huge_shared_strings() -> bytes:
    """A shared-strings part of 200 MB (one string of 200 million letters)."""
    strings = [
        f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{_NS}" count="1" uniqueCount="1"><si><t>'.encode(),
        *_repeat(b"A" * 1024, 200 * 1024 * 1024),
        b"</t></si></sst>",
    ]
    row = '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2"><v>1</v></c></row>'
    return _workbook([_sheet(row)], extra=[_Member("xl/sharedStrings.xml", strings)])


def many_members() -> bytes:
    """3,000 archive members."""
    extra = [_Member(f"xl/media/image{i}.xml", [b"<x/>"]) for i in range(3000)]
    return _workbook([_sheet("")], extra=extra)


def unknown_compression() -> bytes:
    """A member compressed with a method Excel never writes (bzip2, 12)."""
    return _workbook([_sheet("")], method=12)


def csv_one_long_line() -> bytes:
    """8 MB without a line break."""
    return b"tanggal,kode_unit," + b"x" * (8 * 1024 * 1024)


def csv_many_lines() -> bytes:
    """2.5 million lines (10 MB)."""
    return b"tanggal,kode_unit\n" + b"1,2\n" * 2_500_000


def csv_many_columns() -> bytes:
    """A header of 5,000 columns."""
    header = ",".join(f"k{i}" for i in range(5000)).encode()
    return header + b"\n" + b"1," * 4999 + b"1\n"


def csv_many_cells() -> bytes:
    """500 columns x 30,000 lines: 15 million cells in 30 MB."""
    header = ",".join(f"k{i}" for i in range(500)).encode()
    return header + b"\n" + (b"1," * 499 + b"1\n") * 30_000


CASES: dict[str, tuple[Callable[[], bytes], str, str]] = {
    "far_cell.xlsx": (far_cell, "over_limit_columns", "xlsx"),
    "far_row.xlsx": (far_row, "over_limit_rows", "xlsx"),
    "far_area.xlsx": (far_area, "over_limit_cells", "xlsx"),
    "cells_without_reference.xlsx": (cells_without_reference, "over_limit_columns", "xlsx"),
    "zip_bomb.xlsx": (zip_bomb, "over_limit_size", "xlsx"),
    "zip_bomb_lying.xlsx": (zip_bomb_lying, "xlsx_unreadable", "xlsx"),
    "huge_shared_strings.xlsx": (huge_shared_strings, "over_limit_size", "xlsx"),
    "many_members.xlsx": (many_members, "over_limit_members", "xlsx"),
    "unknown_compression.xlsx": (unknown_compression, "xlsx_unreadable", "xlsx"),
    "one_long_line.csv": (csv_one_long_line, "over_limit_line", "csv"),
    "many_lines.csv": (csv_many_lines, "over_limit_lines", "csv"),
    "many_columns.csv": (csv_many_columns, "over_limit_columns", "csv"),
    "many_cells.csv": (csv_many_cells, "over_limit_cells", "csv"),
}


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "hostile")
    out.mkdir(parents=True, exist_ok=True)
    for name, (build, _code, _kind) in CASES.items():
        (out / name).write_bytes(build())
        print(out / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
