"""Complaint search in the database: case, escaped wildcards, scope, period, and the mask."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine

from lib.queries.complaint_search import clean_needle, matching_complaints, search_complaints
from lib.queries.units import Scope
from tests.complaints.complaint_factory import add_complaints, add_units


@pytest.fixture
def complaints(engine: Engine) -> Engine:
    a = add_units(engine, ["KEL-A1"], parent="KEC-A", region="Medan A")
    b = add_units(engine, ["KEL-B1"], parent="KEC-B", region="Medan B")
    rows = [
        ("P1", "2026-03-02", a["KEL-A1"], "Antrian PANJANG di loket KTP"),
        ("P2", "2026-03-05", a["KEL-A1"], "diskon 100% katanya, ternyata bayar"),
        ("P3", "2026-03-06", a["KEL-A1"], "diskon 1000 rupiah saja"),
        ("P4", "2026-04-01", a["KEL-A1"], "kode a_b tertulis di surat"),
        ("P5", "2026-04-02", a["KEL-A1"], "kode axb tertulis di surat"),
        ("P6", "2026-04-03", b["KEL-B1"], "antrian panjang juga di sini"),
        ("P7", "2025-12-30", a["KEL-A1"], "antrian panjang tahun lalu"),
        ("P8", "2026-04-04", a["KEL-A1"], "hubungi saya di 081234567890 soal antrian"),
        ("P9", "2026-04-05", a["KEL-A1"], "garis miring \\ di nama berkas"),
    ]
    add_complaints(
        engine,
        [
            {"number": n, "complaint_date": date.fromisoformat(d), "unit_id": u, "text": t, "status": "belum"}
            for n, d, u, t in rows
        ],
    )
    return engine


def _numbers(frame) -> list[str]:  # type: ignore[no-untyped-def]
    return list(frame["number"])


def test_search_is_case_insensitive_and_newest_first(complaints: Engine) -> None:
    assert _numbers(matching_complaints(complaints, "antrian panjang")) == ["P6", "P1", "P7"]
    assert _numbers(matching_complaints(complaints, "  ANTRIAN   Panjang ")) == ["P6", "P1", "P7"]


def test_wildcards_are_searched_for_literally(complaints: Engine) -> None:
    assert _numbers(matching_complaints(complaints, "100%")) == ["P2"]
    assert _numbers(matching_complaints(complaints, "a_b")) == ["P4"]
    assert _numbers(matching_complaints(complaints, "%")) == ["P2"]
    assert _numbers(matching_complaints(complaints, "\\")) == ["P9"]


def test_scope_and_period_narrow_the_search(complaints: Engine) -> None:
    assert _numbers(matching_complaints(complaints, "antrian", Scope(path_prefix="/KEC-B/"))) == ["P6"]
    assert _numbers(matching_complaints(complaints, "antrian", Scope(region="Medan A"))) == ["P8", "P1", "P7"]
    in_2026 = matching_complaints(
        complaints, "antrian", date_from=date(2026, 1, 1), date_to=date(2026, 3, 31)
    )
    assert _numbers(in_2026) == ["P1"]
    assert list(in_2026["complaint_date"]) == [date(2026, 3, 2)]
    assert _numbers(matching_complaints(complaints, "antrian", limit=2)) == ["P8", "P6"]


def test_an_empty_search_lists_nothing(complaints: Engine) -> None:
    assert matching_complaints(complaints, "   ").empty
    assert search_complaints(complaints, "").empty
    assert clean_needle("x" * 300) == "x" * 100


def test_personal_data_is_masked_and_cannot_be_searched_for(complaints: Engine) -> None:
    found = search_complaints(complaints, "antrian", Scope(region="Medan A"))
    assert _numbers(found) == ["P8", "P1", "P7"]
    assert found.loc[0, "text"] == "hubungi saya di [telepon] soal antrian"
    # the number is in the database, but the reader cannot see it: no match
    assert _numbers(matching_complaints(complaints, "081234567890")) == ["P8"]
    assert search_complaints(complaints, "081234567890").empty
    assert search_complaints(complaints, "4567").empty
