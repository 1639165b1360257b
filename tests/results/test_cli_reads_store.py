"""The CLI reads the stored analyses the pages read (``get_or_compute``): a second run with the
same window recomputes nothing, and what it prints equals a direct computation."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import Engine, select

from lib.analysis.training_summary import evaluate_groups, impact_table
from lib.cli import main
from lib.cli.impact import records
from lib.models import AnalysisResult
from lib.queries.units import CITY
from lib.results.dashboard import impact_params, window_params
from lib.results.store import canonical_params, clear_memory_cache
from lib.services.impact import impact_data
from tests.impact.impact_data import build_small_city

WINDOW = ("--from", "2024-01-01", "--to", "2025-12-31")


@pytest.fixture
def cli_city(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Engine:
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    build_small_city(engine)
    clear_memory_cache()
    return engine


def _stored_keys(engine: Engine, name: str) -> set[str]:
    r = AnalysisResult.__table__
    with engine.connect() as conn:
        return set(conn.execute(select(r.c.params_key).where(r.c.name == name)).scalars())


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    assert main([*argv, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def _boom(*_args: object, **_kwargs: object) -> None:
    raise AssertionError("computed again instead of read from the store")


def test_impact_reads_the_stored_table(
    cli_city: Engine, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _run(capsys, "impact", *WINDOW)
    key = canonical_params(impact_params(date(2024, 1, 1), date(2025, 12, 31)))[1]
    assert key in _stored_keys(cli_city, "training.impact")
    data = impact_data(engine=cli_city, scope=CITY, date_from=date(2024, 1, 1), date_to=date(2025, 12, 31))
    assert first == json.loads(json.dumps(records(impact_table(evaluate_groups(data, "course")))))
    monkeypatch.setattr("lib.cli.impact.impact_data", _boom)
    monkeypatch.setattr("lib.services.impact.impact_data", _boom)
    assert _run(capsys, "impact", *WINDOW) == first


def test_priorities_read_the_stored_city_evidence(
    cli_city: Engine, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _run(capsys, "priorities", *WINDOW)
    key = canonical_params(window_params(date(2024, 1, 1), date(2025, 12, 31)))[1]
    assert key in _stored_keys(cli_city, "priorities.evidence")
    monkeypatch.setattr("lib.services.unit_evidence.unit_evidence", _boom)
    monkeypatch.setattr("lib.services.priorities.unit_evidence", _boom)
    assert _run(capsys, "priorities", *WINDOW) == first


def test_complaints_read_the_stored_overview_only_with_the_pages_settings(
    cli_city: Engine, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _run(capsys, "complaints", *WINDOW)
    key = canonical_params({**window_params(date(2024, 1, 1), date(2025, 12, 31)), "period": "month"})[1]
    assert _stored_keys(cli_city, "complaints.overview") == {key}
    with monkeypatch.context() as patched:
        patched.setattr("lib.cli.complaints.load_overview", _boom)
        patched.setattr("lib.services.complaints.overview", _boom)
        assert _run(capsys, "complaints", *WINDOW) == first
    # other spike settings are not what the pages store: computed directly, nothing stored
    _run(capsys, "complaints", *WINDOW, "--alpha", "0.1")
    assert _stored_keys(cli_city, "complaints.overview") == {key}
