"""Fewer elements for the same page: text joined into one Markdown element, widgets and figures in a row.

On every rerun the browser re-renders every element a page sends, changed or not: about
1.5–2 ms of CPU per Markdown element and 2.5 ms per ``st.metric`` (headless Chromium,
Streamlit 1.67), and a block (a column, a container) costs like an element. One Markdown
element holding many paragraphs costs about as much as one. So consecutive lines (a
sentence and its caption, a heading and its list) go into one element, with the caption
written as :func:`note`, and figures or widgets that sit side by side go into one
horizontal container (:func:`side_by_side`) instead of a block per column.
"""

from __future__ import annotations

from typing import Literal

import streamlit as st
from streamlit.delta_generator import DeltaGenerator


def note(text: str) -> str:
    """``text`` in a caption's look (small, grey) inside a larger Markdown element.

    ``text`` is Markdown the caller made safe (names through :func:`lib.ui.text.plain`, whose
    escaped brackets cannot close the directive)."""
    return f":small[:gray[{text}]]"


def paragraphs(*parts: str | None) -> str:
    """The non-empty ``parts`` as one Markdown text, each its own paragraph."""
    return "\n\n".join(part for part in parts if part)


def text_block(*parts: str | None) -> None:
    """Draw the non-empty ``parts`` as one Markdown element (nothing when all are empty)."""
    body = paragraphs(*parts)
    if body:
        st.markdown(body)


def side_by_side(
    *, gap: Literal["small", "medium", "large"] = "medium", align: Literal["top", "center", "bottom"] = "top"
) -> DeltaGenerator:
    """A horizontal container: its elements side by side, wrapping when the page is narrow.
    One block where ``st.columns(n)`` sends ``n + 1``."""
    return st.container(horizontal=True, gap=gap, vertical_alignment=align)


class TextRun:
    """Lines gathered until something else is drawn, then drawn as one Markdown element.

    ``lines.add(heading)``; ``lines.add(note(caption))``; ``lines.draw()`` before a table or
    widget (and at the end): what was added since the last draw becomes one element."""

    def __init__(self) -> None:
        self._parts: list[str] = []

    def add(self, *parts: str | None) -> None:
        self._parts.extend(part for part in parts if part)

    def draw(self) -> None:
        text_block(*self._parts)
        self._parts.clear()
