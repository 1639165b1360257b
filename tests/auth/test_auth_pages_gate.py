"""Every page passes through the sign-in gate and queries only within the principal's scope.

A page must not rely on app.py alone: Streamlit can run a page file directly
(with a ``pages/`` folder it does so for the first URL asked after a server start,
which is why the pages live in ``views/``), and then app.py's gate never runs. And a page that reads
``get_filters().scope`` instead of ``current_scope()`` would give a unit manager
the whole city whenever the sidebar has not constrained the filters.

``KNOWN_GAPS`` lists what pages still lack; it is empty and may only stay so: a new
page, or a new gap in an existing page, fails this test.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PAGES = Path(__file__).resolve().parents[2] / "views"
#: ``page_context`` (lib.ui.page) calls require_principal (or require_permission) and current_scope.
GATES = {"require_principal", "require_permission", "current_scope", "page_context"}

#: Empty now: every page gates itself. Keep it that way.
KNOWN_GAPS: dict[str, set[str]] = {}


def _called_name(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def page_gaps(source: str) -> set[str]:
    """What a page's source lacks: the gate, scope from current_scope only."""
    tree = ast.parse(source)
    gaps: set[str] = set()
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)]
    if not any(_called_name(c) in GATES for c in calls):
        gaps.add("no gate")
    # Filters.scope is the only ``.scope`` attribute pages have; reading it skips the role check.
    if any(isinstance(n, ast.Attribute) and n.attr == "scope" for n in ast.walk(tree)):
        gaps.add("reads filters.scope")
    wrapped = {id(arg) for c in calls if _called_name(c) == "current_scope" for arg in c.args}
    if any(_called_name(c) == "Scope" and id(c) not in wrapped for c in calls):
        gaps.add("builds a Scope outside current_scope")
    return gaps


@pytest.mark.parametrize("page", sorted(PAGES.glob("*.py")), ids=lambda p: p.name)
def test_page_passes_through_the_gate_and_scopes_its_queries(page: Path) -> None:
    gaps = page_gaps(page.read_text())
    allowed = KNOWN_GAPS.get(page.name, set())
    assert gaps <= allowed, f"{page.name}: {sorted(gaps - allowed)}"


def test_the_checker_finds_each_gap() -> None:
    assert page_gaps("import streamlit as st\nst.write(1)\n") == {"no gate"}
    assert page_gaps("f = get_filters()\nrequire_principal()\nq(f.scope)\n") == {"reads filters.scope"}
    assert page_gaps("filters = get_filters()\nrequire_principal()\nq(filters.scope)\n") == {
        "reads filters.scope"
    }
    assert page_gaps("require_principal()\nq(get_filters().scope)\n") == {"reads filters.scope"}
    assert page_gaps("q(Scope(path_prefix=p))\nscope = current_scope()\n") == {
        "builds a Scope outside current_scope"
    }
    assert page_gaps("scope = current_scope(Scope(path_prefix=p))\n") == set()
