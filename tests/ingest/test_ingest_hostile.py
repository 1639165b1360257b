"""Hostile files (tests/ingest/hostile.py) are refused with a message, in bounded memory, never abort.

The corpus is read in a child process: before the limits, the far-cell file
aborted the Python process itself (a Rust allocation failure), which no
``except`` in the same process could have caught. The child reports each
file's problem code and its own peak memory; the parent checks both.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from lib.ingest import limits
from lib.ingest.problems import Problem
from lib.ingest.readers import FileProblem, read_table
from tests.ingest.hostile import CASES, far_cell

ROOT = Path(__file__).resolve().parents[2]
PAGE = str(ROOT / "views" / "unggah.py")

#: Peak resident memory the child may reach reading the whole corpus (Python, pandas and one
#: case's bytes at a time; the unpacked sizes run to 300 MB, the far cell would need 512 GiB).
MAX_CHILD_RSS_MB = 700

_CHILD = """
import json, resource, sys
from tests.ingest.hostile import CASES
from lib.ingest.readers import FileProblem, read_table
out = {}
for name, (build, _code, _kind) in CASES.items():
    data = build()
    try:
        read_table(data, name)
        out[name] = "read"
    except FileProblem as exc:
        out[name] = exc.code
    del data
out["__maxrss_mb__"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def corpus_results() -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("name", list(CASES))
def test_every_hostile_file_is_refused_with_its_own_message(
    name: str, corpus_results: dict[str, object]
) -> None:
    code = CASES[name][1]
    assert corpus_results[name] == code
    # every refusal has a sentence and advice in both languages, with the figures filled in
    for lang in ("id", "en"):
        problem = Problem(code, params={"found": 2, "limit": 1})
        assert "{" not in problem.message(lang) and problem.expected(lang)


def test_reading_the_corpus_stays_within_bounded_memory(corpus_results: dict[str, object]) -> None:
    assert float(corpus_results["__maxrss_mb__"]) < MAX_CHILD_RSS_MB  # type: ignore[arg-type]


def test_the_far_cell_file_is_small_and_its_figures_are_named() -> None:
    data = far_cell()
    assert len(data) < 2000
    with pytest.raises(FileProblem) as caught:
        read_table(data, "far.xlsx")
    assert caught.value.params == {"found": 16384, "limit": limits.MAX_COLUMNS}
    message = Problem(caught.value.code, params=caught.value.params).sentence("id")
    assert message.startswith("Tabel punya sel sampai kolom ke-16384; paling banyak 1024 kolom")


def test_a_wrong_declared_dimension_alone_is_no_reason_to_refuse() -> None:
    """Declared dimensions are ignored: tools often write wrong ones, and only real cells cost memory."""
    from tests.ingest.hostile import _sheet, _workbook

    row = '<row r="2"><c r="A2" t="inlineStr"><is><t>2025-03-01</t></is></c><c r="B2" t="inlineStr"><is><t>PKM-BLW</t></is></c></row>'
    table = read_table(_workbook([_sheet(row, "A1:XFD1048576")]), "dim.xlsx")
    assert table.headers == ["tanggal", "kode_unit"]
    assert table.frame.loc[2].tolist() == ["2025-03-01", "PKM-BLW"]


def test_column_letters_count_like_excel() -> None:
    assert [limits.column_number(x) for x in (b"A", b"Z", b"AA", b"AMJ", b"XFD")] == [1, 26, 27, 1024, 16384]


def test_cli_refuses_the_far_cell_file_without_aborting(
    engine: Engine, city: dict[str, int], tmp_path: Path
) -> None:
    path = tmp_path / "far.xlsx"
    path.write_bytes(far_cell())
    done = subprocess.run(
        [sys.executable, "-m", "lib", "import", "survei", str(path)],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": engine.url.render_as_string(hide_password=False)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    assert "paling banyak 1024 kolom" in done.stderr
    assert "Traceback" not in done.stderr


def test_upload_page_refuses_the_far_cell_file(
    engine: Engine, city: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    monkeypatch.setenv("TELAAH_DEMO_MODE", "1")
    monkeypatch.setenv("TELAAH_DEMO_ROLE", "evaluator")
    page = AppTest.from_file(PAGE, default_timeout=60)
    page.run()
    page.selectbox(key="unggah_kind").set_value("survei").run()
    page.get("file_uploader")[0].set_value(("far.xlsx", far_cell(), "application/octet-stream")).run()
    assert not page.exception
    shown = " ".join(e.value for e in page.error)
    assert "paling banyak 1024 kolom" in shown
