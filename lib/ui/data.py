"""The engine for the dashboard, cached once per server process."""

from __future__ import annotations

import streamlit as st
from sqlalchemy import Engine

from lib.db import ensure_schema, get_engine


@st.cache_resource(show_spinner=False)
def engine() -> Engine:
    """Migrated engine from ``DATABASE_URL`` (or the SQLite file)."""
    return ensure_schema(get_engine())


def clear_caches() -> None:
    """Call after anything writes data (import, undo, demo load)."""
    st.cache_data.clear()
