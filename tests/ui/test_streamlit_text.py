"""Streamlit's English widget words are replaced in Indonesian, scoped to one uploader, and left alone in English."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from lib.ui.auth import DEMO_ROLE_KEY
from lib.ui.state import LANG_KEY
from lib.ui.streamlit_text import date_input_css, upload_limits_text, uploader_css

PAGE = str(Path(__file__).resolve().parents[2] / "views" / "unggah.py")


def test_limits_line_reads_like_streamlits_but_in_indonesian() -> None:
    assert upload_limits_text("id", 200, ["csv", ".xlsx"]) == "Maksimal 200 MB per berkas • CSV, XLSX"
    assert upload_limits_text("id", 50) == "Maksimal 50 MB per berkas"
    assert upload_limits_text("en", 200, ["csv"]) == "200 MB per file • CSV"


def test_uploader_css_replaces_the_three_texts_of_one_widget_only() -> None:
    css = uploader_css("unggah_file", "id", 200, ["csv", "xlsx"])
    zone = ".st-key-unggah_file [data-testid='stFileUploaderDropzone']"
    assert f"{zone} button [data-testid='stMarkdownContainer'] p{{font-size:0 !important;}}" in css
    assert 'content:"Unggah"' in css
    assert 'content:"Seret dan lepas berkas di sini"' in css
    assert 'content:"Maksimal 200 MB per berkas • CSV, XLSX"' in css
    # Every rule is scoped to the keyed widget.
    rules = [rule for rule in css.split("}") if rule]
    assert len(rules) == 6 and all(rule.startswith(".st-key-unggah_file ") for rule in rules)


def test_nothing_is_injected_in_english() -> None:
    assert uploader_css("unggah_file", "en", 200, ["csv"]) == ""
    assert date_input_css("en") == ""
    assert "stDateInputQuickSelect" in date_input_css("id")


def test_a_key_that_cannot_be_a_css_class_is_refused() -> None:
    with pytest.raises(ValueError, match="CSS class"):
        uploader_css("a b{}", "id", 200)


@pytest.mark.parametrize(("lang", "injected"), [("id", True), ("en", False)])
def test_upload_page_injects_the_texts_in_indonesian_only(
    lang: str, injected: bool, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))
    monkeypatch.setenv("TELAAH_DEMO_MODE", "1")
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.session_state[DEMO_ROLE_KEY] = "evaluator"
    at.session_state[LANG_KEY] = lang
    at.run()
    assert not at.exception
    styles = [e.proto.body for e in at.get("html") if "st-key-unggah_file" in e.proto.body]
    assert bool(styles) is injected
    if injected:
        assert 'content:"Unggah"' in styles[0]


def test_catalog_text_cannot_break_out_of_the_style_element() -> None:
    """The one HTML sink holds only escaped CSS strings: no quote ends them, no "<" ends the <style>."""
    from lib.ui.streamlit_text import _css_string

    hostile = '</style><script>alert(1)</script>" } body{display:none'
    literal = _css_string(hostile)
    assert "<" not in literal and ">" not in literal
    assert literal.startswith('"') and literal.endswith('"')
    assert '\\"' in literal and literal.count('"') - literal.count('\\"') == 2


@pytest.mark.parametrize(("lang", "injected"), [("id", True), ("en", False)])
def test_custom_period_hides_the_date_pickers_english_quick_select(
    lang: str, injected: bool, demo_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", demo_database_url)
    monkeypatch.setenv("TELAAH_DEMO_MODE", "1")
    at = AppTest.from_file(str(Path(PAGE).parents[1] / "app.py"), default_timeout=120)
    at.session_state[LANG_KEY] = lang
    at.session_state["telaah_period_preset"] = "custom"
    at.run()
    assert not at.exception
    assert at.get("date_input"), "the custom period shows the date picker"
    hidden = any("stDateInputQuickSelect" in e.proto.body for e in at.get("html"))
    assert hidden is injected
