"""Deployment hardening that code review would otherwise have to re-check by hand.

XSRF protection and the upload cap come from ``.streamlit/config.toml``; secrets
stay out of git; no user text can reach the browser as HTML.
"""

from __future__ import annotations

import ast
import subprocess
import tomllib
from pathlib import Path

import pytest

from lib.settings import get_settings

ROOT = Path(__file__).resolve().parents[2]
UI_FILES = sorted([ROOT / "app.py", *(ROOT / "views").glob("*.py"), *(ROOT / "lib" / "ui").glob("*.py")])


def test_xsrf_protection_is_on_and_uploads_are_capped() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    server = config.get("server", {})
    assert server.get("enableXsrfProtection", True) is True
    assert server.get("enableCORS", True) is True
    assert 0 < server["maxUploadSize"] <= get_settings().max_upload_mb


def test_secrets_file_is_ignored_and_never_tracked() -> None:
    ignored = subprocess.run(
        ["git", "check-ignore", "-q", ".streamlit/secrets.toml"], cwd=ROOT, check=False
    ).returncode
    assert ignored == 0, ".streamlit/secrets.toml must be listed in .gitignore"
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert not [f for f in tracked.splitlines() if f.endswith("secrets.toml") or f.endswith(".env")]


def test_secrets_template_has_the_oidc_section_with_placeholders_only() -> None:
    example = tomllib.loads((ROOT / ".streamlit" / "secrets.toml.example").read_text())
    auth = example["auth"]
    assert set(auth) == {"redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url"}
    assert auth["redirect_uri"].endswith("/oauth2callback")
    assert "GANTI" in auth["cookie_secret"] and "GANTI" in auth["client_secret"]


#: Vetted sinks (file, enclosing function) that render no user text: each has its own escaping test.
#: streamlit_text._inject: a <style> of catalog texts and code constants, CSS-escaped, no "<" inside.
#: html_table.draw_table: a table whose every text html.escape writes (tests/ui/test_html_table.py).
VETTED_SINKS = {("streamlit_text.py", "_inject"), ("html_table.py", "draw_table")}


def _html_sinks(path: Path) -> list[str]:
    """Calls that would render their argument as HTML, unless that argument is a plain literal."""
    problems = []
    tree = ast.parse(path.read_text(), filename=str(path))
    vetted = {
        id(call)
        for func in ast.walk(tree)
        if isinstance(func, ast.FunctionDef) and (path.name, func.name) in VETTED_SINKS
        for call in ast.walk(func)
    }
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or id(node) in vetted:
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        unsafe = any(
            k.arg == "unsafe_allow_html"
            and not (isinstance(k.value, ast.Constant) and k.value.value is False)
            for k in node.keywords
        )
        if unsafe or name in {"html"}:
            first = node.args[0] if node.args else None
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                problems.append(f"{path.name}:{node.lineno} {name}(...) renders a non-literal as HTML")
    return problems


@pytest.mark.parametrize("path", UI_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_computed_text_is_rendered_as_html(path: Path) -> None:
    assert _html_sinks(path) == []


def test_the_html_check_catches_what_it_should(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import streamlit as st\n"
        "st.markdown('<b>fixed</b>', unsafe_allow_html=True)\n"
        "st.markdown(f'<b>{name}</b>', unsafe_allow_html=True)\n"
        "st.html(user_text)\n"
        "st.markdown(user_text)\n"
    )
    assert [line.split()[0] for line in _html_sinks(sample)] == ["sample.py:3", "sample.py:4"]
