"""The direction data travels: page → lib.ui → lib.services → lib.queries / lib.analysis → lib.db.

Read from the source (imports anywhere in a file, top level or inside a function), so
it holds without running anything. Where the code does not follow the rule yet, the
exceptions are listed by name: the list may only shrink (a module that is mended must
leave it, and a new module may not join it), so the rule stays true for everything new.
"""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _imports(path: Path) -> set[str]:
    """Every module a file imports (``from a.b import c`` counts as ``a.b`` and ``a.b.c``)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _uses(path: Path, forbidden: tuple[str, ...]) -> list[str]:
    """The forbidden packages ``path`` imports (a package or any module under it)."""
    hits = {f for f in forbidden for name in _imports(path) if name == f or name.startswith(f + ".")}
    return sorted(hits)


def _modules(folder: str) -> list[Path]:
    return sorted(p for p in (ROOT / folder).glob("*.py") if p.name != "__init__.py")


def _violations(folder: str, forbidden: tuple[str, ...]) -> dict[str, list[str]]:
    out = {}
    for path in _modules(folder):
        hits = _uses(path, forbidden)
        if hits:
            out[path.stem] = hits
    return out


PAGES = [*_modules("views"), ROOT / "app.py"]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_pages_reach_the_database_only_through_lib_ui_and_lib_services(page: Path) -> None:
    assert _uses(page, ("lib.queries", "lib.db", "sqlalchemy")) == []
    source = page.read_text(encoding="utf-8")
    assert "db_url(" not in source and "get_engine(" not in source


def test_data_pages_are_thin() -> None:
    """Every page with the shared filters is an opening and a list of sections (lib.ui.<feature>)."""
    from lib.auth.roles import Principal, Role
    from lib.ui.nav import pages_for

    admin = Principal(username="a", role=Role.ADMIN)
    evaluator = Principal(username="e", role=Role.EVALUATOR)
    files = {
        p.file for who in (admin, evaluator) for ps in pages_for(who, False).values() for p in ps if p.filters
    }
    assert {"kepuasan.py", "pengaduan.py", "dampak_pelatihan.py", "prioritas.py"} <= files
    long = {f: n for f in files if (n := len((ROOT / "views" / f).read_text().splitlines())) >= 100}
    assert long == {}


#: Analyses still reading the database or writing words (issue 12): none left; keep it so.
ANALYSIS_NOT_YET_PURE: dict[str, list[str]] = {}


def test_analyses_are_pure_functions_over_frames() -> None:
    """No engine, no SQL, no session, no translation, nothing above them (services, ui, results)."""
    forbidden = (
        "lib.queries",
        "lib.db",
        "sqlalchemy",
        "sqlmodel",
        "lib.i18n",
        "lib.services",
        "lib.ui",
        "lib.results",
        "streamlit",
    )
    assert _violations("lib/analysis", forbidden) == ANALYSIS_NOT_YET_PURE


#: Queries that still call an analysis (issue 12); the list may only shrink. Writes of derived
#: data (predicted themes, models, labels) go through lib.services.complaint_themes, which
#: tells lib.results what changed.
QUERIES_USING_ANALYSIS: dict[str, list[str]] = {}


def test_queries_only_read_and_never_climb() -> None:
    forbidden = ("lib.analysis", "lib.services", "lib.ui", "lib.results", "streamlit")
    assert _violations("lib/queries", forbidden) == QUERIES_USING_ANALYSIS


def test_the_words_need_no_page_and_no_database() -> None:
    """lib.text turns results into sentences for the UI and the CLI alike: no streamlit, no reading."""
    forbidden = ("streamlit", "lib.ui", "lib.queries", "lib.db", "sqlalchemy", "lib.services", "lib.results")
    assert _modules("lib/text") and _violations("lib/text", forbidden) == {}


def test_services_know_nothing_of_pages() -> None:
    assert _violations("lib/services", ("streamlit", "lib.ui")) == {}


@pytest.mark.parametrize("path", _modules("lib/services"), ids=lambda p: p.stem)
def test_service_functions_are_keyword_only(path: Path) -> None:
    """``*, engine, scope, …``: a call names what it passes, so a swapped date or scope cannot slip by."""
    module = importlib.import_module(f"lib.services.{path.stem}")
    public = [
        f
        for name, f in inspect.getmembers(module, inspect.isfunction)
        if f.__module__ == module.__name__ and not name.startswith("_")
    ]
    assert public
    positional = {
        f.__name__: [p.name for p in inspect.signature(f).parameters.values() if p.kind is not p.KEYWORD_ONLY]
        for f in public
    }
    assert {name: params for name, params in positional.items() if params} == {}


#: lib.ui modules that still reach the database by URL instead of lib.ui.data.engine() (none left: keep it so).
UI_WITH_OWN_ENGINE: set[str] = set()


def test_one_engine_accessor_in_the_ui() -> None:
    """Only lib.ui.data turns the configured database into an engine; the rest of lib.ui asks it."""
    own = {
        p.stem
        for p in _modules("lib/ui")
        if "lib.db" in {n.rsplit(".", 1)[0] for n in _imports(p)} | _imports(p)
    }
    assert own - {"data"} == UI_WITH_OWN_ENGINE
