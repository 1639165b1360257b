"""On the demo city: planted weak units rank at the top, healthy ones do not; the summary agrees with lib."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date

import pytest
from sqlalchemy import Engine

from lib.analysis.complaint_overview import load_complaint_overview
from lib.analysis.ikm import ikm_change
from lib.analysis.priority_model import fit_deterioration_model
from lib.analysis.priority_score import priority_scores
from lib.analysis.summary import leadership_summary
from lib.demo import DEMO_END, planted_effects
from lib.queries.learning_hours import city_learning_hours, unit_learning_hours
from lib.queries.unit_evidence import unit_evidence
from lib.queries.unit_panel import unit_quarter_panel
from lib.queries.units import Scope
from lib.reports.summary_pdf import summary_pdf_bytes

PERIOD = (date(DEMO_END.year - 1, DEMO_END.month + 1, 1), DEMO_END)


@pytest.fixture(scope="module")
def scored(demo_engine: Engine):  # type: ignore[no-untyped-def]
    return priority_scores(unit_evidence(demo_engine, Scope(), *PERIOD)).reset_index(drop=True)


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


def test_model_is_validated_out_of_time_on_demo(demo_engine: Engine) -> None:
    result = fit_deterioration_model(unit_quarter_panel(demo_engine, Scope(), None, DEMO_END))
    assert result.available, result.reason
    assert max(result.train_quarters) < min(result.test_quarters)
    assert 0.0 <= result.auc <= 1.0
    assert len(result.predictions) > 50


def test_summary_figures_equal_the_owning_functions(demo_engine: Engine) -> None:
    summary = leadership_summary(demo_engine, Scope(), *PERIOD)
    figures = {h.key: h for h in summary.headlines}
    assert figures["ikm"].value == ikm_change(demo_engine, Scope(), *PERIOD).ikm_2dp
    overview = load_complaint_overview(demo_engine, Scope(), *PERIOD)
    assert figures["complaints"].value == overview.totals["complaints"]
    assert figures["within_standard"].value == pytest.approx(1 - overview.totals["share_late"])
    # The previous period's light-weight figures equal what the full overview computes.
    before = load_complaint_overview(demo_engine, Scope(), summary.previous_from, summary.previous_to)
    assert figures["complaints"].previous == before.totals["complaints"]
    assert figures["within_standard"].previous == pytest.approx(1 - before.totals["share_late"])
    jp = city_learning_hours(unit_learning_hours(demo_engine, DEMO_END.year, Scope(), as_of=DEMO_END))
    assert figures["jp"].value == jp["share_meeting"]
    assert (
        figures["flagged"].value
        == priority_scores(unit_evidence(demo_engine, Scope(), *PERIOD))["flagged"].sum()
    )
    assert figures["learning"].value > 0 and figures["learning"].n > 100
    assert 1 <= len(summary.findings) <= 3


def test_summary_pdf_is_one_page_with_the_figures(demo_engine: Engine, tmp_path) -> None:  # type: ignore[no-untyped-def]
    if not shutil.which("pdftotext") and not os.environ.get("CI"):
        pytest.skip("poppler-utils (pdftotext) is not installed; CI installs it")
    summary = leadership_summary(demo_engine, Scope(), *PERIOD)
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
