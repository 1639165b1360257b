"""Password hashing and policy: Argon2id, salted, rehash on weaker parameters, length rules."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from lib.auth.passwords import (
    MIN_PASSWORD_LENGTH,
    WeakPassword,
    check_password_policy,
    hash_password,
    needs_rehash,
    verify_password,
)


def test_hash_verifies_only_the_right_password() -> None:
    stored = hash_password("kopi-susu-medan-2026")
    assert stored.startswith("$argon2id$")
    assert "kopi-susu" not in stored
    assert verify_password(stored, "kopi-susu-medan-2026")
    assert not verify_password(stored, "kopi-susu-medan-2025")
    assert not verify_password(stored, "")


def test_same_password_hashes_differently_each_time() -> None:
    assert hash_password("sama-saja-password") != hash_password("sama-saja-password")


def test_missing_or_corrupt_hash_never_verifies() -> None:
    assert not verify_password(None, "anything-at-all")
    assert not verify_password("", "anything-at-all")
    assert not verify_password("not-a-hash", "anything-at-all")
    assert not verify_password("$argon2id$v=19$m=65536,t=3,p=4$broken", "anything-at-all")


def test_absurdly_long_password_is_refused_without_hashing() -> None:
    stored = hash_password("x" * 20)
    assert not verify_password(stored, "x" * 100_000)


def test_hash_with_weaker_parameters_needs_rehash() -> None:
    weak = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash("lama-sekali-password")
    assert needs_rehash(weak)
    assert verify_password(weak, "lama-sekali-password")  # still accepted, so it can be upgraded
    assert not needs_rehash(hash_password("lama-sekali-password"))
    assert needs_rehash("garbage")


@pytest.mark.parametrize(
    ("password", "username"),
    [
        ("", None),
        ("          ", None),
        ("a" * (MIN_PASSWORD_LENGTH - 1), None),
        ("x" * 1025, None),
        ("Evaluator01", "evaluator01"),
    ],
)
def test_policy_refuses_weak_passwords(password: str, username: str | None) -> None:
    with pytest.raises(WeakPassword):
        check_password_policy(password, username=username)


def test_policy_accepts_a_long_passphrase() -> None:
    check_password_policy("bika ambon enak sekali", username="evaluator01")


def test_production_cost_is_the_rfc_9106_low_memory_profile() -> None:
    assert hash_password("bika ambon enak sekali").startswith("$argon2id$v=19$m=65536,t=3,p=4$")
