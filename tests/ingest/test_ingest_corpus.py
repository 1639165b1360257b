"""The malformed-file corpus: every bad file gets the message that says what to fix, and nothing is stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from lib.ingest import ImportOptions, import_upload, prepare_upload
from lib.ingest.batches import DATA_TABLES, REFUSED
from tests.ingest.conftest import TODAY

CORPUS = Path(__file__).parent / "corpus"
CASES = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))


def _row_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in DATA_TABLES}


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_bad_file_is_refused_with_its_message(engine: Engine, city: dict[str, int], case: dict) -> None:
    data = (CORPUS / case["file"]).read_bytes()
    options = ImportOptions(today=TODAY, **case.get("options", {}))
    before = _row_counts(engine)
    prepared = prepare_upload(data, case["file"], case["kind"], engine, options)
    for expected in case["expect"]:
        matches = [
            p
            for p in prepared.problems
            if p.code == expected["code"]
            and ("row" not in expected or p.row == expected["row"])
            and ("column" not in expected or p.column == expected["column"])
            and ("value" not in expected or p.value == expected["value"])
        ]
        listed = [(p.code, p.row, p.column, p.value) for p in prepared.problems]
        assert matches, f"expected {expected} among {listed}"
        if "contains" in expected:
            assert expected["contains"] in matches[0].sentence("id")
        # every message has an English version too, and names what was expected
        assert matches[0].message("en") != matches[0].message("id")
    result = import_upload(engine, prepared, user="test")
    assert result.outcome == REFUSED
    assert _row_counts(engine) == before


def test_corpus_messages_name_row_column_and_value(engine: Engine, city: dict[str, int]) -> None:
    data = (CORPUS / "survey_bad_cells.csv").read_bytes()
    prepared = prepare_upload(data, "survey_bad_cells.csv", "survei", engine, ImportOptions(today=TODAY))
    off_scale = next(p for p in prepared.problems if p.code == "answer_off_scale")
    assert off_scale.sentence("id") == (
        "Baris 2, kolom 'waktu', nilai '7': Jawaban di luar skala 1–4. "
        "Yang diharapkan: 1, 2, 3 atau 4 (label: Tidak cepat / Kurang cepat / Cepat / Sangat cepat)."
    )
    assert off_scale.sentence("en").startswith(
        "Row 2, column 'waktu', value '7': The answer is outside the 1–4 scale."
    )
