"""The Metode page's content: each method in plain words, its figures read from the code that uses them.

The thresholds, weights, bands and worked examples quoted on the page are not
typed into the texts: they are taken from the constants and functions the analyses
run (:mod:`lib.analysis.ikm_formula`, :mod:`lib.analysis.training_learning`, …),
so a changed threshold changes its explanation too. No Streamlit here: the page
draws what :func:`method_sections` returns, and tests read it directly.
"""

from __future__ import annotations

from dataclasses import dataclass

from lib.analysis.complaint_spikes import SpikeSettings
from lib.analysis.ikm_formula import (
    GRADE_BOUNDS_4,
    GRADE_BOUNDS_100,
    GRADES,
    WEIGHT_OFFICIAL,
    grade_ikm,
    ikm_from_nrr,
    krejcie_morgan,
    nrr_from_sums,
    round_half_up,
)
from lib.analysis.training_learning import HAKE_HIGH, HAKE_LOW, WILCOXON_BELOW_N, YARDSTICK_D
from lib.analysis.training_reaction import FAVOURABLE_FROM, SCALE_MAX, SCALE_MIN
from lib.i18n import fmt_number, fmt_percent, translate
from lib.models import UNSUR
from lib.queries.learning_hours import JP_TARGET

#: One JP (jam pelajaran) is 45 minutes (Peraturan LAN 5/2018).
JP_MINUTES = 45
#: Krejcie & Morgan's constants as the SKM guideline uses them (the defaults of ``krejcie_morgan``).
KM_CHI2, KM_P, KM_D = 3.841, 0.5, 0.05
#: Populations for the sample-size examples; the last stands for "very large".
KM_EXAMPLES = (100, 1_000, 10_000, 100_000_000)
#: DOMAIN.md's worked example: 29 respondents and their answer totals for U1…U9 (regulation order).
WORKED_RESPONDENTS = 29
WORKED_TOTALS = (105, 101, 100, 116, 102, 105, 106, 105, 115)


@dataclass(frozen=True)
class MethodSection:
    """One section of the page: ``key`` is its anchor (``/metode#ikm``), paragraphs are markdown."""

    key: str
    title: str
    paragraphs: tuple[str, ...]
    sources: tuple[str, ...]


def _num(value: float, lang: str, decimals: int) -> str:
    return fmt_number(value, lang, decimals)


def worked_example() -> dict[str, object]:
    """The worked IKM example computed by the same functions as every IKM on screen."""
    sums = dict(zip(UNSUR, WORKED_TOTALS, strict=True))
    counts = dict.fromkeys(UNSUR, WORKED_RESPONDENTS)
    nrr = nrr_from_sums(sums, counts)
    official = round_half_up(ikm_from_nrr(nrr, "0.111"), 2)
    exact = round_half_up(ikm_from_nrr(nrr, "exact"), 2)
    return {"nrr": [nrr[u] for u in UNSUR], "ikm": official, "ikm_exact": exact, "grade": grade_ikm(official)}


def _ikm(lang: str) -> MethodSection:
    bounds = dict(GRADE_BOUNDS_100)
    bounds4 = dict(GRADE_BOUNDS_4)
    perfect = round_half_up(ikm_from_nrr(dict.fromkeys(UNSUR, 4.0), WEIGHT_OFFICIAL), 2)
    example = worked_example()
    grade = GRADES[str(example["grade"])]
    sep = "; " if lang == "id" else ", "
    return MethodSection(
        key="ikm",
        title=translate("methods.ikm.title", lang),
        paragraphs=(
            translate("methods.ikm.what", lang),
            translate("methods.ikm.nrr", lang),
            translate(
                "methods.ikm.index",
                lang,
                weight=_num(WEIGHT_OFFICIAL, lang, 3),
                perfect=_num(perfect, lang, 2),
            ),
            translate(
                "methods.ikm.grades",
                lang,
                a=_num(bounds["A"], lang, 2),
                b=_num(bounds["B"], lang, 2),
                c=_num(bounds["C"], lang, 2),
                a4=_num(bounds4["A"], lang, 4),
                b4=_num(bounds4["B"], lang, 4),
                c4=_num(bounds4["C"], lang, 4),
            ),
            translate(
                "methods.ikm.example",
                lang,
                n=WORKED_RESPONDENTS,
                totals=sep.join(_num(v, lang, 0) for v in WORKED_TOTALS),
                nrr=sep.join(_num(v, lang, 4) for v in example["nrr"]),  # type: ignore[attr-defined]
                ikm=_num(float(example["ikm"]), lang, 2),  # type: ignore[arg-type]
                ikm_exact=_num(float(example["ikm_exact"]), lang, 2),  # type: ignore[arg-type]
                weight=_num(WEIGHT_OFFICIAL, lang, 3),
                grade=f"{grade.letter} ({grade.label_id if lang == 'id' else grade.label_en})",
            ),
        ),
        sources=(translate("methods.ikm.source.reg", lang),),
    )


def _sample(lang: str) -> MethodSection:
    sizes = [krejcie_morgan(n, KM_CHI2, KM_P, KM_D) for n in KM_EXAMPLES]
    return MethodSection(
        key="sampel",
        title=translate("methods.sample.title", lang),
        paragraphs=(
            translate(
                "methods.sample.why",
                lang,
                chi2=_num(KM_CHI2, lang, 3),
                p=_num(KM_P, lang, 1),
                d=_num(KM_D, lang, 2),
            ),
            translate(
                "methods.sample.examples",
                lang,
                n1=_num(KM_EXAMPLES[0], lang, 0),
                n2=_num(KM_EXAMPLES[1], lang, 0),
                n3=_num(KM_EXAMPLES[2], lang, 0),
                s1=sizes[0],
                s2=sizes[1],
                s3=sizes[2],
                s4=sizes[3],
            ),
            translate("methods.sample.warning", lang),
        ),
        sources=(
            "Krejcie, R. V. & Morgan, D. W. (1970). Determining sample size for research activities. "
            "Educational and Psychological Measurement, 30(3), 607–610.",
            translate("methods.ikm.source.reg", lang),
        ),
    )


def _kirkpatrick(lang: str) -> MethodSection:
    return MethodSection(
        key="kirkpatrick",
        title=translate("methods.kirkpatrick.title", lang),
        paragraphs=(
            translate("methods.kirkpatrick.intro", lang),
            translate("methods.kirkpatrick.l1", lang, smin=SCALE_MIN, smax=SCALE_MAX, fav=FAVOURABLE_FROM),
            translate(
                "methods.kirkpatrick.l2",
                lang,
                wn=WILCOXON_BELOW_N,
                yardstick=_num(YARDSTICK_D, lang, 1),
                low=_num(HAKE_LOW, lang, 1),
                high=_num(HAKE_HIGH, lang, 1),
            ),
            translate("methods.kirkpatrick.l3", lang),
            translate("methods.kirkpatrick.l4", lang),
        ),
        sources=(
            "Kirkpatrick, D. L. & Kirkpatrick, J. D. (2006). Evaluating Training Programs: The Four "
            "Levels (3rd ed.). Berrett-Koehler.",
            "Arthur, W., Bennett, W., Edens, P. S. & Bell, S. T. (2003). Effectiveness of training in "
            "organizations: a meta-analysis of design and evaluation features. Journal of Applied "
            "Psychology, 88(2), 234–245.",
            "Hake, R. R. (1998). Interactive-engagement versus traditional methods. American Journal of "
            "Physics, 66(1), 64–74.",
        ),
    )


def _did(lang: str) -> MethodSection:
    return MethodSection(
        key="dampak",
        title=translate("methods.did.title", lang),
        paragraphs=(
            translate("methods.did.idea", lang),
            translate("methods.did.staggered", lang),
            translate("methods.did.pretrends", lang),
            translate("methods.did.behaviour", lang),
            translate("methods.did.uncertainty", lang),
        ),
        sources=(
            "Callaway, B. & Sant'Anna, P. H. C. (2021). Difference-in-differences with multiple time "
            "periods. Journal of Econometrics, 225(2), 200–230.",
            "Goodman-Bacon, A. (2021). Difference-in-differences with variation in treatment timing. "
            "Journal of Econometrics, 225(2), 254–277.",
            "Cengiz, D., Dube, A., Lindner, A. & Zipperer, B. (2019). The effect of minimum wages on "
            "low-wage jobs. The Quarterly Journal of Economics, 134(3), 1405–1454.",
        ),
    )


def _spikes(lang: str) -> MethodSection:
    settings = SpikeSettings()
    return MethodSection(
        key="lonjakan",
        title=translate("methods.spikes.title", lang),
        paragraphs=(
            translate(
                "methods.spikes.own",
                lang,
                recent=settings.recent_months,
                baseline=settings.baseline_months,
                min_baseline=settings.min_baseline_months,
            ),
            translate("methods.spikes.overdispersion", lang),
            translate(
                "methods.spikes.fdr",
                lang,
                alpha=fmt_percent(settings.alpha, lang, 0),
                min_observed=settings.min_observed,
            ),
        ),
        sources=(
            "Benjamini, Y. & Hochberg, Y. (1995). Controlling the false discovery rate: a practical and "
            "powerful approach to multiple testing. Journal of the Royal Statistical Society B, 57(1), "
            "289–300.",
            "Gu, K., Ng, H. K. T., Tang, M. L. & Schucany, W. R. (2008). Testing the ratio of two Poisson "
            "rates. Biometrical Journal, 50(2), 283–298.",
            "McCullagh, P. & Nelder, J. A. (1989). Generalized Linear Models (2nd ed.), ch. 9 "
            "(quasi-likelihood). Chapman & Hall.",
        ),
    )


def _jp(lang: str) -> MethodSection:
    return MethodSection(
        key="jp",
        title=translate("methods.jp.title", lang, jp=JP_TARGET),
        paragraphs=(
            translate("methods.jp.rule", lang, jp=JP_TARGET, minutes=JP_MINUTES),
            translate("methods.jp.count", lang, jp=JP_TARGET),
        ),
        sources=(
            "Peraturan Pemerintah Nomor 17 Tahun 2020 tentang Perubahan atas PP Nomor 11 Tahun 2017 "
            "tentang Manajemen Pegawai Negeri Sipil",
            "Peraturan Lembaga Administrasi Negara Nomor 5 Tahun 2018 tentang Pengembangan Kompetensi "
            "Pegawai Negeri Sipil",
        ),
    )


def _priority(lang: str) -> MethodSection:
    return MethodSection(
        key="prioritas",
        title=translate("methods.priority.title", lang),
        paragraphs=(
            translate("methods.priority.idea", lang, jp=JP_TARGET),
            translate("methods.priority.transparent", lang),
            translate("methods.priority.themes", lang, jp=JP_TARGET),
        ),
        sources=(
            translate("methods.ikm.source.reg", lang),
            "Peraturan Pemerintah Nomor 17 Tahun 2020 (pengembangan kompetensi PNS)",
            "Peraturan Menteri PANRB Nomor 6 Tahun 2022 tentang Pengelolaan Kinerja Pegawai Aparatur "
            "Sipil Negara",
        ),
    )


def _terms(lang: str) -> MethodSection:
    return MethodSection(
        key="istilah",
        title=translate("methods.terms.title", lang),
        paragraphs=(
            translate("methods.terms.ci", lang),
            translate("methods.terms.n", lang),
            translate("methods.terms.p", lang, alpha=_num(SpikeSettings().alpha, lang, 2)),
        ),
        sources=(),
    )


def method_sections(lang: str) -> list[MethodSection]:
    """The page's sections in reading order, in ``lang`` (``id`` or ``en``)."""
    return [
        _ikm(lang),
        _sample(lang),
        _kirkpatrick(lang),
        _did(lang),
        _spikes(lang),
        _jp(lang),
        _priority(lang),
        _terms(lang),
    ]
