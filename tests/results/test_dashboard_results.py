"""The dashboard's stored analyses: the sidebar's windows, values equal to the owning lib functions,
subtree results derived from the city's, and freshness that follows only the sources each one reads."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from sqlalchemy import Engine

from lib.analysis.training_summary import evaluate_groups, evaluate_program
from lib.demo import DEMO_END
from lib.queries.units import Scope, list_units
from lib.results import compute_now, mark_changed, read_result
from lib.results.dashboard import (
    evidence_for_scope,
    impact_params,
    scope_params,
    standard_windows,
    window_params,
)
from lib.results.registry import load_catalog
from lib.services.complaints import overview as load_complaint_overview
from lib.services.impact import impact_data
from lib.services.summary import findings, leadership_summary
from lib.services.unit_evidence import unit_evidence

PERIOD = (date(DEMO_END.year - 1, DEMO_END.month + 1, 1), DEMO_END)


def test_standard_windows_are_the_sidebars_presets(demo_engine: Engine) -> None:
    from lib.ui import sidebar

    today = date.today()
    anchor = sidebar.data_anchor(demo_engine, today)
    expected: list[tuple[date, date]] = []
    for preset in ("last12", "this_year", "last_year", "all"):
        window = sidebar.preset_range(preset, anchor)
        if window not in expected:
            expected.append(window)
    assert standard_windows(demo_engine, today) == expected


def test_every_dashboard_analysis_is_in_the_catalog() -> None:
    names = set(load_catalog())
    assert {
        "complaints.overview",
        "summary.leadership",
        "priorities.evidence",
        "priorities.model",
        "training.impact",
        "ikm.profile",
    } <= names


def test_params_spell_the_city_and_leave_defaults_out() -> None:
    assert window_params(date(2025, 1, 1), date(2025, 12, 31)) == {
        "start": "2025-01-01",
        "end": "2025-12-31",
        "path": None,
        "region": None,
    }
    assert scope_params(Scope(path_prefix="/KEC-01/", region=None)) == {"path": "/KEC-01/", "region": None}
    # the usual threshold and "all programmes" are the standard parameters: not spelled out
    assert impact_params(date(2025, 1, 1), date(2025, 12, 31), threshold=0.5) == window_params(
        date(2025, 1, 1), date(2025, 12, 31)
    )
    assert impact_params(date(2025, 1, 1), date(2025, 12, 31), threshold=0.6)["threshold"] == 0.6


def test_stored_evidence_equals_unit_evidence_and_a_subtree_is_the_citys_rows(demo_engine: Engine) -> None:
    city = compute_now(demo_engine, "priorities.evidence", window_params(*PERIOD)).value
    pd.testing.assert_frame_equal(
        city, unit_evidence(engine=demo_engine, scope=Scope(), date_from=PERIOD[0], date_to=PERIOD[1])
    )
    units = list_units(demo_engine, Scope())
    # the kecamatan with the most units below it: a manager's subtree
    parents = units[units["parent_id"].notna()].groupby("parent_id").size().sort_values()
    kecamatan = units.set_index("id").loc[int(parents.index[-1])]
    subtree = Scope(path_prefix=str(kecamatan["path"]))
    derived = evidence_for_scope(city, subtree)
    direct = unit_evidence(
        engine=demo_engine, scope=subtree, date_from=PERIOD[0], date_to=PERIOD[1]
    ).reset_index(drop=True)
    assert len(derived) == int(parents.iloc[-1]) + 1  # the kecamatan and each kelurahan below it
    # A unit's own figures are the same computed alone or in the city. The standard errors
    # is not: it pools the month-to-month spread of every unit in the evidence, and the score
    # must use the city's (issue 15: one reference for every viewer), which is what the stored
    # city rows carry.
    own_columns = [c for c in direct.columns if not c.endswith("_se")]
    pd.testing.assert_frame_equal(
        derived.sort_values("unit_id").reset_index(drop=True)[own_columns],
        direct.sort_values("unit_id").reset_index(drop=True)[own_columns],
        check_dtype=False,  # a subtree with no service data gets an all-None column from the query
    )
    region = str(units["region"].dropna().iloc[0])
    by_region = evidence_for_scope(city, Scope(region=region))
    assert set(by_region["wilayah"]) == {region}
    assert len(by_region) == int((units["region"] == region).sum())


def test_stored_overview_equals_the_lib_function(demo_engine: Engine) -> None:
    params = {**window_params(*PERIOD), "period": "month"}
    stored = compute_now(demo_engine, "complaints.overview", params).value
    direct = load_complaint_overview(
        engine=demo_engine, scope=Scope(), date_from=PERIOD[0], date_to=PERIOD[1], period="month"
    )
    assert stored.totals.keys() == direct.totals.keys()
    for key, value in direct.totals.items():  # NaN (no figure) equals NaN here
        assert stored.totals[key] == value or (value != value and stored.totals[key] != stored.totals[key]), (
            key
        )
    pd.testing.assert_frame_equal(stored.summary, direct.summary)
    pd.testing.assert_frame_equal(stored.spikes.flagged, direct.spikes.flagged)


def test_stored_summary_has_the_findings_of_both_languages(demo_engine: Engine) -> None:
    result = compute_now(demo_engine, "summary.leadership", window_params(*PERIOD)).value
    direct = leadership_summary(
        engine=demo_engine, scope=Scope(), date_from=PERIOD[0], date_to=PERIOD[1], lang="id"
    )
    assert result.for_language("id").findings == direct.findings
    assert result.for_language("en").findings == findings(
        engine=demo_engine, summary=direct, scope=Scope(), lang="en"
    )
    assert [h.value for h in result.summary.headlines] == [h.value for h in direct.headlines]
    # the units needing attention were scored on the priorities analysis's stored evidence, of
    # this window and of the previous one, which the priorities page then reads as it is
    from lib.periods import previous_range

    for window in (PERIOD, previous_range(*PERIOD)):
        stored = read_result(demo_engine, "priorities.evidence", window_params(*window))
        assert stored is not None and stored.fresh
        pd.testing.assert_frame_equal(
            stored.value,
            unit_evidence(engine=demo_engine, scope=Scope(), date_from=window[0], date_to=window[1]),
        )


def test_stored_impact_per_course_and_pooled_equal_the_lib_functions(demo_engine: Engine) -> None:
    result = compute_now(demo_engine, "training.impact", impact_params(*PERIOD)).value
    data = impact_data(engine=demo_engine, scope=Scope(), date_from=PERIOD[0], date_to=PERIOD[1])
    evaluated = {impact.key: impact for impact in evaluate_groups(data, "course")}
    assert set(result.by_course) == set(evaluated) == set(result.courses["key"])
    key = result.courses.sort_values("participants")["key"].iloc[-1]
    assert result.by_course[key].learning.mean_gain == pytest.approx(evaluated[key].learning.mean_gain)
    assert result.by_course[key].learning_verdict == evaluated[key].learning_verdict
    assert result.by_course[key].results.keys() == evaluated[key].results.keys()
    pooled = evaluate_program(data, tuple(data.programs["program_code"]), name="*", key="*")
    assert result.pooled.learning.n == pooled.learning.n
    assert result.pooled.behaviour.did.estimate == pytest.approx(pooled.behaviour.did.estimate)
    # participants are kept as anonymous scores only: no NIP or name in the store
    assert list(result.pooled.participants.columns) == ["pre_score", "post_score"]
    assert len(result.pooled.participants) == len(pooled.participants)
    assert result.options["competency_type"] == sorted(set(data.programs["competency_type"].dropna()))


def test_a_result_goes_stale_only_when_a_source_it_reads_changes(demo_engine: Engine) -> None:
    model_params = {"end": PERIOD[1].isoformat(), **scope_params(Scope())}
    overview_params = {**window_params(*PERIOD), "period": "quarter"}
    compute_now(demo_engine, "priorities.model", model_params)
    compute_now(demo_engine, "complaints.overview", overview_params)
    with demo_engine.begin() as conn:
        mark_changed(conn, "holidays")  # working days: the complaints overview reads them, the model does not
    model = read_result(demo_engine, "priorities.model", model_params)
    overview = read_result(demo_engine, "complaints.overview", overview_params)
    assert model is not None and model.fresh
    assert overview is not None and not overview.fresh
    assert overview.value.totals["complaints"] > 0  # the previous value stays readable meanwhile
    assert compute_now(demo_engine, "complaints.overview", overview_params).fresh


def test_each_active_managers_subtree_is_precomputed_for_the_last_12_months(engine: Engine) -> None:
    from lib.auth.users import create_user, set_active
    from lib.results.dashboard import manager_paths
    from tests.complaints.complaint_factory import add_units

    add_units(engine, ["KEL-1", "KEL-2"], parent="KEC-A")
    add_units(engine, ["KEL-3"], parent="KEC-B")
    create_user(
        engine,
        username="camat.a",
        role="manager",
        password="sandi-yang-panjang",
        unit_code="KEC-A",
        actor=None,
    )
    create_user(
        engine,
        username="lurah.3",
        role="manager",
        password="sandi-yang-panjang",
        unit_code="KEL-3",
        actor=None,
    )
    create_user(
        engine,
        username="camat.b",
        role="manager",
        password="sandi-yang-panjang",
        unit_code="KEC-B",
        actor=None,
    )
    create_user(engine, username="kadis", role="pimpinan", password="sandi-yang-panjang", actor=None)
    set_active(engine, "camat.b", False, actor=None)
    assert manager_paths(engine) == ["/KEC-A/", "/KEC-B/KEL-3/"]

    spec = load_catalog()["summary.leadership"]
    params = spec.standard_params(engine)
    windows = standard_windows(engine)
    assert params[: len(windows)] == [window_params(*w) for w in windows]
    assert params[len(windows) :] == [
        window_params(*windows[0], Scope(path_prefix="/KEC-A/")),
        window_params(*windows[0], Scope(path_prefix="/KEC-B/KEL-3/")),
    ]


def test_stored_ikm_profile_equals_group_breakdowns(demo_engine: Engine) -> None:
    from lib.services.ikm import unit_profile

    stored = compute_now(demo_engine, "ikm.profile", {**window_params(*PERIOD), "weight": "exact"}).value
    direct = unit_profile(
        engine=demo_engine, scope=Scope(), date_from=PERIOD[0], date_to=PERIOD[1], weight="exact"
    )
    assert stored.keys() == direct.keys()
    for dimension, frame in direct.items():
        pd.testing.assert_frame_equal(stored[dimension], frame)
