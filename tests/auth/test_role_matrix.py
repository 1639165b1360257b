"""Each role sees exactly the pages and the data it should, on the demo city.

Navigation per role is checked as data (``lib.ui.nav``). Then every page is run
by itself, as Streamlit runs it when it is the first URL a browser asks for,
in demo mode with the role (and a manager's unit) chosen: a role the page is
not for gets the refusal; a unit manager's page shows no other unit's name
anywhere (tables, text, charts); leadership sees no names or NIPs.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from streamlit.testing.v1 import AppTest

from lib.auth.roles import Principal, Role
from lib.i18n import translate
from lib.models import TrainingProgram
from lib.queries.units import Scope, list_units
from lib.ui.auth import DEMO_ROLE_KEY, DEMO_UNIT_KEY
from lib.ui.nav import pages_for
from tests.ui.shown_tables import page_html_tables
from tests.ui.vega_charts import vega_texts

PAGES = Path(__file__).resolve().parents[2] / "views"
MANAGER_UNIT = "KEC-MBLW"
ANALYSIS_PAGES = ("ringkasan.py", "kepuasan.py", "pengaduan.py", "dampak_pelatihan.py", "prioritas.py")


def _files(principal: Principal, empty: bool = False) -> set[str]:
    return {p.file for entries in pages_for(principal, empty).values() for p in entries}


def test_navigation_per_role() -> None:
    analysis = set(ANALYSIS_PAGES) | {"metode.py"}
    assert _files(Principal("k", Role.PIMPINAN)) == analysis | {"status_data.py"}
    assert _files(Principal("e", Role.EVALUATOR)) == analysis | {"status_data.py", "unggah.py"}
    assert _files(Principal("m", Role.MANAGER, unit_path="/KEC-A/")) == analysis
    assert _files(Principal("a", Role.ADMIN)) == {"status_data.py", "pengguna.py", "audit.py"}
    # Demo mode never offers account management, whatever the role.
    assert _files(Principal("demo", Role.ADMIN, method="demo")) == {"status_data.py"}
    # An empty database: the start page; only evaluators may upload.
    assert _files(Principal("k", Role.PIMPINAN), empty=True) == {"mulai.py"}
    assert _files(Principal("e", Role.EVALUATOR), empty=True) == {"mulai.py", "unggah.py"}


def _run(
    page: str,
    url: str,
    monkeypatch: pytest.MonkeyPatch,
    role: Role,
    unit: str | None = None,
    session: dict[str, object] | None = None,
) -> AppTest:
    """``page`` opened in demo mode as ``role`` (of ``unit``), with ``session`` set first (a tab opened)."""
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("TELAAH_DEMO_MODE", "1")
    at = AppTest.from_file(str(PAGES / page), default_timeout=240)
    at.session_state[DEMO_ROLE_KEY] = role.value
    if unit:
        at.session_state[DEMO_UNIT_KEY] = unit
    for key, value in (session or {}).items():
        at.session_state[key] = value
    return at.run()


def _denied(at: AppTest) -> bool:
    return any(e.value == translate("auth.denied") for e in at.error)


def _everything_shown(at: AppTest) -> str:
    """All text the page put on screen: markdown, metrics, tables and chart specs."""
    parts: list[str] = []
    for kind in ("markdown", "caption", "title", "header", "subheader", "info", "warning", "success", "text"):
        parts += [str(getattr(e, "value", "")) for e in at.get(kind)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    for frame in at.dataframe:
        parts.append(frame.value.to_csv())
    for drawn in page_html_tables(at):
        parts.append(drawn.cells.to_csv())
    for chart in at.get("plotly_chart"):
        parts.append(json.dumps(json.loads(chart.proto.spec)))
    parts += vega_texts(at)
    for box in at.selectbox:
        parts += [str(o) for o in box.options]
    return "\n".join(parts)


@pytest.mark.parametrize("page", ["unggah.py", "pengguna.py", "audit.py"])
def test_pages_refuse_roles_they_are_not_for(page: str, demo_database_url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    at = _run(page, demo_database_url, monkeypatch, Role.PIMPINAN)
    assert not at.exception
    assert _denied(at)


def test_status_page_refuses_a_unit_manager(demo_database_url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    at = _run("status_data.py", demo_database_url, monkeypatch, Role.MANAGER, MANAGER_UNIT)
    assert _denied(at)


@pytest.mark.slow
@pytest.mark.parametrize("page", ANALYSIS_PAGES)
def test_unit_manager_sees_only_their_subtree(
    page: str, demo_engine: Engine, demo_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _run(page, demo_database_url, monkeypatch, Role.MANAGER, MANAGER_UNIT)
    assert not at.exception, at.exception
    assert not _denied(at)
    shown = _everything_shown(at)
    units = list_units(demo_engine)
    inside = units[units["path"].str.startswith(f"/{MANAGER_UNIT}/")]
    outside = units[~units["id"].isin(inside["id"])]
    # Programme providers (e.g. Diskominfo running an e-learning) are course facts, not unit data.
    with demo_engine.connect() as conn:
        providers = set(conn.execute(select(TrainingProgram.__table__.c.provider).distinct()).scalars())
    # Names that are not part of a name inside (e.g. "Kelurahan Belawan I" inside "… Belawan II").
    leaks = [
        name
        for name in outside["name"]
        if name in shown
        and not any(name in provider for provider in providers)
        and not any(name in own for own in inside["name"])
    ]
    assert leaks == [], f"{page} shows other units to the manager of {MANAGER_UNIT}: {leaks[:5]}"
    if page != "dampak_pelatihan.py":  # the impact page compares programmes, not units
        assert any(name in shown for name in inside["name"]), f"{page} shows none of the manager's own units"


def test_leadership_sees_no_names_or_nips(demo_database_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from lib.ui.priorities import VIEW_KEY

    profile = {VIEW_KEY: translate("priority.profile")}  # the unit profile's tab, where its staff are listed
    pimpinan = _run("prioritas.py", demo_database_url, monkeypatch, Role.PIMPINAN, session=profile)
    assert not pimpinan.exception
    columns = {c.lower() for frame in pimpinan.dataframe for c in frame.value.columns}
    assert not columns & {"nip", "employee_name", "nama", "name"}
    assert translate("priority.profile.staff_hidden", n=0).split()[-1] in _everything_shown(pimpinan)
    evaluator = _run("prioritas.py", demo_database_url, monkeypatch, Role.EVALUATOR, session=profile)
    columns = {c.lower() for frame in evaluator.dataframe for c in frame.value.columns}
    assert "nip" in columns


def test_manager_cannot_widen_scope_through_the_filters(
    demo_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A forged filter (another unit's path, as a crafted session would send) is refused, not obeyed."""
    from datetime import date

    from lib.ui.state import FILTERS_KEY, Filters

    monkeypatch.setenv("DATABASE_URL", demo_database_url)
    monkeypatch.setenv("TELAAH_DEMO_MODE", "1")
    at = AppTest.from_file(str(PAGES / "prioritas.py"), default_timeout=240)
    at.session_state[DEMO_ROLE_KEY] = Role.MANAGER.value
    at.session_state[DEMO_UNIT_KEY] = MANAGER_UNIT
    at.session_state[FILTERS_KEY] = Filters(
        date_from=date(2025, 11, 1), date_to=date(2026, 10, 31), unit_code="KEC-MARE", unit_path="/KEC-MARE/"
    )
    at.run()
    assert not at.exception
    assert any(e.value == translate("auth.scope_denied") for e in at.error)
    assert not at.dataframe
    assert Scope(path_prefix="/KEC-MARE/") != Scope(path_prefix=f"/{MANAGER_UNIT}/")
