"""Local accounts: creation rules, sign-in, lockout with back-off, slow-down, disabling, rehash."""

from __future__ import annotations

import hashlib
import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import Engine, select, update

import lib.auth.users as users_module
from lib.auth.audit import read_audit
from lib.auth.passwords import needs_rehash
from lib.auth.roles import Role
from lib.auth.users import (
    AccountError,
    AuthOutcome,
    authenticate,
    create_user,
    get_user,
    list_users,
    lock_duration,
    principal_for_user_id,
    set_active,
    set_password,
    unlock_user,
)
from lib.models import AppUser

PASSWORD = "rahasia-kota-medan"
T0 = datetime(2026, 3, 2, 8, 0, 0, tzinfo=UTC)


def _add(engine: Engine, username: str = "eva", role: str = "evaluator", **kwargs: object):  # type: ignore[no-untyped-def]
    kwargs.setdefault("password", PASSWORD)
    return create_user(engine, username=username, role=role, actor="admin", **kwargs)  # type: ignore[arg-type]


def test_create_and_list_users_without_exposing_hashes(engine: Engine, tree) -> None:  # type: ignore[no-untyped-def]
    _add(engine, "Eva", full_name="Eva Siregar")
    _add(engine, "camat.a", role="Manager", unit_code="KEC-A", email="Camat.A@Medan.go.id")
    listed = list_users(engine)
    assert [u.username for u in listed] == ["camat.a", "eva"]
    manager = listed[0]
    assert (manager.role, manager.unit_code, manager.unit_id) == ("manager", "KEC-A", tree["KEC-A"][0])
    assert manager.email == "camat.a@medan.go.id"
    assert manager.has_password and manager.active and manager.failed_attempts == 0
    assert not hasattr(manager, "password_hash")
    log = read_audit(engine)
    assert list(log["action"]) == ["user_added", "user_added"]
    assert set(log["username"]) == {"admin"}
    assert PASSWORD not in " ".join(log["detail"])


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"username": "eva"}, "already exists"),
        ({"username": "EVA "}, "already exists"),
        ({"username": "x", "role": "evaluator"}, "username must be"),
        ({"username": "bad name", "role": "evaluator"}, "username must be"),
        ({"username": "boss", "role": "superuser"}, "unknown role"),
        ({"username": "mgr1", "role": "manager"}, "needs a unit"),
        ({"username": "mgr1", "role": "manager", "unit_code": "NOPE"}, "unknown unit code"),
        ({"username": "pim1", "role": "pimpinan", "unit_code": "KEC-A"}, "only for role manager"),
        ({"username": "pim1", "role": "pimpinan", "password": None}, "needs a password"),
        ({"username": "pim1", "role": "pimpinan", "password": "short"}, "at least 10"),
        ({"username": "pim1", "role": "pimpinan", "password": ""}, "empty"),
        ({"username": "pim1", "role": "pimpinan", "email": "not-an-email"}, "not an e-mail"),
        ({"username": "pim1", "role": "pimpinan", "email": "EVA@medan.go.id"}, "already belongs"),
    ],
)
def test_create_refuses_bad_requests(engine: Engine, tree, kwargs: dict, message: str) -> None:  # type: ignore[no-untyped-def]
    _add(engine, "eva", email="eva@medan.go.id")
    kwargs = {"role": "evaluator", **kwargs}
    with pytest.raises(AccountError, match=message):
        _add(engine, **kwargs)
    assert [u.username for u in list_users(engine)] == ["eva"]


def test_sso_only_account_has_no_password_and_cannot_sign_in_locally(engine: Engine) -> None:
    _add(engine, "kadis", role="pimpinan", password=None, email="kadis@medan.go.id")
    assert not get_user(engine, "kadis").has_password
    assert authenticate(engine, "kadis", "").outcome is AuthOutcome.INVALID
    assert authenticate(engine, "kadis", "telaah-dummy-password-for-timing").outcome is AuthOutcome.INVALID


def test_right_password_signs_in_with_role_and_unit_path(engine: Engine, tree) -> None:  # type: ignore[no-untyped-def]
    _add(engine, "camat.a", role="manager", unit_code="KEL-A1", full_name="Budi")
    result = authenticate(engine, "  Camat.A ", PASSWORD, now=T0)
    assert result.ok
    p = result.principal
    assert (p.username, p.role, p.unit_code, p.unit_path) == (
        "camat.a",
        Role.MANAGER,
        "KEL-A1",
        "/KEC-A/KEL-A1/",
    )
    assert p.method == "local" and p.full_name == "Budi" and p.user_id is not None
    assert get_user(engine, "camat.a").last_login_at == T0
    entry = read_audit(engine, actions=["sign_in"]).iloc[0]
    assert entry["username"] == "camat.a"


def test_wrong_password_and_unknown_user_fail_alike_and_are_logged(engine: Engine) -> None:
    _add(engine)
    wrong = authenticate(engine, "eva", "salah-password-nih")
    unknown = authenticate(engine, "nobody", "salah-password-nih")
    assert wrong.outcome is unknown.outcome is AuthOutcome.INVALID
    assert wrong.principal is None and unknown.principal is None
    assert get_user(engine, "eva").failed_attempts == 1
    failed = read_audit(engine, actions=["sign_in_failed"])
    assert sorted(failed["username"]) == ["eva", users_module.audit_name_for_unknown("nobody")]
    assert all("salah-password" not in d for d in failed["detail"])


def test_a_password_typed_as_username_is_not_stored(engine: Engine) -> None:
    _add(engine)
    authenticate(engine, "Rahasia-Sekali-2025", "whatever-password")
    stored = read_audit(engine, actions=["sign_in_failed"]).iloc[0]["username"]
    assert stored == "unknown-" + hashlib.sha256(b"rahasia-sekali-2025").hexdigest()[:8]
    assert "rahasia" not in stored.lower()


def test_parallel_guesses_get_no_more_than_five_password_checks(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ten sessions guessing at once: the count is taken atomically before each check."""
    _add(engine)
    checked: list[str] = []
    real = users_module.verify_password

    def counting(stored_hash: str | None, password: str) -> bool:
        if stored_hash is not None:
            checked.append(password)
            time.sleep(0.05)  # a slow hash widens the race window the old code lost
        return real(stored_hash, password)

    monkeypatch.setattr(users_module, "verify_password", counting)
    barrier = threading.Barrier(10)
    outcomes: list[AuthOutcome] = []

    def guess(i: int) -> None:
        barrier.wait(timeout=30)
        outcomes.append(authenticate(engine, "eva", f"wrong-guess-{i}", now=T0, delay=0).outcome)

    threads = [threading.Thread(target=guess, args=(i,)) for i in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(checked) == 5
    assert sorted(outcomes) == sorted([AuthOutcome.INVALID] * 5 + [AuthOutcome.LOCKED] * 5)
    # the right password right after the fifth wrong one is refused without being checked
    assert authenticate(engine, "eva", PASSWORD, now=T0, delay=0).outcome is AuthOutcome.LOCKED
    assert len(checked) == 5
    assert get_user(engine, "eva").locked_until == T0 + timedelta(seconds=30)


def test_unknown_user_still_pays_for_a_hash_verification(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[object] = []
    real = users_module.verify_password
    monkeypatch.setattr(users_module, "verify_password", lambda h, p: calls.append(h) or real(h, p))
    authenticate(engine, "nobody", "whatever-password")
    assert calls == [None]  # verified against the dummy hash, like a real account


def test_lock_schedule_doubles_from_30_seconds_up_to_15_minutes() -> None:
    assert [lock_duration(n) for n in range(5)] == [None] * 5
    assert [lock_duration(n).total_seconds() for n in (5, 6, 7, 8, 9, 10, 50)] == [
        30,
        60,
        120,
        240,
        480,
        900,
        900,
    ]


def test_five_failures_lock_even_the_right_password_until_the_lock_expires(engine: Engine) -> None:
    _add(engine)
    for attempt in range(4):
        assert authenticate(engine, "eva", f"wrong-{attempt}-password", now=T0).outcome is AuthOutcome.INVALID
    assert get_user(engine, "eva").locked_until is None
    authenticate(engine, "eva", "wrong-5-password", now=T0)
    assert get_user(engine, "eva").locked_until == T0 + timedelta(seconds=30)

    locked = authenticate(engine, "eva", PASSWORD, now=T0 + timedelta(seconds=29))
    assert locked.outcome is AuthOutcome.LOCKED and locked.principal is None
    assert (
        read_audit(engine, actions=["sign_in_failed"], limit=1).iloc[0]["detail"]
        == '{"method": "local", "reason": "locked"}'
    )

    # One more wrong guess after the lock: locked again, twice as long.
    t1 = T0 + timedelta(seconds=31)
    assert authenticate(engine, "eva", "wrong-6-password", now=t1).outcome is AuthOutcome.INVALID
    assert get_user(engine, "eva").locked_until == t1 + timedelta(seconds=60)
    assert authenticate(engine, "eva", PASSWORD, now=t1 + timedelta(seconds=59)).outcome is AuthOutcome.LOCKED

    assert authenticate(engine, "eva", PASSWORD, now=t1 + timedelta(seconds=61)).ok
    after = get_user(engine, "eva")
    assert (after.failed_attempts, after.locked_until) == (0, None)


def test_each_failure_is_slowed_down_and_success_is_not(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add(engine)
    monkeypatch.setenv("TELAAH_AUTH_FAILURE_DELAY", "0.25")
    started = time.perf_counter()
    assert not authenticate(engine, "eva", "wrong-password-1").ok
    assert time.perf_counter() - started >= 0.25  # the real clock: the delay is really slept

    slept: list[float] = []
    monkeypatch.setattr(users_module.time, "sleep", slept.append)
    assert not authenticate(engine, "ghost", "wrong-password-1").ok
    assert not authenticate(engine, "eva", "wrong-password-2", delay=0.1).ok
    assert authenticate(engine, "eva", PASSWORD).ok
    assert slept == [0.25, 0.1]  # unknown user and explicit delay slowed; success not
    monkeypatch.setenv("TELAAH_AUTH_FAILURE_DELAY", "nonsense")
    assert users_module.failure_delay() == users_module.DEFAULT_FAILURE_DELAY


def test_disabled_account_cannot_sign_in_until_enabled(engine: Engine) -> None:
    _add(engine)
    set_active(engine, "eva", False, actor="admin")
    assert authenticate(engine, "eva", PASSWORD).outcome is AuthOutcome.DISABLED
    set_active(engine, "eva", True, actor="admin")
    assert authenticate(engine, "eva", PASSWORD).ok
    actions = list(read_audit(engine)["action"])
    assert actions[:4] == ["sign_in", "user_enabled", "sign_in_failed", "user_disabled"]


def test_set_password_and_unlock_lift_the_lock(engine: Engine) -> None:
    _add(engine)
    for _ in range(5):
        authenticate(engine, "eva", "wrong-password-x")
    assert authenticate(engine, "eva", PASSWORD).outcome is AuthOutcome.LOCKED
    unlock_user(engine, "eva", actor="admin")
    assert authenticate(engine, "eva", PASSWORD).ok

    for _ in range(5):
        authenticate(engine, "eva", "wrong-password-x")
    set_password(engine, "eva", "password-baru-sekali", actor="admin")
    assert not authenticate(engine, "eva", PASSWORD).ok
    assert authenticate(engine, "eva", "password-baru-sekali").ok
    with pytest.raises(AccountError, match="at least"):
        set_password(engine, "eva", "pendek", actor="admin")
    with pytest.raises(AccountError, match="no user"):
        set_password(engine, "nobody", "password-baru-sekali", actor="admin")


def test_weak_stored_hash_is_upgraded_at_sign_in(engine: Engine) -> None:
    _add(engine)
    weak = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash(PASSWORD)
    a = AppUser.__table__
    with engine.begin() as conn:
        conn.execute(update(a).where(a.c.username == "eva").values(password_hash=weak))
    assert authenticate(engine, "eva", PASSWORD).ok
    with engine.connect() as conn:
        stored = conn.execute(select(a.c.password_hash).where(a.c.username == "eva")).scalar_one()
    assert stored != weak and not needs_rehash(stored)
    assert authenticate(engine, "eva", PASSWORD).ok


def test_principal_is_reread_so_role_changes_and_disabling_apply_at_once(engine: Engine, tree) -> None:  # type: ignore[no-untyped-def]
    _add(engine)
    principal = authenticate(engine, "eva", PASSWORD).principal
    assert principal_for_user_id(engine, principal.user_id, "local") == principal
    a = AppUser.__table__
    with engine.begin() as conn:
        conn.execute(update(a).where(a.c.username == "eva").values(role="manager", unit_id=tree["KEC-B"][0]))
    changed = principal_for_user_id(engine, principal.user_id, "local")
    assert (changed.role, changed.unit_path) == (Role.MANAGER, "/KEC-B/")
    with engine.begin() as conn:
        conn.execute(update(a).where(a.c.username == "eva").values(role="root"))
    assert principal_for_user_id(engine, principal.user_id, "local") is None
    set_active(engine, "eva", False, actor="admin")
    assert principal_for_user_id(engine, principal.user_id, "local") is None
    assert principal_for_user_id(engine, 999_999, "local") is None


def test_client_address_is_recorded_for_auditors(engine: Engine) -> None:
    _add(engine)
    authenticate(engine, "eva", "wrong-password-1", client_ip="10.20.30.40")
    authenticate(engine, "eva", PASSWORD, client_ip="10.20.30.41")
    details = list(read_audit(engine, actions=["sign_in", "sign_in_failed"])["detail"])
    assert details == [
        '{"ip": "10.20.30.41", "method": "local"}',
        '{"failures": 1, "ip": "10.20.30.40", "method": "local", "reason": "invalid"}',
    ]
