"""Password hashing with Argon2id (argon2-cffi), the OWASP-recommended default.

Hashes carry their own parameters, so raising the cost later needs no migration:
:func:`needs_rehash` tells the sign-in code to store a fresh hash after the next
successful sign-in.
"""

from __future__ import annotations

from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

#: RFC 9106 "low memory" profile (argon2-cffi's default): about 50 ms and 64 MiB per hash.
_HASHER = PasswordHasher()

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 1024


@lru_cache(maxsize=1)
def dummy_hash() -> str:
    """A hash of a fixed string, verified against when the username is unknown so that a failed
    sign-in takes the same time whether or not the account exists. Made on first use, not at
    import: hashing costs 64 MiB and tens of milliseconds on every dashboard start."""
    return _HASHER.hash("telaah-dummy-password-for-timing")


class WeakPassword(ValueError):
    """A new password that does not meet the minimum policy."""


def check_password_policy(password: str, *, username: str | None = None) -> None:
    """Refuse passwords that are too short, too long, blank, or the username itself.

    Length is what matters most (NIST SP 800-63B); composition rules are not imposed.
    """
    if not password or not password.strip():
        raise WeakPassword("password is empty")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise WeakPassword(f"password must have at least {MIN_PASSWORD_LENGTH} characters")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise WeakPassword(f"password must have at most {MAX_PASSWORD_LENGTH} characters")
    if username and password.strip().lower() == username.strip().lower():
        raise WeakPassword("password must not be the username")


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when ``password`` matches; False for a mismatch or a missing/corrupt hash.

    A missing hash (an SSO-only account) is still checked against :func:`dummy_hash`
    so the time taken does not reveal that the account has no password.
    """
    if len(password) > MAX_PASSWORD_LENGTH:
        return False
    try:
        if not password_hash:
            _HASHER.verify(dummy_hash(), password)
            return False
        return _HASHER.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """Whether a stored hash was made with weaker parameters than today's."""
    try:
        return _HASHER.check_needs_rehash(password_hash)
    except InvalidHashError:
        return True
