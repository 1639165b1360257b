"""Answer scales recognised per column from the set of values the column holds.

Questionnaires print the regulation's per-unsur labels (Mudah, Cepat, Murah…),
but many Google Forms use one scale for all nine questions: "Sangat Sesuai /
Sesuai / Kurang Sesuai / Tidak Sesuai", or Puas, Baik, Setuju… The column, not
the cell, decides: the distinct values of a column are read as one scale,
mapped 1–4 in order, and the mapping is shown to the evaluator, who may
correct it. A column whose values form a 5-level scale ("Sangat Tidak Puas …
Sangat Puas") or mix two scales is refused as a whole with the values found,
instead of one error per row.

A value is read as ``[number] [modifier] word`` where the modifier is one of
*sangat tidak*, *tidak*, *kurang*, *cukup*, nothing, *sangat*. Four-level
families use four of those in a fixed order:

=============  =====  ======  ======  ======
family         1      2       3       4
=============  =====  ======  ======  ======
T-K-X-S        tidak  kurang  X       sangat X
ST-T-X-S       sangat tidak  tidak  X  sangat X
T-C-X-S        tidak  cukup   X       sangat X
K-C-X-S        kurang cukup   X       sangat X
=============  =====  ======  ======  ======

When the values seen fit more than one family with different scores (only
"Tidak X", "X" and "Sangat X" present), the regulation's own pattern (T-K-X-S)
is taken and the column is marked *assumed*, so the preview asks for a check.
A leading number on every value ("4. Sangat Baik") is the questionnaire's own
score and wins, provided it stays within 1–4.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd
from pandas.api.types import is_numeric_dtype

from lib.ingest.labels import answer_score
from lib.ingest.values import clean_text, normalise_token

#: how a column's scale was found
NUMERIC, OFFICIAL, FAMILY, NUMBERED, ASSUMED, USER = (
    "numeric",
    "official",
    "family",
    "numbered",
    "assumed",
    "user",
)
#: a column holding one plain word only ("Sesuai" from every respondent): scored from the file's other columns
SINGLE = "single"
#: why a column's scale is refused
FIVE_LEVELS, MIXED, UNKNOWN = "five_levels", "mixed", "unknown"

_MODIFIERS = ("sangat tidak", "tidak", "kurang", "cukup", "sangat")
#: 4-level templates: modifier -> score ("" is the plain word)
_TEMPLATES: tuple[dict[str, int], ...] = (
    {"tidak": 1, "kurang": 2, "": 3, "sangat": 4},
    {"sangat tidak": 1, "tidak": 2, "": 3, "sangat": 4},
    {"tidak": 1, "cukup": 2, "": 3, "sangat": 4},
    {"kurang": 1, "cukup": 2, "": 3, "sangat": 4},
)
#: 5-level templates, recognised only to refuse them with a clear message
_FIVE_TEMPLATES: tuple[frozenset[str], ...] = (
    frozenset({"sangat tidak", "tidak", "cukup", "", "sangat"}),
    frozenset({"sangat tidak", "tidak", "kurang", "", "sangat"}),
    frozenset({"tidak", "kurang", "cukup", "", "sangat"}),
)
#: the middle answer of a 5-level scale, written as a word of its own
_NEUTRAL = {"netral", "ragu ragu", "biasa", "biasa saja", "cukup", "sedang", "tidak tahu"}

#: families whose words are not "modifier + word" (1 → 4), beyond the per-unsur labels
_FIXED_FAMILIES: tuple[tuple[str, str, str, str], ...] = (
    ("buruk", "cukup", "baik", "sangat baik"),
    ("sangat buruk", "buruk", "baik", "sangat baik"),
    ("sangat kurang", "kurang", "baik", "sangat baik"),
    ("tidak baik", "kurang baik", "baik", "sangat baik"),
    ("sangat mahal", "cukup mahal", "murah", "gratis"),
    ("sangat mahal", "mahal", "murah", "gratis"),
    ("sangat mahal", "mahal", "murah", "sangat murah"),
)
_FIXED_FIVE: tuple[tuple[str, ...], ...] = (
    ("sangat buruk", "buruk", "cukup", "baik", "sangat baik"),
    ("sangat kurang", "kurang", "cukup", "baik", "sangat baik"),
)

_LEADING_NUMBER = re.compile(r"^\s*\(?([0-9])\s*[.):\-]\s*(.+)$")
_TRAILING_NUMBER = re.compile(r"^(.+?)\s*[(\[]\s*([0-9])\s*[)\]]\s*$")
_LEADING_LETTER = re.compile(r"^\s*\(?[a-eA-E]\s*[.)]\s+(.+)$")


@dataclass
class ColumnScale:
    """The scale of one answer column: each distinct text value → score, and how it was found."""

    unsur: str
    how: str
    scores: dict[str, int] = field(default_factory=dict)
    #: set when the column is refused: FIVE_LEVELS, MIXED or UNKNOWN
    refused: str | None = None
    #: the distinct values (as written) of a refused column, most frequent first
    values: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.refused is None


def _split_value(text: str) -> tuple[int | None, str]:
    """``"4. Sangat Baik"`` → ``(4, "sangat baik")``; ``"Sangat baik (4)"`` likewise; letters dropped."""
    number = None
    if m := _LEADING_NUMBER.match(text):
        number, text = int(m.group(1)), m.group(2)
    elif m := _TRAILING_NUMBER.match(text):
        text, number = m.group(1), int(m.group(2))
    elif m := _LEADING_LETTER.match(text):
        text = m.group(1)
    return number, normalise_token(text)


def _modifier_and_word(token: str) -> tuple[str, str]:
    for modifier in _MODIFIERS:
        if token.startswith(modifier + " "):
            return modifier, token[len(modifier) + 1 :]
    return "", token


def _from_family(tokens: set[str]) -> tuple[str, dict[str, int] | None]:
    """Scores for a set of normalised labels of one word, or why they are not one 4-level scale."""
    for family in _FIXED_FAMILIES:
        if tokens <= set(family):
            return FAMILY, {t: family.index(t) + 1 for t in tokens}
    for family in _FIXED_FIVE:
        if tokens <= set(family) and len(tokens) >= 3 and "cukup" in tokens:
            return FIVE_LEVELS, None
    split = {t: _modifier_and_word(t) for t in tokens}
    if any(t in _NEUTRAL for t in tokens):
        return FIVE_LEVELS, None
    if len({w for _, w in split.values()}) > 1:
        return MIXED, None
    modifiers = {m for m, _ in split.values()}
    fitting = [template for template in _TEMPLATES if modifiers <= set(template)]
    if not fitting:
        if any(modifiers <= five for five in _FIVE_TEMPLATES):
            return FIVE_LEVELS, None
        return MIXED, None
    scores = {t: fitting[0][split[t][0]] for t in tokens}
    agreeing = all({t: tpl[split[t][0]] for t in tokens} == scores for tpl in fitting)
    return (FAMILY if agreeing else ASSUMED), scores


def _word_of(token: str) -> str:
    """The scale a label belongs to: its word without modifier, the fixed family it fits, or "neutral"."""
    if token in _NEUTRAL:
        return "~neutral"
    for number, family in enumerate((*_FIXED_FAMILIES, *_FIXED_FIVE)):
        if token in family:
            return f"~fixed{number}"
    return _modifier_and_word(token)[1]


#: share of a column's answers that may be stray values (typos) without refusing the column's scale
STRAY_SHARE = 0.05


def recognise_scale(raw: pd.Series, unsur: str) -> ColumnScale:
    """The scale of one answer column (see the module docstring).

    Values outside the recognised scale that are rare (at most
    :data:`STRAY_SHARE` of the answers) stay unmapped and are reported on
    their rows as unreadable answers; a second scale used often refuses the
    column.
    """
    if is_numeric_dtype(raw.dtype) and not pd.api.types.is_bool_dtype(raw.dtype):
        return ColumnScale(unsur, NUMERIC)
    counts = raw.map(clean_text).value_counts()
    labels: dict[str, int] = {}
    numeric_rows = 0
    for text, count in counts.items():
        if not isinstance(text, str):
            numeric_rows += int(count)
            continue
        try:
            float(text.replace(",", "."))
            numeric_rows += int(count)
        except ValueError:
            labels[text] = int(count)
    if not labels:
        return ColumnScale(unsur, NUMERIC)
    if numeric_rows >= sum(labels.values()):
        # a column of numbers with a few words: the words are typos unless they are the official labels
        official_only = {t: s for t in labels if isinstance(s := answer_score(unsur, t), int)}
        return ColumnScale(unsur, NUMERIC, official_only)
    total = sum(labels.values())
    ordered = list(labels)
    split = {t: _split_value(t) for t in labels}
    numbers = {n for n, _ in split.values()}
    if None not in numbers:
        if max(numbers) > 4 or min(numbers) < 1:  # type: ignore[type-var]
            return ColumnScale(unsur, NUMBERED, refused=FIVE_LEVELS, values=ordered)
        return ColumnScale(unsur, NUMBERED, {t: int(n) for t, (n, _) in split.items()})  # type: ignore[misc]
    official = {}
    for text, (_, token) in split.items():
        score = answer_score(unsur, token)
        if isinstance(score, int):
            official[text] = score
    official_share = sum(labels[t] for t in official) / total
    if official_share == 1:
        return ColumnScale(unsur, OFFICIAL, official)
    whole = {token for _, token in split.values()}
    if any(whole <= set(f) for f in (*_FIXED_FAMILIES, *_FIXED_FIVE)):
        how, scores = _from_family(whole)
        if scores is None:
            return ColumnScale(unsur, how, refused=how, values=ordered)
        return ColumnScale(unsur, how, {t: scores[split[t][1]] for t in labels})
    groups: dict[str, list[str]] = {}
    for text, (_, token) in split.items():
        groups.setdefault(_word_of(token), []).append(text)
    share = {w: sum(labels[t] for t in texts) / total for w, texts in groups.items()}
    main = max(share, key=share.__getitem__)
    chosen = list(groups[main])
    if main != "~neutral" and "~neutral" in groups and share["~neutral"] > STRAY_SHARE:
        chosen += groups["~neutral"]
    stray = 1 - sum(labels[t] for t in chosen) / total
    if official_share >= 1 - STRAY_SHARE and official_share >= 1 - stray:
        return ColumnScale(unsur, OFFICIAL, official)
    if stray > STRAY_SHARE:
        return ColumnScale(unsur, MIXED, refused=MIXED, values=ordered)
    tokens = {split[t][1] for t in chosen}
    if len(tokens) == 1 and not _modifier_and_word(next(iter(tokens)))[0]:
        # one plain word is no evidence of a scale ("bagus") unless another column uses it in one
        # (see recognise_scales); until then its rows are reported as unreadable
        return ColumnScale(unsur, SINGLE, official, values=chosen)
    how, scores = _from_family(tokens)
    if scores is None:
        return ColumnScale(unsur, how, refused=how, values=ordered)
    return ColumnScale(unsur, how, {t: scores[split[t][1]] for t in chosen})


def recognise_scales(frame: pd.DataFrame, unsur_columns: list[str]) -> dict[str, ColumnScale]:
    """Scales of every answer column, harmonised across the file.

    A column whose family fit was *assumed* takes the scores another column of
    the same file proves for the same modifiers (a "Sangat Tidak Puas" in one
    column settles what "Tidak Puas" means in the others).
    """
    scales = {u: recognise_scale(frame[u], u) for u in unsur_columns}
    by_token: dict[str, int] = {}
    for scale in scales.values():
        if scale.ok and scale.how in (OFFICIAL, FAMILY, ASSUMED, NUMBERED):
            for text, score in scale.scores.items():
                by_token.setdefault(_split_value(text)[1], score)
    for scale in scales.values():
        if scale.how == SINGLE:
            found = {t: by_token[_split_value(t)[1]] for t in scale.values if _split_value(t)[1] in by_token}
            if found:
                scale.scores = {**scale.scores, **found}
                scale.how, scale.values = FAMILY, []
    proven: dict[str, int] = {}
    for scale in scales.values():
        if scale.how == FAMILY:
            for text, score in scale.scores.items():
                modifier, _ = _modifier_and_word(_split_value(text)[1])
                proven.setdefault(modifier, score)
    if {"sangat tidak", "kurang", "cukup"} & set(proven):
        for scale in scales.values():
            if scale.how != ASSUMED:
                continue
            fixed = {}
            for text in scale.scores:
                modifier, _ = _modifier_and_word(_split_value(text)[1])
                fixed[text] = proven.get(modifier, scale.scores[text])
            if len(set(fixed.values())) == len(fixed):
                scale.scores, scale.how = fixed, FAMILY
    return scales


def apply_corrections(scale: ColumnScale, corrections: dict[str, int]) -> ColumnScale:
    """The evaluator's corrections (value → 1–4) laid over a recognised scale."""
    if not corrections:
        return scale
    scores = dict(scale.scores)
    for text, score in corrections.items():
        if text in scores or text in scale.values:
            scores[text] = int(score)
    missing = [v for v in scale.values if v not in scores]
    if scale.refused and not missing:
        return ColumnScale(scale.unsur, USER, scores)
    return ColumnScale(
        scale.unsur, USER if not scale.refused else scale.how, scores, scale.refused, scale.values
    )
