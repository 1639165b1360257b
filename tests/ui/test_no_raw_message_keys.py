"""Every page speaks both languages: no untranslated message key ever reaches the screen."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from lib.i18n import catalog
from lib.ui.auth import DEMO_ROLE_KEY
from lib.ui.state import LANG_KEY
from tests.auth.test_role_matrix import _everything_shown

VIEWS = Path(__file__).resolve().parents[2] / "views"
PAGES = (
    "ringkasan.py",
    "kepuasan.py",
    "pengaduan.py",
    "dampak_pelatihan.py",
    "prioritas.py",
    "status_data.py",
    "unggah.py",
)
#: A shown string that is exactly a catalog key, or looks like one of its areas' keys.
AREAS = sorted({key.split(".")[0] for key in catalog()})
KEY_PATTERN = re.compile(r"\b(?:" + "|".join(map(re.escape, AREAS)) + r")\.[a-z_]+(?:\.[a-z_0-9]+)*\b")


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_page_shows_no_message_key(
    page: str, lang: str, demo_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", demo_database_url)
    monkeypatch.setenv("TELAAH_DEMO_MODE", "1")
    at = AppTest.from_file(str(VIEWS / page), default_timeout=240)
    at.session_state[DEMO_ROLE_KEY] = "evaluator"
    at.session_state[LANG_KEY] = lang
    at.run()
    assert not at.exception, at.exception
    shown = _everything_shown(at)
    raw = sorted({m for m in KEY_PATTERN.findall(shown) if m in catalog() or m.count(".") >= 1})
    raw = [m for m in raw if not re.search(r"\.(csv|xlsx|pdf|py|db|com|id)$", m)]
    assert raw == [], f"{page} ({lang}) shows message keys: {raw[:8]}"
