"""The complaint search section: its table in the reader's language, and the search kept in the address."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from sqlalchemy import Engine, text
from streamlit.testing.v1 import AppTest

from lib.ui.complaint_search import results_table


def test_results_table_is_labelled_and_formatted() -> None:
    found = pd.DataFrame(
        {
            "id": [1, 2],
            "number": ["P1", "P2"],
            "complaint_date": [date(2026, 8, 17), date(2026, 3, 2)],
            "unit_code": ["KEL-A1", "KEL-A1"],
            "unit_name": ["Kelurahan A1", "Kelurahan A1"],
            "channel": [None, "LAPOR!"],
            "status": ["belum", "aneh"],
            "text": ["hubungi [telepon] soal antrian", "antrian"],
        }
    )
    shown = results_table(found, "id")
    assert list(shown.columns) == ["Tanggal", "Unit", "Status", "Isi pengaduan", "Kanal", "Nomor"]
    assert shown.iloc[0].tolist() == [
        "17 Agu 2026",
        "Kelurahan A1",
        "belum ditangani",
        "hubungi [telepon] soal antrian",
        "–",
        "P1",
    ]
    assert shown.iloc[1]["Status"] == "aneh"
    assert results_table(found, "en").iloc[0]["Date"] == "17 Aug 2026"


def _section() -> None:
    from datetime import date

    from lib.queries.units import Scope
    from lib.ui.complaint_search import complaint_search_section

    complaint_search_section(Scope(path_prefix="/KEC-MBLW/"), date(2020, 1, 1), date(2030, 12, 31), "id")


@pytest.mark.slow
def test_the_section_searches_within_scope_and_keeps_the_words_in_the_address(
    demo_engine: Engine, demo_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", demo_database_url)
    at = AppTest.from_function(_section, default_timeout=60)
    at.query_params["cari"] = "antri"
    at.run()
    assert not at.exception
    assert at.text_input[0].value == "antri"
    table = at.dataframe[0].value
    assert len(table) > 0
    assert table["Isi pengaduan"].str.contains("antri", case=False).all()
    units = set(table["Unit"])
    with demo_engine.connect() as conn:
        allowed = set(
            pd.read_sql(
                text("SELECT name FROM unit WHERE path LIKE :prefix"), conn, params={"prefix": "/KEC-MBLW/%"}
            )["name"]
        )
    assert units <= allowed
    at.text_input[0].set_value("").run()
    assert "cari" not in at.query_params
    assert not at.dataframe
