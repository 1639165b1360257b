"""AppTest of the admin pages (Pengguna, Log Audit): admins only, and what they do is logged."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from lib.auth.audit import read_audit, utc_now
from lib.auth.users import authenticate, create_user, get_user
from lib.ui.auth import PRINCIPAL_KEY, SIGNED_IN_AT_KEY

PAGES = Path(__file__).resolve().parents[2] / "views"
PASSWORD = "rahasia-kota-medan"


@pytest.fixture
def accounts(engine: Engine, tree) -> None:  # type: ignore[no-untyped-def]
    create_user(engine, username="admin", role="admin", password=PASSWORD, actor="setup")
    create_user(engine, username="eva", role="evaluator", password=PASSWORD, actor="setup")
    create_user(engine, username="kadis", role="pimpinan", password=PASSWORD, actor="setup")
    create_user(
        engine, username="camat.a", role="manager", unit_code="KEC-A", password=PASSWORD, actor="setup"
    )


def _page(
    name: str, db_url: str, engine: Engine, username: str | None, monkeypatch: pytest.MonkeyPatch
) -> AppTest:
    """The page run standalone, as a signed-in ``username`` (None: nobody signed in)."""
    monkeypatch.setenv("DATABASE_URL", db_url)
    at = AppTest.from_file(str(PAGES / name), default_timeout=60)
    if username is not None:
        at.session_state[PRINCIPAL_KEY] = authenticate(engine, username, PASSWORD).principal
        at.session_state[SIGNED_IN_AT_KEY] = utc_now()
    return at.run()


@pytest.mark.parametrize("page_file", ["pengguna.py", "audit.py"])
@pytest.mark.parametrize("username", ["eva", "kadis", "camat.a"])
def test_other_roles_are_refused_and_the_attempt_logged(
    page_file: str,
    username: str,
    db_url: str,
    engine: Engine,
    accounts: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    at = _page(page_file, db_url, engine, username, monkeypatch)
    assert not at.exception
    assert at.error[0].value == "Anda tidak memiliki akses ke halaman ini."
    assert not at.dataframe and not at.title
    assert read_audit(engine, limit=1).iloc[0][["username", "action"]].tolist() == [username, "access_denied"]


@pytest.mark.parametrize("page_file", ["pengguna.py", "audit.py"])
def test_pages_are_behind_the_gate_even_when_run_directly(
    page_file: str, db_url: str, engine: Engine, accounts: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _page(page_file, db_url, engine, None, monkeypatch)
    assert at.title[0].value == "Masuk ke Telaah" and not at.dataframe


@pytest.mark.parametrize("page_file", ["pengguna.py", "audit.py"])
def test_demo_mode_never_reaches_admin_pages(
    page_file: str, db_url: str, engine: Engine, accounts: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TELAAH_DEMO_MODE", "1")
    at = _page(page_file, db_url, engine, None, monkeypatch)
    assert at.error[0].value == "Anda tidak memiliki akses ke halaman ini." and not at.dataframe


def test_admin_lists_and_adds_users(
    db_url: str, engine: Engine, accounts: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _page("pengguna.py", db_url, engine, "admin", monkeypatch)
    assert not at.exception
    table = at.dataframe[0].value
    assert list(table["Nama pengguna"]) == ["admin", "camat.a", "eva", "kadis"]
    assert "KEC-A" in list(table["Unit"])
    assert not any("argon2" in str(v) for v in table.to_numpy().ravel())

    at.text_input[0].input("lurah.b1")
    at.text_input[1].input("Pak Lurah")
    at.selectbox[0].set_value("manager")
    at.selectbox[1].set_value("KEL-B1")
    at.text_input[3].input("lurah-b1-password")
    at.text_input[4].input("lurah-b1-password")
    at.button[0].click().run()
    assert not at.exception
    assert at.success[0].value == "Pengguna lurah.b1 ditambahkan."
    added = get_user(engine, "lurah.b1")
    assert (added.role, added.unit_code, added.full_name) == ("manager", "KEL-B1", "Pak Lurah")
    entry = read_audit(engine, actions=["user_added"]).iloc[0]
    assert entry["username"] == "admin" and '"user": "lurah.b1"' in entry["detail"]


def test_admin_sees_account_errors_as_messages(
    db_url: str, engine: Engine, accounts: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _page("pengguna.py", db_url, engine, "admin", monkeypatch)
    at.text_input[0].input("mgr.tanpa.unit")
    at.selectbox[0].set_value("manager")
    at.text_input[3].input("cukup-panjang-sandi")
    at.text_input[4].input("cukup-panjang-sandi")
    at.button[0].click().run()
    assert not at.exception
    assert "needs a unit" in at.error[0].value
    assert get_user(engine, "mgr.tanpa.unit") is None


def test_admin_disables_an_account_but_not_their_own(
    db_url: str, engine: Engine, accounts: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _page("pengguna.py", db_url, engine, "admin", monkeypatch)
    at.selectbox(key="telaah_user_pick").set_value("eva").run()
    next(b for b in at.button if b.label == "Nonaktifkan").click().run()
    assert not at.exception
    assert not get_user(engine, "eva").active
    at.selectbox(key="telaah_user_pick").set_value("admin").run()
    next(b for b in at.button if b.label == "Nonaktifkan").click().run()
    assert at.error[0].value == "Anda tidak dapat menonaktifkan akun Anda sendiri."
    assert get_user(engine, "admin").active


def test_admin_reads_the_audit_log(
    db_url: str, engine: Engine, accounts: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    authenticate(engine, "eva", "salah-sandi-sekali")
    at = _page("audit.py", db_url, engine, "admin", monkeypatch)
    assert not at.exception
    log = at.dataframe[0].value
    assert list(log["Kejadian"][:2]) == ["Masuk", "Gagal masuk"]  # admin's own sign-in, then eva's failure
    assert list(log["Pengguna"][:2]) == ["admin", "eva"]
    at.multiselect[0].set_value(["sign_in_failed"]).run()
    assert list(at.dataframe[0].value["Pengguna"]) == ["eva"]
    at.text_input[0].input("nobody").run()
    assert at.info[0].value == "Tidak ada kejadian yang cocok."
