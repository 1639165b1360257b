"""AppTest of the sign-in gate: nothing behind it without a valid sign-in, in every mode."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from lib.auth.audit import read_audit, utc_now
from lib.auth.users import create_user, set_active
from lib.ui.auth import PRINCIPAL_KEY, SIGNED_IN_AT_KEY
from lib.ui.state import FILTERS_KEY, Filters, default_filters

GATE = str(Path(__file__).with_name("gate_app.py"))
PASSWORD = "rahasia-kota-medan"
FAILED = "Nama pengguna atau kata sandi salah"


@pytest.fixture
def app(db_url: str, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("DATABASE_URL", db_url)
    return AppTest.from_file(GATE, default_timeout=60)


@pytest.fixture
def accounts(engine: Engine, tree) -> None:  # type: ignore[no-untyped-def]
    create_user(engine, username="eva", role="evaluator", password=PASSWORD, actor="admin")
    create_user(
        engine, username="camat.a", role="manager", unit_code="KEC-A", password=PASSWORD, actor="admin"
    )
    create_user(engine, username="kadis", role="pimpinan", email="kadis@medan.go.id", actor="admin")


def _texts(at: AppTest) -> list[str]:
    return [t.value for t in at.text]


def _content_shown(at: AppTest) -> bool:
    return any(h.value == "protected content" for h in at.header)


def _sign_in(at: AppTest, username: str, password: str) -> AppTest:
    at.text_input[0].input(username)
    at.text_input[1].input(password)
    return at.button[0].click().run()


def test_without_sign_in_only_the_form_is_shown(app: AppTest, accounts: None) -> None:
    app.run()
    assert not app.exception
    assert app.title[0].value == "Masuk ke Telaah"
    assert [w.label for w in app.text_input] == ["Nama pengguna", "Kata sandi"]
    assert not _content_shown(app)


def test_wrong_password_shows_an_error_and_no_content(engine: Engine, app: AppTest, accounts: None) -> None:
    _sign_in(app.run(), "eva", "bukan-password-nya")
    assert not app.exception
    assert FAILED in app.error[0].value
    assert not _content_shown(app)
    assert PRINCIPAL_KEY not in app.session_state
    assert read_audit(engine, actions=["sign_in_failed"]).iloc[0]["username"] == "eva"


def test_unknown_user_gets_the_same_message(app: AppTest, accounts: None) -> None:
    _sign_in(app.run(), "nobody", PASSWORD)
    assert FAILED in app.error[0].value and not _content_shown(app)


def test_right_password_shows_content_and_the_account_box(
    engine: Engine, app: AppTest, accounts: None
) -> None:
    _sign_in(app.run(), "EVA", PASSWORD)
    assert not app.exception
    assert _content_shown(app)
    assert "role=evaluator" in _texts(app) and "scope=None" in _texts(app)
    assert "Masuk sebagai eva · Evaluator" in _texts(app)
    assert read_audit(engine, actions=["sign_in"]).iloc[0]["username"] == "eva"
    assert not app.error


def test_lock_holds_in_the_form_even_for_the_right_password(app: AppTest, accounts: None) -> None:
    app.run()
    for attempt in range(5):
        _sign_in(app, "eva", f"salah-{attempt}-sandi")
    _sign_in(app, "eva", PASSWORD)
    assert FAILED in app.error[0].value
    assert not _content_shown(app)


def test_manager_is_held_to_own_subtree_whatever_the_filters_say(
    engine: Engine, app: AppTest, accounts: None
) -> None:
    _sign_in(app.run(), "camat.a", PASSWORD)
    assert "scope=/KEC-A/" in _texts(app)
    # A forged filter (as if a URL parameter or a stale widget had set it) is refused, not obeyed.
    period = default_filters()
    app.session_state[FILTERS_KEY] = Filters(period.date_from, period.date_to, unit_path="/KEC-B/")
    app.run()
    assert not app.exception
    assert "Unit yang diminta berada di luar cakupan" in app.error[0].value
    assert not any(t.startswith("scope=") for t in _texts(app))
    denied = read_audit(engine, actions=["access_denied"]).iloc[0]
    assert denied["username"] == "camat.a" and "/KEC-B/" in denied["detail"]


def test_disabling_an_account_ends_its_session_at_the_next_click(
    engine: Engine, app: AppTest, accounts: None
) -> None:
    _sign_in(app.run(), "eva", PASSWORD)
    assert _content_shown(app)
    set_active(engine, "eva", False, actor="admin")
    app.run()
    assert not _content_shown(app)
    assert "Sesi Anda berakhir" in app.info[0].value


def test_session_expires(app: AppTest, accounts: None) -> None:
    _sign_in(app.run(), "eva", PASSWORD)
    app.session_state[SIGNED_IN_AT_KEY] = utc_now() - timedelta(hours=13)
    app.run()
    assert not _content_shown(app) and app.title[0].value == "Masuk ke Telaah"


def test_sign_out(engine: Engine, app: AppTest, accounts: None) -> None:
    _sign_in(app.run(), "eva", PASSWORD)
    app.sidebar.button(key="telaah_sign_out").click().run()
    assert not _content_shown(app) and app.title[0].value == "Masuk ke Telaah"
    assert read_audit(engine, limit=1).iloc[0]["action"] == "sign_out"


def test_demo_mode_is_labelled_and_lets_the_visitor_pick_a_role(
    app: AppTest, tree, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("TELAAH_DEMO_MODE", "1")
    app.run()
    assert not app.exception
    assert "Mode demo — tanpa login" in app.warning[0].value
    assert not app.sidebar.warning  # once, in the main area; the sidebar's picker says "Peran demo"
    assert "role=pimpinan" in _texts(app)
    picker = app.sidebar.selectbox(key="telaah_demo_role__id")
    assert picker.options == ["Pimpinan", "Evaluator", "Pengelola unit"]  # never admin
    picker.set_value("manager").run()
    assert "role=manager" in _texts(app)
    assert "scope=/DINKES/" in _texts(app)  # the first unit in path order
    app.sidebar.selectbox(key="telaah_demo_unit__id").set_value("KEL-B1").run()
    assert "scope=/KEC-B/KEL-B1/" in _texts(app)


def test_demo_mode_is_off_unless_asked_for(app: AppTest, tree, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("TELAAH_DEMO_MODE", "0")
    app.run()
    assert not app.warning and not _content_shown(app)


OIDC_SECRETS = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "test-cookie-secret",
    "client_id": "telaah",
    "client_secret": "test-client-secret",
    "server_metadata_url": "https://sso.example.test/realms/medan/.well-known/openid-configuration",
}


def test_oidc_shows_a_sign_in_button_and_no_password_form(app: AppTest, accounts: None) -> None:
    app.secrets["auth"] = OIDC_SECRETS
    app.user = {"is_logged_in": False}
    app.run()
    assert not app.exception
    assert [b.label for b in app.button] == ["Masuk dengan akun kantor"]
    assert not app.text_input and not _content_shown(app)


def test_oidc_identity_with_an_account_gets_its_role(engine: Engine, app: AppTest, accounts: None) -> None:
    app.secrets["auth"] = OIDC_SECRETS
    app.user = {"is_logged_in": True, "email": "Kadis@Medan.go.id", "name": "Ibu Kadis"}
    app.run()
    assert not app.exception
    assert "role=pimpinan" in _texts(app)
    assert read_audit(engine, actions=["sign_in"]).iloc[0]["detail"] == '{"method": "oidc"}'


def test_oidc_identity_without_an_account_sees_nothing(engine: Engine, app: AppTest, accounts: None) -> None:
    app.secrets["auth"] = OIDC_SECRETS
    app.user = {"is_logged_in": True, "email": "stranger@gmail.com"}
    app.run()
    app.run()  # a rerun must not log a second failure
    assert not app.exception and not _content_shown(app)
    assert "belum terdaftar" in app.error[0].value
    assert "stranger@gmail.com" in _texts(app)
    assert len(read_audit(engine, actions=["sign_in_failed"])) == 1


def test_named_oidc_providers_get_one_button_each(app: AppTest, accounts: None) -> None:
    app.secrets["auth"] = {
        "redirect_uri": OIDC_SECRETS["redirect_uri"],
        "cookie_secret": "x",
        "keycloak": {k: OIDC_SECRETS[k] for k in ("client_id", "client_secret", "server_metadata_url")},
        "google": {k: OIDC_SECRETS[k] for k in ("client_id", "client_secret", "server_metadata_url")},
    }
    app.user = {"is_logged_in": False}
    app.run()
    assert [b.label for b in app.button] == ["Masuk dengan keycloak", "Masuk dengan google"]


def test_exports_are_audited_with_user_and_scope(engine: Engine, app: AppTest, accounts: None) -> None:
    _sign_in(app.run(), "camat.a", PASSWORD)
    next(b for b in app.button if b.label == "catat ekspor").click().run()
    app.download_button[0].click().run()
    assert not app.exception
    exports = read_audit(engine, actions=["export"])
    assert list(exports["username"]) == ["camat.a", "camat.a"]
    assert json.loads(exports.iloc[0]["detail"]) == {
        "file": "x.csv",
        "kind": "test",
        "path": "/KEC-A/",
        "region": None,
        "rows": 1,
    }
    assert json.loads(exports.iloc[1]["detail"]) == {"kind": "ikm_unit", "rows": 3}


def test_an_empty_installation_explains_how_to_create_the_first_admin(app: AppTest, tree) -> None:  # type: ignore[no-untyped-def]
    app.run()
    assert "Belum ada akun" in app.info[0].value
    assert app.code[0].value == "python -m lib user add admin --role admin"
    assert not _content_shown(app)


def test_the_hint_disappears_once_an_account_exists(app: AppTest, accounts: None) -> None:
    app.run()
    assert not app.info and not app.code
