"""The training-impact queries on the hand-made city (run on SQLite and PostgreSQL)."""

from __future__ import annotations

import math
from datetime import date

import pytest
from sqlalchemy import Engine

from lib.analysis.training_summary import (
    evaluate_groups,
    impact_table,
    treated_units,
)
from lib.periods import quarter_index
from lib.queries.training import (
    TrainingSelection,
    completions,
    course_name,
    list_programs,
    participations,
    performance_panel,
    unit_staff,
)
from lib.queries.units import Scope
from lib.services.impact import impact_data, unit_outcome_panel
from lib.text.impact import level_sentences
from tests.impact.impact_data import build_small_city

KEC = Scope(path_prefix="/KEC/")


@pytest.fixture
def city(engine: Engine) -> Engine:
    build_small_city(engine)
    return engine


def test_course_name_strips_run_markers() -> None:
    assert course_name("Pelatihan Layanan Digital Angkatan II Tahun 2025") == "Pelatihan Layanan Digital"
    assert course_name("Bimtek SRIKANDI Batch 3 2024") == "Bimtek SRIKANDI"
    assert course_name("Seminar Etika Pelayanan") == "Seminar Etika Pelayanan"
    assert course_name("Angkatan I") == "Angkatan I"  # nothing left: keep the name


def test_programmes_with_participants_in_scope(city: Engine) -> None:
    programs = list_programs(city).set_index("program_code")
    assert programs["participants"].to_dict() == {"P1": 4, "P2": 2, "P3": 2}
    assert programs.loc["P1", "course"] == programs.loc["P2", "course"] == "Pelatihan Layanan Digital"
    # in the kecamatan's subtree the dinas staff (e7 in P1, e8 in P3) are out of scope
    scoped = list_programs(city, KEC).set_index("program_code")
    assert scoped["participants"].to_dict() == {"P1": 3, "P2": 2, "P3": 1}
    # newest first
    assert list(list_programs(city)["program_code"]) == ["P2", "P1", "P3"]


def test_participations_filters(city: Engine) -> None:
    everything = participations(city)
    assert len(everything) == 8
    assert set(everything.columns) >= {"pre_score", "post_score", "reaction_usefulness", "status", "unit_id"}
    assert "name" not in everything.columns and "nip" not in everything.columns
    teknis = participations(city, TrainingSelection(competency_type="teknis"))
    assert sorted(teknis["program_code"].unique()) == ["P1", "P2"]
    assert sorted(participations(city, TrainingSelection(provider=("LAN",)))["employee_id"]) == [4, 5]
    assert sorted(participations(city, TrainingSelection(program_codes=("P3",)))["employee_id"]) == [6, 8]
    # the period selects programmes by end date: from April 2025 only P2 ended
    later = participations(city, date_from=date(2025, 4, 1), date_to=date(2025, 12, 31))
    assert sorted(later["program_code"].unique()) == ["P2"]
    assert len(participations(city, scope=KEC, selection=TrainingSelection(program_codes=("P1",)))) == 3


def test_completions_are_attended_participations(city: Engine) -> None:
    done = completions(city)
    # e7 did not attend (tidak_hadir); e3 attended without passing and is kept with its status
    assert sorted(done["employee_id"]) == [1, 2, 3, 4, 5, 6, 8]
    assert done.set_index("employee_id").loc[3, "status"] == "tidak_lulus"
    q1 = quarter_index(date(2025, 1, 1))
    p1 = done[done["program_code"] == "P1"]
    assert set(p1["quarter"]) == {q1} and set(p1["quarter_start"]) == {date(2025, 1, 1)}


def test_performance_panel_keeps_quarterly_scores_only(city: Engine) -> None:
    panel = performance_panel(city)
    assert list(zip(panel["employee_id"], panel["quarter_start"], panel["score"], strict=True)) == [
        (1, date(2024, 10, 1), 80.0),
        (1, date(2025, 1, 1), 81.0),
    ]


def test_unit_staff(city: Engine) -> None:
    assert unit_staff(city).to_dict() == {2: 4, 3: 2, 4: 2}
    assert unit_staff(city, KEC).to_dict() == {2: 4, 3: 2}


def test_unit_outcome_panel_by_hand(city: Engine) -> None:
    panel = unit_outcome_panel(engine=city).set_index(["unit_id", "quarter_start"])
    kel1_q1 = panel.loc[(2, date(2025, 1, 1))]
    assert kel1_q1["ikm"] == pytest.approx(87.4125)
    assert kel1_q1["respondents"] == 2
    assert kel1_q1["services"] == 500
    assert kel1_q1["mean_days"] == pytest.approx(2.5)
    assert kel1_q1["pct_on_time"] == pytest.approx(87.5)
    assert kel1_q1["complaints"] == 2
    assert kel1_q1["complaint_rate"] == pytest.approx(4.0)
    assert panel.loc[(2, date(2025, 4, 1)), "ikm"] == pytest.approx(49.95)
    kel2 = panel.loc[(3, date(2025, 1, 1))]
    assert kel2["complaints"] == 1 and math.isnan(kel2["complaint_rate"])
    assert kel1_q1["quarter"] == quarter_index(date(2025, 2, 1))
    assert set(unit_outcome_panel(engine=city, scope=Scope(path_prefix="/DIN/"))["unit_id"]) == set()


def test_evaluation_on_the_small_city(city: Engine) -> None:
    data = impact_data(engine=city)
    impacts = {i.key: i for i in evaluate_groups(data, "course")}
    digital = impacts["Pelatihan Layanan Digital"]
    assert digital.codes == ("P1", "P2")
    counts = digital.learning.counts
    # pairs e1, e2, e4, e5; e3 has a pre-test only; e7 neither
    assert (counts.paired, counts.pre_only, counts.post_only, counts.neither) == (4, 1, 0, 1)
    assert digital.learning.mean_gain == pytest.approx((10 + 5 + 15 + 5) / 4)
    usefulness = digital.reaction.set_index("item").loc["reaction_usefulness"]
    assert usefulness["n"] == 4 and usefulness["mean"] == pytest.approx(4.5)
    # KEL1: 2 of its 4 staff passed P1 in 2025-Q1 (e3 failed, e4 came later) → trained from 2025-Q1;
    # KEL2: 1 of 2 passed P2 in 2025-Q2 → trained from 2025-Q2. Too few units and quarters for a
    # comparison, so level 4 is not estimable, and says why instead of failing.
    assert treated_units(data, digital.codes).to_dict() == {
        2: quarter_index(date(2025, 1, 1)),
        3: quarter_index(date(2025, 4, 1)),
    }
    assert digital.units_trained == 2
    assert not digital.results["ikm"].estimable
    sentences = level_sentences(digital, "en")
    assert "cannot be estimated" in sentences["results"]
    assert "Too few" in level_sentences(impacts["Seminar Etika Pelayanan"], "en")["learning"]
    table = impact_table(list(impacts.values()))
    assert set(table["level"]) == {"reaction", "learning", "behaviour", "results"}
    row = table[(table["nama_pelatihan"] == "Pelatihan Layanan Digital") & (table["measure"] == "mean_gain")]
    assert row["estimate"].iloc[0] == pytest.approx(8.75) and row["n"].iloc[0] == 4
    assert row["kode_pelatihan"].iloc[0] == "P1,P2"
