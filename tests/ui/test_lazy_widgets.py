"""``lazy_widgets``: widgets built only while their expander is open, their values kept while it is closed.

The pages' own tests check the same on Prioritas (the weight sliders, ``tests/ui/test_page_elements.py``)
and Dampak (the programme filters, ``tests/impact/test_impact_page.py``); here the helper alone,
on a two-widget script.
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

OPEN, KEPT = "choices_open", "choices_kept"


def _script() -> None:
    import streamlit as st

    from lib.ui.method_details import lazy_widgets

    defaults: dict[str, str | int] = {"weight": 10, "kind": "a"}
    with lazy_widgets(
        "Pilihan",
        "choices_open",
        "choices_kept",
        defaults,
        prefix="w_",
        valid=lambda name, value: name != "kind" or value in ("a", "b"),
    ) as widgets:
        if widgets.open:
            st.slider("Bobot", 0, 50, step=5, key=widgets.key("weight"))
            st.selectbox("Jenis", ["a", "b"], key=widgets.key("kind"))
    st.session_state["in_force"] = dict(widgets.values)


def _run(at: AppTest, opened: bool) -> AppTest:
    at.session_state[OPEN] = opened  # as the reader's click on the expander does
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_values_are_kept_while_closed_and_shown_again_when_reopened() -> None:
    at = _run(AppTest.from_function(_script), opened=False)
    assert not at.slider and not at.selectbox  # closed: nothing built
    assert at.session_state["in_force"] == {"weight": 10, "kind": "a"}
    _run(at, opened=True)
    assert at.slider[0].value == 10 and at.selectbox[0].value == "a"  # the defaults to start with
    at.slider[0].set_value(35).run()
    at.selectbox[0].select("b").run()
    assert at.session_state["in_force"] == {"weight": 35, "kind": "b"}
    _run(at, opened=False)
    assert not at.slider and not at.selectbox
    assert at.session_state["in_force"] == {"weight": 35, "kind": "b"}  # still in force
    _run(at, opened=False)  # a second closed run: Streamlit has forgotten the widgets by now
    assert at.session_state["in_force"] == {"weight": 35, "kind": "b"}
    _run(at, opened=True)
    assert at.slider[0].value == 35 and at.selectbox[0].value == "b"  # where the reader left them


def test_a_kept_value_no_longer_offered_reads_as_the_default() -> None:
    at = AppTest.from_function(_script)
    at.session_state[KEPT] = {"weight": 20, "kind": "gone"}
    _run(at, opened=False)
    assert at.session_state["in_force"] == {"weight": 20, "kind": "a"}
    _run(at, opened=True)
    assert at.slider[0].value == 20 and at.selectbox[0].value == "a"
