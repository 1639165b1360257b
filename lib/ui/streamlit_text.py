"""Streamlit's own English words in the Indonesian interface, replaced where Streamlit allows it.

Streamlit 1.67 has no locale setting, and its widgets take no parameter for these
texts: the file uploader's button ("Upload"), its limits line ("200MB per file •
CSV, XLSX, TXT, TSV"), its drag overlay ("Drag and drop a file here") and the
date-range picker's quick-select ("Date range", "Select..." and English preset
names) are hard-coded in the frontend. The only lever left is CSS: the English
text is drawn at size zero and a pseudo-element shows the Indonesian text in the
same colour and weight. The selectors are the ``data-testid`` attributes that
Streamlit's own tests rely on; uploader rules are scoped to one widget by the
``st-key-<key>`` class Streamlit gives a keyed widget, so nothing else is touched.
In English nothing is injected. (The calendar's month and weekday names stay
English: Streamlit fixes that widget's locale to en-US.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import streamlit as st

from lib.i18n import translate
from lib.ui.state import get_lang

#: Size of the uploader's texts in Streamlit's default theme (14px), restored on the pseudo-element.
_TEXT_SIZE = "0.875rem"
_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def _css_string(text: str) -> str:
    """``text`` as a CSS string literal that cannot end the string or the ``<style>`` element.

    Backslashes and quotes are escaped, ``<`` and ``>`` written as CSS escapes, line breaks dropped:
    whatever a catalog text holds, it stays text inside ``content:``.
    """
    escaped = (
        text.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("<", "\\3C ")
        .replace(">", "\\3E ")
        .replace("\n", " ")
    )
    return f'"{escaped}"'


def _replace(selector: str, text: str) -> str:
    """Rules that hide ``selector``'s own text and show ``text`` in its place, in the same style."""
    return (
        f"{selector}{{font-size:0 !important;}}"
        f"{selector}::after{{content:{_css_string(text)};font-size:{_TEXT_SIZE};line-height:1.6;}}"
    )


def upload_limits_text(lang: str, max_mb: int, types: Sequence[str] | None = None) -> str:
    """The uploader's limits line as Streamlit writes it (``200MB per file • CSV, XLSX``), in ``lang``."""
    text = translate("widget.upload.limits", lang, size=f"{max_mb} MB")
    if types:
        text += " • " + ", ".join(t.lstrip(".").upper() for t in types)
    return text


def uploader_css(key: str, lang: str, max_mb: int, types: Sequence[str] | None = None) -> str:
    """CSS replacing the English texts of the uploader with widget key ``key``; empty in English."""
    if not _KEY.match(key):
        raise ValueError(f"widget key {key!r} cannot be used in a CSS class (letters, digits, _ and - only)")
    if lang == "en":
        return ""
    zone = f".st-key-{key} [data-testid='stFileUploaderDropzone']"
    return "".join(
        (
            _replace(
                f"{zone} button [data-testid='stMarkdownContainer'] p",
                translate("widget.upload.button", lang),
            ),
            _replace(f"{zone} > div:not([data-testid]) > span", translate("widget.upload.drop", lang)),
            _replace(
                f"{zone} [data-testid='stFileUploaderDropzoneInstructions'] span",
                upload_limits_text(lang, max_mb, types),
            ),
        )
    )


def date_input_css(lang: str) -> str:
    """CSS hiding the date-range picker's English quick-select ("Date range / Select..."); empty in English.

    The sidebar offers its own period presets in the user's language, so nothing is lost.
    """
    return "" if lang == "en" else "[data-testid='stDateInputQuickSelect']{display:none !important;}"


def _inject(css: str) -> None:
    """The one HTML sink of this module: a ``<style>`` built from catalog texts and code constants only.

    Every text went through :func:`_css_string` and the widget key through ``_KEY``, so no
    ``<`` reaches the element (tests/auth/test_auth_hardening.py allows this sink by name).
    """
    if css and "<" not in css:
        st.html(f"<style>{css}</style>")


def localise_file_uploader(key: str, types: Sequence[str] | None = None) -> None:
    """Show the uploader ``key``'s button, limits line and drag overlay in the user's language.

    ``types`` are the extensions the uploader accepts (as given to ``st.file_uploader``),
    named in the limits line as Streamlit does. Call once per run from the page that has
    the uploader, anywhere on it.
    """
    max_mb = int(st.get_option("server.maxUploadSize"))
    _inject(uploader_css(key, get_lang(), max_mb, types))


def localise_date_inputs() -> None:
    """Hide the date pickers' English quick-select in the Indonesian interface (every date input of the run)."""
    _inject(date_input_css(get_lang()))
