"""User-supplied text shown as text: never as Markdown links, formatting, math or HTML.

Unit names, programme names and free texts come from uploads; Streamlit reads
Markdown in ``st.markdown``, captions, subheaders, alerts and metric labels. A
unit named ``[Sesi habis - masuk lagi](https://evil.example/login)`` became a
clickable link on Ringkasan and Kepuasan. Pass every such text through
:func:`plain` before it is put into a string Streamlit renders as Markdown.
"""

import re

#: Characters with a meaning in Streamlit's Markdown (CommonMark, GitHub tables and
#: strikethrough, ``$`` math, ``:color[...]``), each escaped with a backslash.
_MARKDOWN_SPECIAL = "\\`*_{}[]()<>#|~$!+-="
#: An invisible WORD JOINER breaks what GitHub-flavoured Markdown turns into links without
#: any Markdown syntax (``https://…``, ``www.…``, ``name@host``); escapes and HTML entities do not.
_JOINER = "\u2060"
_AUTOLINK = re.compile(r"(:)(//)|(www)(\.)|(@)", re.IGNORECASE)


def plain(text: object) -> str:
    """``text`` with every Markdown-special character backslash-escaped (shown literally).

    Line breaks become spaces: a name cannot start a heading, list or quote on a new line.
    Bare addresses get an invisible WORD JOINER after ``:`` of ``://``, after ``www`` and
    after ``@``, so they are not turned into links either; only strings rendered as Markdown
    may get this (a table cell or select option would keep the invisible character).
    """
    out = " ".join(str(text).split()) if text is not None else ""
    out = _AUTOLINK.sub(
        lambda m: _JOINER.join(g for g in m.groups() if g) + (_JOINER if m.group(5) else ""), out
    )
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch for ch in out)
