"""Vectorised parsers from the cells users type to typed values.

Each parser takes a column as read (strings, or the Python objects openpyxl
returns for XLSX cells) and gives back the typed values plus a mask per kind of
failure, so that the validation schemas can name every bad cell. Work is done
on the *distinct* values of a column where that is cheaper (dates, labels):
a million survey rows hold a few thousand distinct dates.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache

import numpy as np
import pandas as pd
from pandas.api.types import is_numeric_dtype

#: Dates before this are refused as impossible for this product's records.
EARLIEST_DATE = date(1990, 1, 1)

_BLANK_TEXT = {"", "-", "–", "—", "nan", "none", "null", "n/a", "na", "#n/a"}


@dataclass
class Parsed:
    """Typed values of one column and, per failure code, the rows that failed."""

    values: pd.Series
    failures: dict[str, pd.Series] = field(default_factory=dict)

    def fail(self, code: str, mask: pd.Series) -> None:
        mask = mask.fillna(False).astype(bool)
        if code in self.failures:
            self.failures[code] = self.failures[code] | mask
        else:
            self.failures[code] = mask

    def failed(self) -> pd.Series:
        """Rows with any failure in this column."""
        out = pd.Series(False, index=self.values.index)
        for mask in self.failures.values():
            out |= mask
        return out


def blank_mask(raw: pd.Series) -> pd.Series:
    """True where a cell is empty (None/NaN, whitespace, or a dash-like placeholder)."""
    if is_numeric_dtype(raw.dtype):
        return raw.isna()
    missing = raw.isna()
    if raw.dtype == object or str(raw.dtype).startswith("str"):
        codes, uniques = pd.factorize(raw)
        if len(uniques) == 0:
            return missing
        is_blank_unique = np.array(
            [isinstance(u, str) and u.strip().lower() in _BLANK_TEXT for u in uniques], dtype=bool
        )
        return missing | pd.Series(
            np.where(codes >= 0, is_blank_unique[np.maximum(codes, 0)], False), index=raw.index
        )
    return missing


def _unique_results(raw: pd.Series, fn, fill):  # type: ignore[no-untyped-def]
    """``fn`` over the distinct values; returns (results per distinct value + fill, take indexer)."""
    codes, uniques = pd.factorize(raw)
    results = [fn(u) for u in uniques] + [fill]
    take = np.where(codes >= 0, codes, len(uniques))
    return results, take


def _column(results: list, take: np.ndarray, pick, index: pd.Index, dtype: object = object) -> pd.Series:  # type: ignore[no-untyped-def, type-arg]
    return pd.Series(np.array([pick(r) for r in results], dtype=dtype)[take], index=index, dtype=dtype)


def clean_text(value: object) -> str | None:
    """Strip and collapse a text cell; ``None`` for blanks."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(sep=" ")
    text = " ".join(str(value).split())
    return None if text.lower() in _BLANK_TEXT else text


_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=16_384)
def normalise_token(value: str) -> str:
    """Lower-case, accents removed, anything but letters and digits collapsed to one space.

    Cached, and ASCII text (nearly all of it) skips the Unicode decomposition, which
    leaves it unchanged: unit names are normalised on every upload.
    """
    text = value
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(_NOT_ALNUM.sub(" ", text.lower()).split())


# ---------------------------------------------------------------- text


#: NUL and other control characters: PostgreSQL refuses NUL in text, and none belongs in a name.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


_ESCAPED_BREAK = re.compile(r"\\r\\n|\\n|\\r")


def clean_long_text(value: object) -> str | None:
    """A free text (complaint, suggestion) with its line breaks kept; ``None`` for blanks.

    Spaces within a line are collapsed and blank lines squeezed to one. Line
    breaks an export escaped as the two characters ``\\n`` become real ones,
    so that a text reads, and is masked, the same whichever way it arrived.
    """
    if not isinstance(value, str):
        return clean_text(value)
    text = _ESCAPED_BREAK.sub("\n", value.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [" ".join(line.split()) for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    joined = "\n".join(out)
    return None if joined.lower() in _BLANK_TEXT else joined


def parse_text(raw: pd.Series, max_length: int | None = None, *, keep_lines: bool = False) -> Parsed:
    results, take = _unique_results(raw, clean_long_text if keep_lines else clean_text, None)
    parsed = Parsed(_column(results, take, lambda r: r, raw.index))
    parsed.fail(
        "control_character",
        _column(results, take, lambda r: r is not None and bool(_CONTROL.search(r)), raw.index, bool),
    )
    if max_length:
        parsed.fail(
            "too_long",
            _column(results, take, lambda r: r is not None and len(r) > max_length, raw.index, bool),
        )
    return parsed


# ---------------------------------------------------------------- numbers

_DEC_COMMA = re.compile(r"^[+-]?\d+,\d+$")
_THOUSANDS_DOT = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$")
_THOUSANDS_COMMA = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_PLAIN = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")


def number_from_text(value: object, integer: bool = False) -> float | None:
    """One cell to a float, understanding decimal comma and thousands separators.

    ``1.234`` is a thousand and more in an integer column (Indonesian thousands
    dot) but one and a bit in a decimal column; ``3,5`` is always three and a half.
    Returns NaN for text that is not a number, None for blanks.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        return float("nan")
    if isinstance(value, int | float | np.integer | np.floating):
        return float(value)
    text = str(value).strip().replace("\u00a0", "").replace(" ", "")
    if text.endswith("%"):
        text = text[:-1]
    if text.lower() in _BLANK_TEXT:
        return None
    if integer and re.fullmatch(r"[+-]?\d{1,3}([.,]\d{3})+", text):
        return float(re.sub(r"[.,]", "", text))
    if _PLAIN.match(text):
        return float(text)
    if _DEC_COMMA.match(text):
        return float(text.replace(",", "."))
    if _THOUSANDS_DOT.match(text):
        return float(text.replace(".", "").replace(",", "."))
    if _THOUSANDS_COMMA.match(text):
        return float(text.replace(",", ""))
    return float("nan")


def parse_number(
    raw: pd.Series, *, integer: bool = False, minimum: float | None = None, maximum: float | None = None
) -> Parsed:
    """Numbers with range checks. Failure codes: ``not_a_number``, ``not_whole``, ``out_of_range``."""
    if is_numeric_dtype(raw.dtype) and not pd.api.types.is_bool_dtype(raw.dtype):
        values = raw.astype("float64")
        not_number = pd.Series(False, index=raw.index)
    else:
        codes, uniques = pd.factorize(raw)
        numbers = np.array([number_from_text(u, integer) for u in uniques] + [None], dtype=object)
        bad = np.array([isinstance(n, float) and np.isnan(n) for n in numbers], dtype=bool)
        take = np.where(codes >= 0, codes, len(uniques))
        values = pd.Series(
            np.array([np.nan if n is None else n for n in numbers], dtype="float64")[take], index=raw.index
        )
        not_number = pd.Series(bad[take], index=raw.index)
    infinite = values.notna() & ~np.isfinite(values.to_numpy(dtype="float64"))
    if infinite.any():  # "1e999" reads as infinity: not a number anyone meant
        values = values.mask(infinite)
        not_number = not_number | infinite
    parsed = Parsed(values)
    parsed.fail("not_a_number", not_number)
    if integer:
        parsed.fail("not_whole", values.notna() & (values != np.floor(values)))
    out = pd.Series(False, index=raw.index)
    if minimum is not None:
        out |= values < minimum
    if maximum is not None:
        out |= values > maximum
    parsed.fail("out_of_range", out & values.notna())
    return parsed


# ---------------------------------------------------------------- dates

_MONTHS = {
    "jan": 1, "januari": 1, "january": 1,
    "feb": 2, "februari": 2, "pebruari": 2, "february": 2,
    "mar": 3, "maret": 3, "march": 3,
    "apr": 4, "april": 4,
    "mei": 5, "may": 5,
    "jun": 6, "juni": 6, "june": 6,
    "jul": 7, "juli": 7, "july": 7,
    "agu": 8, "agt": 8, "agus": 8, "agustus": 8, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9,
    "okt": 10, "oktober": 10, "oct": 10, "october": 10,
    "nov": 11, "nop": 11, "november": 11, "nopember": 11,
    "des": 12, "desember": 12, "dec": 12, "december": 12,
}  # fmt: skip

_TIME = r"(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:\s*([AaPp][Mm]))?(?:\s*(?:GMT|UTC)?\s*[+-]\d{1,2}(?::?\d{2})?|\s*Z)?)?"
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})" + _TIME + r"$")
_DAY_FIRST = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})" + _TIME + r"$")
_NAMED = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})" + _TIME + r"$")

#: sentinel results of :func:`date_from_cell`
NOT_A_DATE = "not_a_date"
IMPOSSIBLE_DATE = "impossible_date"


def _clock(match: re.Match[str]) -> tuple[int, int, int] | None:
    """Hour, minute, second of a matched time of day (12-hour clock with AM/PM understood)."""
    if match.group(4) is None:
        return None
    hour, minute, second = int(match.group(4)), int(match.group(5)), int(match.group(6) or 0)
    meridiem = (match.group(7) or "").lower()
    if meridiem == "pm" and hour < 12:
        hour += 12
    elif meridiem == "am" and hour == 12:
        hour = 0
    return hour, minute, second


def date_from_cell(value: object, keep_time: bool = False) -> tuple[date | None, bool] | str:
    """One cell to ``(date, has_time_of_day)``, or a failure code.

    Accepts ``YYYY-MM-DD``, day-first ``DD/MM/YYYY`` (and ``-``/``.``), Google
    Forms' ``YYYY/MM/DD hh:mm:ss AM GMT+7``, ``14 Maret 2025``, Python dates from
    XLSX cells and Excel serial numbers. Day-first is never swapped for
    month-first: ``3/14/2025`` is refused, not reinterpreted. With
    ``keep_time`` a cell with a time of day gives a :class:`datetime` (local
    wall-clock time as written; an offset is not converted).
    """
    if value is None:
        return (None, False)
    if isinstance(value, datetime):
        has_time = value.time() != datetime.min.time()
        return (value.replace(tzinfo=None) if keep_time and has_time else value.date(), has_time)
    if isinstance(value, date):
        return (value, False)
    if isinstance(value, int | float | np.integer | np.floating) and not isinstance(value, bool):
        if np.isnan(value):
            return (None, False)
        if 20000 <= float(value) <= 80000:  # Excel serial day number
            serial = float(value)
            has_time = serial != int(serial)
            if keep_time and has_time:
                return (datetime(1899, 12, 30) + timedelta(seconds=round(serial * 86400)), True)
            return (date(1899, 12, 30) + timedelta(days=int(serial)), has_time)
        return NOT_A_DATE
    text = " ".join(str(value).split())
    if text.lower() in _BLANK_TEXT:
        return (None, False)
    for pattern, order in ((_ISO, "ymd"), (_DAY_FIRST, "dmy"), (_NAMED, "dNy")):
        match = pattern.match(text)
        if not match:
            continue
        a, b, c = match.group(1), match.group(2), match.group(3)
        if order == "ymd":
            year, month, day = int(a), int(b), int(c)
        elif order == "dmy":
            day, month, year = int(a), int(b), int(c)
            if len(c) == 2:
                year += 2000
        else:
            month_number = _MONTHS.get(b.lower())
            if month_number is None:
                return NOT_A_DATE
            day, month, year = int(a), month_number, int(c)
        clock = _clock(match)
        try:
            if keep_time and clock is not None:
                return (datetime(year, month, day, *clock), True)
            return (date(year, month, day), clock is not None)
        except ValueError:
            return IMPOSSIBLE_DATE
    return NOT_A_DATE


def parse_date(
    raw: pd.Series, *, today: date | None = None, allow_future: bool = False, keep_time: bool = False
) -> Parsed:
    """Dates. Failure codes: ``not_a_date``, ``impossible_date``, ``future_date``, ``too_old``.

    ``values`` holds ``datetime64[s]`` (NaT for blanks and failures); the
    returned object's ``has_time`` tells which cells carried a time of day
    (Google Forms timestamps), used for the duplicate check of survey rows.
    With ``keep_time`` those cells keep their time in ``moments`` (NaT where
    the cell had a date only) while ``values`` stays the calendar day.
    """
    today = today or date.today()
    source = raw
    extra_time = None
    if keep_time:
        results, take = _unique_results(raw, lambda v: date_from_cell(v, keep_time=True), (None, False))
        index = raw.index
        moments = _column(
            results,
            take,
            lambda r: (
                np.datetime64(r[0], "s")
                if isinstance(r, tuple) and isinstance(r[0], datetime)
                else np.datetime64("NaT", "s")
            ),
            index,
            "datetime64[s]",
        )
        results = [
            (r[0].date(), r[1]) if isinstance(r, tuple) and isinstance(r[0], datetime) else r for r in results
        ]
        parsed = _date_result(results, take, index, today, allow_future)
        parsed.moments = moments  # type: ignore[attr-defined]
        return parsed
    if raw.dtype == object or str(raw.dtype).startswith("str"):
        n_unique = len(pd.unique(raw))
        if n_unique > 5000 and n_unique > 0.2 * len(raw):
            # timestamps: nearly every cell differs; parse the date part, keep the time flag
            is_text = raw.map(lambda v: isinstance(v, str))
            as_text = raw.where(is_text, None).astype(object)
            extra_time = as_text.str.contains(":", regex=False, na=False).astype(bool)
            source = as_text.str.strip().str.split(n=1).str[0].where(is_text, raw)
    results, take = _unique_results(source, date_from_cell, (None, False))
    parsed = _date_result(results, take, raw.index, today, allow_future)
    if extra_time is not None:
        parsed.has_time = parsed.has_time | extra_time  # type: ignore[attr-defined]
    return parsed


def _date_result(results: list, take: np.ndarray, index: pd.Index, today: date, allow_future: bool) -> Parsed:  # type: ignore[type-arg]
    code = _column(results, take, lambda r: r if isinstance(r, str) else "", index)
    dates = _column(
        results,
        take,
        lambda r: (
            np.datetime64("NaT", "s") if isinstance(r, str) or r[0] is None else np.datetime64(r[0], "s")
        ),
        index,
        "datetime64[s]",
    )
    has_time = _column(results, take, lambda r: (not isinstance(r, str)) and r[1], index, bool)
    parsed = Parsed(dates)
    parsed.fail(NOT_A_DATE, code == NOT_A_DATE)
    parsed.fail(IMPOSSIBLE_DATE, code == IMPOSSIBLE_DATE)
    if not allow_future:
        parsed.fail("future_date", dates > pd.Timestamp(today))
    parsed.fail("too_old", dates < pd.Timestamp(EARLIEST_DATE))
    parsed.has_time = has_time  # type: ignore[attr-defined]
    return parsed


# ---------------------------------------------------------------- periods

_PERIOD_YEAR = re.compile(r"^(\d{4})$")
_PERIOD_QUARTER = re.compile(r"^(\d{4})\s*[-/ ]?\s*(?:q|tw|triwulan)\s*([1-4])$", re.I)
_PERIOD_QUARTER_FIRST = re.compile(r"^(?:q|tw|triwulan)\s*([1-4])\s*[-/ ]?\s*(\d{4})$", re.I)
_PERIOD_MONTH = re.compile(r"^(\d{4})[-/.](\d{1,2})$")
_PERIOD_MONTH_FIRST = re.compile(r"^(\d{1,2})[-/.](\d{4})$")


def period_from_cell(value: object) -> tuple[str, date, date] | str | None:
    """``YYYY``, ``YYYY-Qn`` or ``YYYY-MM`` (and common spellings) to (canonical, start, end)."""
    if value is None:
        return None
    if isinstance(value, datetime | date):
        day = value.date() if isinstance(value, datetime) else value
        return _month_period(day.year, day.month)
    if isinstance(value, int | float | np.integer | np.floating) and not isinstance(value, bool):
        if np.isnan(value):
            return None
        value = str(int(value)) if float(value).is_integer() else str(value)
    text = str(value).strip()
    if text.lower() in _BLANK_TEXT:
        return None
    if m := _PERIOD_YEAR.match(text):
        year = int(m.group(1))
        return (f"{year}", date(year, 1, 1), date(year, 12, 31))
    if m := _PERIOD_QUARTER.match(text):
        return _quarter_period(int(m.group(1)), int(m.group(2)))
    if m := _PERIOD_QUARTER_FIRST.match(text):
        return _quarter_period(int(m.group(2)), int(m.group(1)))
    for pattern, year_group, month_group in ((_PERIOD_MONTH, 1, 2), (_PERIOD_MONTH_FIRST, 2, 1)):
        if m := pattern.match(text):
            year, month = int(m.group(year_group)), int(m.group(month_group))
            if not 1 <= month <= 12:
                return "not_a_period"
            return _month_period(year, month)
    return "not_a_period"


def _period_or_problem(value: object) -> tuple[str, date, date] | str | None:
    """:func:`period_from_cell`, with a year the calendar cannot hold (``0000``, ``99999``) as a problem."""
    try:
        return period_from_cell(value)
    except (ValueError, OverflowError):
        return "not_a_period"


def _quarter_period(year: int, quarter: int) -> tuple[str, date, date]:
    start = date(year, 3 * quarter - 2, 1)
    end = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
    return (f"{year}-Q{quarter}", start, end - timedelta(days=1))


def _month_period(year: int, month: int) -> tuple[str, date, date]:
    start = date(year, month, 1)
    end = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return (f"{year}-{month:02d}", start, end - timedelta(days=1))


def parse_period(raw: pd.Series, *, today: date | None = None) -> Parsed:
    """Periods. ``values`` is the canonical text; ``starts``/``ends`` hold the dates."""
    today = today or date.today()
    results, take = _unique_results(raw, _period_or_problem, None)
    index = raw.index
    bad = _column(results, take, lambda r: isinstance(r, str), index, bool)
    ok = _column(results, take, lambda r: isinstance(r, tuple), index, bool)
    parsed = Parsed(_column(results, take, lambda r: r[0] if isinstance(r, tuple) else None, index))
    nat = np.datetime64("NaT", "s")
    starts = _column(
        results,
        take,
        lambda r: np.datetime64(r[1], "s") if isinstance(r, tuple) else nat,
        index,
        "datetime64[s]",
    )
    ends = _column(
        results,
        take,
        lambda r: np.datetime64(r[2], "s") if isinstance(r, tuple) else nat,
        index,
        "datetime64[s]",
    )
    parsed.starts = starts  # type: ignore[attr-defined]
    parsed.ends = ends  # type: ignore[attr-defined]
    parsed.fail("not_a_period", bad)
    parsed.fail("future_period", ok & (starts > pd.Timestamp(today)))
    parsed.fail("too_old", ok & (ends < pd.Timestamp(EARLIEST_DATE)))
    return parsed


# ---------------------------------------------------------------- NIP

_SCIENTIFIC = re.compile(r"^\d(?:[.,]\d+)?[eE]\+?\d+$")


def nip_problem(value: object, today: date | None = None) -> tuple[str | None, str | None]:
    """(canonical NIP, None) or (None, failure code) for one cell.

    A NIP is ``YYYYMMDD`` birth date, ``YYYYMM`` start of service, gender digit
    1/2 and a 3-digit serial. A NIP that Excel stored as a number has lost its
    last digits; that gets its own code so the message can say how to fix it.
    """
    today = today or date.today()
    if value is None:
        return (None, None)
    if isinstance(value, int | float | np.integer | np.floating) and not isinstance(value, bool):
        if isinstance(value, float) and np.isnan(value):
            return (None, None)
        return (None, "nip_as_number")
    if _SCIENTIFIC.match(str(value).strip()):
        return (None, "nip_as_number")
    text = re.sub(r"[\s.'\u00a0-]", "", str(value))
    if text.lower() in _BLANK_TEXT:
        return (None, None)
    if not re.fullmatch(r"\d{18}", text):
        return (None, "nip_format")
    try:
        birth = date(int(text[0:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return (None, "nip_birth_date")
    if not 1940 <= birth.year <= today.year - 15:
        return (None, "nip_birth_date")
    start_year, start_month = int(text[8:12]), int(text[12:14])
    if not (1 <= start_month <= 12 and birth.year + 15 <= start_year <= today.year + 1):
        return (None, "nip_start_date")
    if text[14] not in "12":
        return (None, "nip_gender")
    return (text, None)


def parse_nip(raw: pd.Series) -> Parsed:
    results, take = _unique_results(raw, nip_problem, (None, None))
    parsed = Parsed(_column(results, take, lambda r: r[0], raw.index))
    codes = _column(results, take, lambda r: r[1] or "", raw.index)
    for code in ("nip_as_number", "nip_format", "nip_birth_date", "nip_start_date", "nip_gender"):
        parsed.fail(code, codes == code)
    return parsed


def nip_gender(nip: str) -> str:
    return "L" if nip[14] == "1" else "P"


def nip_birth_date(nip: str) -> date:
    return date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))


# ---------------------------------------------------------------- choices


def parse_choice(raw: pd.Series, lookup: dict[str, str], *, code: str = "not_a_choice") -> Parsed:
    """Map cells through ``lookup`` (keys are :func:`normalise_token` forms) to stored values."""

    def one(value: object) -> tuple[str | None, bool]:
        text = clean_text(value)
        if text is None:
            return (None, False)
        stored = lookup.get(normalise_token(text))
        return (stored, stored is None)

    results, take = _unique_results(raw, one, (None, False))
    parsed = Parsed(_column(results, take, lambda r: r[0], raw.index))
    parsed.fail(code, _column(results, take, lambda r: r[1], raw.index, bool))
    return parsed
