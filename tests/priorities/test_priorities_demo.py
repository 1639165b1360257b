"""On the demo city: planted weak units rank at the top, healthy ones do not; every viewer sees the same
score; units without evidence are "data kurang"; the summary and the CLI agree with lib."""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
from datetime import date

import pandas as pd
import pytest
from sqlalchemy import Engine

from lib.analysis.priority_model import MIN_AUC, fit_deterioration_model
from lib.analysis.priority_score import COMPONENT_KEYS, UNIT_DATA_KURANG, UNIT_RANKED, priority_scores
from lib.cli import main
from lib.demo import DEMO_END, planted_effects
from lib.queries.learning_hours import city_learning_hours, unit_learning_hours
from lib.queries.units import Scope
from lib.reports.summary_pdf import summary_pdf_bytes
from lib.services.complaints import overview as load_complaint_overview
from lib.services.ikm import ikm_change
from lib.services.priorities import scored_units_in_scope
from lib.services.summary import leadership_summary
from lib.services.unit_evidence import unit_evidence
from lib.services.unit_panel import unit_quarter_panel

PERIOD = (date(DEMO_END.year - 1, DEMO_END.month + 1, 1), DEMO_END)


@pytest.fixture(scope="module")
def scored(demo_engine: Engine):  # type: ignore[no-untyped-def]
    return priority_scores(
        unit_evidence(engine=demo_engine, scope=Scope(), date_from=PERIOD[0], date_to=PERIOD[1])
    ).reset_index(drop=True)


def test_planted_weak_units_rank_at_the_top(scored) -> None:  # type: ignore[no-untyped-def]
    planted = planted_effects()
    ranks = scored.set_index("kode_unit")["rank"]
    ranked = int(scored["score"].notna().sum())
    for code in planted.weak_units:
        assert ranks[code] <= 5, f"{code} ranked {ranks[code]} of {ranked}"
        assert scored.set_index("kode_unit").loc[code, "flagged"]


def test_planted_healthy_units_are_not_flagged(scored) -> None:  # type: ignore[no-untyped-def]
    planted = planted_effects()
    table = scored.set_index("kode_unit")
    ranked = int(scored["score"].notna().sum())
    for code in planted.healthy_units:
        assert not table.loc[code, "flagged"]
        assert table.loc[code, "rank"] > ranked / 2, f"{code} ranked {table.loc[code, 'rank']} of {ranked}"


def test_same_score_for_leadership_and_every_manager(demo_engine: Engine, scored) -> None:  # type: ignore[no-untyped-def]
    city = scored.set_index("kode_unit")
    weak = next(code for code in planted_effects().weak_units if city.loc[code, "jenis_unit"] == "kelurahan")
    path = str(city.loc[weak, "path"])
    parent = path[: path.rstrip("/").rfind("/") + 1]
    for prefix in (parent, path):  # the camat's scope, and a one-unit manager's
        manager = scored_units_in_scope(
            engine=demo_engine, scope=Scope(path_prefix=prefix), date_from=PERIOD[0], date_to=PERIOD[1]
        ).set_index("kode_unit")
        assert weak in manager.index
        columns = ["score", "rank", "flagged", "status", "reasons"]
        pd.testing.assert_frame_equal(manager[columns], city.loc[manager.index, columns])
        assert manager.loc[weak, "flagged"]


def test_units_without_evidence_are_data_kurang_not_ranked(scored) -> None:  # type: ignore[no-untyped-def]
    no_outcome = scored[scored["responden"].isna() & scored["services"].isna()]
    assert not no_outcome.empty
    assert (no_outcome["status"] == UNIT_DATA_KURANG).all()
    assert no_outcome["score"].isna().all() and not no_outcome["flagged"].any()
    ranked = scored[scored["status"] == UNIT_RANKED]
    assert (ranked["coverage"] >= 0.5).all()
    assert ranked["rank"].tolist() == sorted(ranked["rank"].tolist())


def test_reasons_never_call_grade_a_or_b_low(scored) -> None:  # type: ignore[no-untyped-def]
    good = scored[scored["mutu"].isin(["A", "B"])]
    assert not good["reasons"].map(lambda r: "ikm_low" in r).any()


def test_model_is_validated_out_of_time_on_demo(demo_engine: Engine) -> None:
    result = fit_deterioration_model(unit_quarter_panel(engine=demo_engine, scope=Scope(), date_to=DEMO_END))
    assert result.available, result.reason
    assert max(result.train_quarters) < min(result.test_quarters)
    assert 0.0 <= result.auc <= 1.0
    assert len(result.predictions) > 50
    # Per-unit risk is shown only from a model that is good enough out of time.
    assert result.shown == (result.auc >= MIN_AUC)
    assert set(result.predictions["risk_band"]) <= {"low", "medium", "high"}
    assert sum(result.band_counts.values()) == result.n_test


def test_cli_json_reports_every_component(
    demo_database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], scored
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DATABASE_URL", demo_database_url)
    assert (
        main(
            ["priorities", "--format", "json", "--from", PERIOD[0].isoformat(), "--to", PERIOD[1].isoformat()]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    units = data["units"]
    assert len(units) == len(scored)
    assert units[0]["kode_unit"] in planted_effects().weak_units and units[0]["rank"] == 1
    first = scored.set_index("kode_unit").loc[units[0]["kode_unit"]]
    assert units[0]["score"] == pytest.approx(first["score"], abs=1e-4)
    for unit in units:
        assert set(unit["components"]) == set(COMPONENT_KEYS)
        for figures in unit["components"].values():
            assert {"value", "standard", "se", "ci_low", "ci_high", "need", "coverage"} <= set(figures)
    ikm = units[0]["components"]["ikm_low"]
    assert ikm["standard"] == 76.61 and ikm["coverage"] == "ok" and ikm["se"] > 0
    assert not math.isnan(ikm["value"])
    short = [u for u in units if u["status"] == UNIT_DATA_KURANG]
    assert all(u["rank"] is None and u["missing"] for u in short)


def test_summary_figures_equal_the_owning_functions(demo_engine: Engine) -> None:
    summary = leadership_summary(engine=demo_engine, scope=Scope(), date_from=PERIOD[0], date_to=PERIOD[1])
    figures = {h.key: h for h in summary.headlines}
    assert (
        figures["ikm"].value
        == ikm_change(engine=demo_engine, scope=Scope(), date_from=PERIOD[0], date_to=PERIOD[1]).ikm_2dp
    )
    overview = load_complaint_overview(
        engine=demo_engine, scope=Scope(), date_from=PERIOD[0], date_to=PERIOD[1]
    )
    assert figures["complaints"].value == overview.totals["complaints"]
    assert figures["within_standard"].value == pytest.approx(1 - overview.totals["share_late"])
    # The previous period's light-weight figures equal what the full overview computes.
    before = load_complaint_overview(
        engine=demo_engine, scope=Scope(), date_from=summary.previous_from, date_to=summary.previous_to
    )
    assert figures["complaints"].previous == before.totals["complaints"]
    assert figures["within_standard"].previous == pytest.approx(1 - before.totals["share_late"])
    jp = city_learning_hours(unit_learning_hours(demo_engine, DEMO_END.year, Scope(), as_of=DEMO_END))
    assert figures["jp"].value == jp["share_meeting"]
    assert (
        figures["flagged"].value
        == priority_scores(
            unit_evidence(engine=demo_engine, scope=Scope(), date_from=PERIOD[0], date_to=PERIOD[1])
        )["flagged"].sum()
    )
    assert figures["learning"].value > 0 and figures["learning"].n > 100
    assert 1 <= len(summary.findings) <= 3


def test_summary_pdf_is_one_page_with_the_figures(demo_engine: Engine, tmp_path) -> None:  # type: ignore[no-untyped-def]
    if not shutil.which("pdftotext") and not os.environ.get("CI"):
        pytest.skip("poppler-utils (pdftotext) is not installed; CI installs it")
    summary = leadership_summary(engine=demo_engine, scope=Scope(), date_from=PERIOD[0], date_to=PERIOD[1])
    path = tmp_path / "ringkasan.pdf"
    path.write_bytes(summary_pdf_bytes(summary, "id", date(2026, 11, 26)))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = next(line for line in info.splitlines() if line.startswith("Pages:"))
    assert pages.split()[-1] == "1"
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    ikm = summary.headlines[0]
    assert f"{ikm.value:.2f}".replace(".", ",") in text
    assert "Temuan utama" in text
    top = summary.scored.iloc[0]["nama_unit"]
    assert top in text


def test_training_plan_lists_ranked_units_and_every_weight(scored) -> None:  # type: ignore[no-untyped-def]
    import io

    from openpyxl import load_workbook

    from lib.analysis.priority_score import DEFAULT_WEIGHTS
    from lib.reports.training_plan import training_plan_xlsx

    book = load_workbook(io.BytesIO(training_plan_xlsx(scored, None, DEFAULT_WEIGHTS, "id")))
    plan = list(book["Rencana"].iter_rows(values_only=True))
    ranked = scored[scored["status"] == UNIT_RANKED]
    assert len(plan) == 1 + len(ranked)
    assert plan[1][1] == ranked.iloc[0]["kode_unit"]
    method = [row for row in book["Metode"].iter_rows(values_only=True) if row and row[-1] is not None]
    assert len([row for row in method if isinstance(row[-1], int | float)]) == len(DEFAULT_WEIGHTS)
