"""The served configuration shows no internals and has one door for data leaving.

``client.showErrorDetails = "none"``: a user never sees a traceback with server
paths (a kinerja file with period ``0000`` showed ``ValueError: year 0 is out of
range`` through ``lib/ui/upload.py``). ``client.disableDataExport = true``: the
table toolbar's "Download as CSV" exported complaint texts raw and unaudited for
every ``st.dataframe`` on every page; exports go through
``lib.ui.auth.audited_download_button`` and ``lib.safe_export`` instead. The
browser test (tests/e2e/test_security_browser.py) checks the toolbar itself.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _config() -> dict:
    return tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))


def test_no_error_details_and_no_toolbar_export() -> None:
    client = _config()["client"]
    assert client["showErrorDetails"] == "none"
    assert client["disableDataExport"] is True


def test_streamlit_reads_the_same_values() -> None:
    """Guards against a key Streamlit would silently ignore (a typo, a renamed option)."""
    from streamlit import config

    config.get_config_options(force_reparse=True)
    assert config.get_option("client.showErrorDetails") == "none"
    assert config.get_option("client.disableDataExport") is True
    assert config.get_option("server.enableXsrfProtection") is True
    assert config.get_option("runner.postScriptGC") is False


def test_no_full_collection_after_every_run() -> None:
    """Streamlit's ``gc.collect(2)`` after every script run walked every open session's objects
    (14 of a run's 60 ms with twenty sessions, in a py-spy profile under bench/bench_load.py)."""
    assert _config()["runner"]["postScriptGC"] is False


def test_times_are_shown_on_the_citys_clock() -> None:
    """23:30 UTC on 30 Nov is 06:30 WIB on 1 Dec; nothing known is a dash, not "None"."""
    from datetime import UTC, datetime

    from lib.ui.results import local_time, updated_text

    assert updated_text(datetime(2026, 11, 30, 23, 30, tzinfo=UTC), "id") == "1 Des 2026 06.30 WIB"
    assert local_time(None) == "–"
    assert local_time(datetime(2026, 11, 30, 23, 30)).endswith("06.30 WIB")  # naive = UTC as stored
