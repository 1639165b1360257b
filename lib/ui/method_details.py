"""Two depths of language on a page: the conclusion in plain words, the statistics behind "Rincian metode".

A leader reads what happened, how sure we are and what to do; an evaluator opens the
expander for the method, the interval and the test. Every analysis draws both through
:func:`conclusion_with_details`, so the expander is named and placed the same way everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Generic, TypeVar

import streamlit as st

from lib.ui.format import MethodDetails, method_details
from lib.ui.state import get_lang

#: The "Rincian metode" mark.
DETAILS_ICON = ":material/functions:"


def conclusion_with_details(
    conclusion: str, lines: list[str], *, expanded: bool = False, key: str | None = None
) -> MethodDetails:
    """Draw ``conclusion`` (Markdown the caller made safe) and, when there are any, ``lines`` in the expander.

    With ``key`` the expander is a :func:`lazy_expander`: its lines are built and sent only
    while it is open (opening it reruns the page, or the enclosing fragment).
    Returns what was drawn, for tests and for exports that print the same two depths.
    """
    details = method_details(conclusion, lines, get_lang())
    st.markdown(details.conclusion)
    if details.lines:
        if key is None:
            with st.expander(details.title, expanded=expanded, icon=DETAILS_ICON):
                st.markdown(details.markdown)
        else:
            with details_expander(key=key) as box:
                if box.open:
                    st.markdown(details.markdown)
    return details


def lazy_expander(label: str, key: str, *, icon: str | None = None):  # type: ignore[no-untyped-def]
    """A collapsed expander that tells whether it is open (``.open``), so its content is drawn only then.

    Streamlit sends and the browser draws a collapsed expander's content on every run; behind
    this one, nothing is built until the reader opens it (which reruns the enclosing
    fragment). The open state is kept under ``key`` for the session.
    """
    return st.expander(label, icon=icon, key=key, on_change="rerun")


T = TypeVar("T")


def lazy_tabs(views: Mapping[str, Callable[[], T]], *, key: str, default: str | None = None) -> dict[str, T]:
    """Tabs labelled by ``views``' keys, of which only the open one is built, sent and drawn.

    Plain tabs send and draw every tab's content on every run, unseen; here a click on a tab
    reruns the page (``on_change="rerun"``) and calls that tab's function alone. The open tab
    is kept under ``key`` for the session (``default`` opens first, else the first label).
    Returns ``{label: result}`` for the tab drawn in this run.
    """
    labels = list(views)
    tabs = st.tabs(labels, default=default if default is not None else labels[0], key=key, on_change="rerun")
    drawn: dict[str, T] = {}
    for label, box in zip(labels, tabs, strict=True):
        with box:
            if box.open:
                drawn[label] = views[label]()
    return drawn


V = TypeVar("V")


@dataclass
class LazyWidgets(Generic[V]):
    """The widgets behind a :func:`lazy_widgets` expander: whether it is open, and their values.

    ``values`` holds every value in force, drawn or not; draw each widget (only ``if .open``)
    with ``key=widgets.key(name)`` and no starting value of its own.
    """

    open: bool
    values: dict[str, V]
    prefix: str
    drawn: set[str] = field(default_factory=set)

    def key(self, name: str) -> str:
        """The session key of the widget for ``name``, holding the value in force before it is drawn.

        Streamlit forgets a widget's value in a run that does not draw it: the value is put back
        under the key so a reopened widget starts where the reader left it.
        """
        key = f"{self.prefix}{name}"
        if key not in st.session_state:
            st.session_state[key] = self.values[name]
        self.drawn.add(name)
        return key


@contextmanager
def lazy_widgets(
    label: str,
    open_key: str,
    store_key: str,
    defaults: Mapping[str, V],
    *,
    prefix: str,
    valid: Callable[[str, V], bool] | None = None,
    icon: str | None = None,
) -> Iterator[LazyWidgets[V]]:
    """A :func:`lazy_expander` of widgets (sliders, pickers) whose values stay in force while it is closed.

    Closed, as most readers leave it, the expander sends none of its widgets, yet a choice made
    in it must still apply: the values are kept under ``store_key``. In each run the value of
    ``name`` is the widget's own (session key ``prefix + name``) while it is drawn, else the one
    kept, else ``defaults[name]``; a value ``valid`` refuses (a filter option the period no longer
    offers) reads as the default, as the widget would show it. ``with lazy_widgets(…) as w:
    if w.open: st.slider(…, key=w.key(name))``; after the block, ``w.values`` holds the values
    in force, drawn widgets' included, and they are kept for the next run.
    """
    kept = {**defaults, **st.session_state.get(store_key, {})}
    values: dict[str, V] = {}
    for name, default in defaults.items():
        value = st.session_state.get(f"{prefix}{name}", kept[name])
        values[name] = value if valid is None or valid(name, value) else default
    with lazy_expander(label, open_key, icon=icon) as box:
        widgets = LazyWidgets(open=bool(box.open), values=values, prefix=prefix)
        yield widgets
    for name in widgets.drawn:
        widgets.values[name] = st.session_state[f"{prefix}{name}"]
    st.session_state[store_key] = dict(widgets.values)


def details_expander(*, expanded: bool = False, key: str | None = None):  # type: ignore[no-untyped-def]
    """The "Rincian metode" expander itself, for statistics that are tables or charts, not lines.

    ``with details_expander(): st.dataframe(...)``; named and marked as in :func:`conclusion_with_details`.
    With ``key`` it is a :func:`lazy_expander`: draw its content only ``if box.open``.
    """
    title = method_details("", [], get_lang()).title
    if key is not None:
        return lazy_expander(title, key, icon=DETAILS_ICON)
    return st.expander(title, expanded=expanded, icon=DETAILS_ICON)
