"""``lazy_tabs``: only the open tab's content is built, and the page reads what it returned.

The pages' own tests open their tabs (Kepuasan, Dampak, Pengaduan, Prioritas:
``tests/ui/test_lazy_sections.py``); here the helper alone, on a three-tab script.
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _script() -> None:
    import streamlit as st

    from lib.ui.method_details import lazy_tabs

    built: list[str] = []

    def view(name: str):  # type: ignore[no-untyped-def]
        def draw() -> str:
            built.append(name)
            st.markdown(f"isi {name}")
            return name.upper()

        return draw

    drawn = lazy_tabs(
        {"Satu": view("satu"), "Dua": view("dua"), "Tiga": view("tiga")}, key="tab", default="Dua"
    )
    st.session_state["built"] = built
    st.session_state["drawn"] = drawn


def test_only_the_open_tab_is_built_and_returns_its_result() -> None:
    at = AppTest.from_function(_script).run()
    assert not at.exception
    assert [tab.label for tab in at.tabs] == ["Satu", "Dua", "Tiga"]
    # the default opens first: only its content is built and sent
    assert at.session_state["built"] == ["dua"] and at.session_state["drawn"] == {"Dua": "DUA"}
    assert [m.value for m in at.markdown] == ["isi dua"]
    at.session_state["tab"] = "Tiga"  # as the reader's click on a tab does (a rerun)
    at.run()
    assert at.session_state["built"] == ["tiga"] and at.session_state["drawn"] == {"Tiga": "TIGA"}
    assert [m.value for m in at.markdown] == ["isi tiga"]
