"""Settings follow the environment at once, without being rebuilt on every call."""

from __future__ import annotations

import pytest

from lib import settings as settings_module
from lib.settings import get_settings


def test_settings_follow_a_changed_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "sqlite:////tmp/one.db")
    first = get_settings()
    assert first.database_url == "sqlite:////tmp/one.db"
    assert get_settings() is first  # asked again with nothing changed: the same object
    monkeypatch.setenv("DATABASE_URL", "sqlite:////tmp/two.db")
    assert get_settings().database_url == "sqlite:////tmp/two.db"
    monkeypatch.setenv("MAX_UPLOAD_MB", "12")
    assert get_settings().max_upload_mb == 12
    monkeypatch.delenv("MAX_UPLOAD_MB")
    assert get_settings().max_upload_mb == 200


def test_settings_follow_a_changed_env_file(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("MAX_UPLOAD_MB", raising=False)
    env_file = tmp_path / ".env"
    monkeypatch.setattr(settings_module, "ENV_FILE", env_file)
    monkeypatch.setitem(settings_module.Settings.model_config, "env_file", env_file)
    env_file.write_text("MAX_UPLOAD_MB=7\n")
    assert get_settings().max_upload_mb == 7
    env_file.write_text("MAX_UPLOAD_MB=9\n")
    import os

    stat = env_file.stat()
    os.utime(env_file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert get_settings().max_upload_mb == 9
