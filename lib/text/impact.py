"""Training impact in words: one plain-language sentence per Kirkpatrick level, and effects as printed.

Each sentence states the effect, its uncertainty and its main caveat, in Indonesian or
English, from a :class:`lib.analysis.training_summary.ProgramImpact`; the Dampak Pelatihan
page and the ``impact`` command print them through these functions.
"""

from __future__ import annotations

import math

from lib.analysis.training_learning import YARDSTICK_D
from lib.analysis.training_summary import OUTCOME_BY_COLUMN, OutcomeSpec, ProgramImpact, ci_verdict
from lib.i18n import fmt_number, fmt_percent, translate


def _n(value: float, lang: str, decimals: int = 1) -> str:
    return fmt_number(value, lang, decimals)


def format_p(value: float, lang: str) -> str:
    """``= 0,042`` or ``< 0,001``: a p-value ready to follow the letter p."""
    if not math.isfinite(value):
        return "–"
    if value < 0.001:
        return "< " + fmt_number(0.001, lang, 3)
    return "= " + fmt_number(value, lang, 3)


def reaction_sentence(impact: ProgramImpact, lang: str = "id") -> str:
    items = impact.reaction.set_index("item")
    use = items.loc["reaction_usefulness"] if "reaction_usefulness" in items.index else None
    if use is None or use["n"] == 0:
        return translate("impact.s.reaction_none", lang)
    return translate(
        "impact.s.reaction",
        lang,
        mean=_n(use["mean"], lang, 2),
        low=_n(use["ci_low"], lang, 2),
        high=_n(use["ci_high"], lang, 2),
        n=fmt_number(use["n"], lang, 0),
        share=fmt_percent(use["share_favourable"], lang, 0),
    )


def learning_sentence(impact: ProgramImpact, lang: str = "id") -> str:
    lr = impact.learning
    counts = lr.counts
    unpaired = (
        translate(
            "impact.s.unpaired",
            lang,
            k=fmt_number(counts.unpaired, lang, 0),
            total=fmt_number(counts.total, lang, 0),
        )
        if counts.unpaired
        else ""
    )
    if impact.learning_verdict == "insufficient":
        return translate(
            "impact.s.learning_insufficient", lang, n=fmt_number(lr.n, lang, 0), unpaired=unpaired
        )
    test = translate(f"impact.test.{lr.primary_test}", lang)
    values = {
        "gain": _n(lr.mean_gain, lang),
        "low": _n(lr.ci_low, lang),
        "high": _n(lr.ci_high, lang),
        "n": fmt_number(lr.n, lang, 0),
        "test": test,
        "p": format_p(lr.primary_p, lang),
        "unpaired": unpaired,
    }
    if impact.learning_verdict == "gain":
        if lr.d_z_ci_low > YARDSTICK_D:
            yardstick = translate("impact.yardstick.above", lang)
        elif lr.d_z_ci_high < YARDSTICK_D:
            yardstick = translate("impact.yardstick.below", lang)
        else:
            yardstick = translate("impact.yardstick.around", lang)
        text = translate(
            "impact.s.learning_gain", lang, dz=_n(lr.d_z, lang, 2), yardstick=yardstick, **values
        )
    elif impact.learning_verdict == "loss":
        text = translate("impact.s.learning_loss", lang, **values)
    else:
        text = translate("impact.s.learning_unclear", lang, **values)
    if impact.n_compared > 1 and math.isfinite(impact.learning_p_adjusted):
        text += translate(
            "impact.s.multiplicity",
            lang,
            k=fmt_number(impact.n_compared, lang, 0),
            p_adj=format_p(impact.learning_p_adjusted, lang),
        )
    return text


def behaviour_sentence(impact: ProgramImpact, lang: str = "id") -> str:
    b = impact.behaviour
    if not b.estimable or not math.isfinite(b.did.ci_low):
        return translate("impact.s.behaviour_none", lang, n_t=fmt_number(b.n_trained, lang, 0))
    key = {"better": "up", "worse": "down"}.get(ci_verdict(b.did), "unclear")
    return translate(
        f"impact.s.behaviour_{key}",
        lang,
        did=_n(b.did.estimate, lang),
        low=_n(b.did.ci_low, lang),
        high=_n(b.did.ci_high, lang),
        n_t=fmt_number(b.n_trained, lang, 0),
        n_c=fmt_number(b.n_control_employees, lang, 0),
        pre=b.pre_quarters,
        post=b.post_quarters,
    )


def format_effect(value: float, spec: OutcomeSpec, lang: str, signed: bool = True) -> str:
    """An effect in the outcome's own terms: ``+4,1 poin``, ``×0,75 (−25,0%)``."""
    if not math.isfinite(value):
        return "–"
    if spec.log:
        ratio = math.exp(value)
        pct = fmt_percent(ratio - 1, lang, 1)
        if ratio > 1:
            pct = "+" + pct
        return translate(spec.unit_key, lang, value=fmt_number(ratio, lang, 2), pct=pct)
    text = fmt_number(value, lang, 2 if spec.column == "complaint_rate" else 1)
    if signed and value > 0:
        text = "+" + text
    return translate(spec.unit_key, lang, value=text)


def results_sentence(impact: ProgramImpact, outcome: str = "ikm", lang: str = "id") -> str:
    spec = OUTCOME_BY_COLUMN[outcome]
    study = impact.results.get(outcome)
    label = translate(f"impact.outcome.{outcome}", lang)
    if study is None or not study.estimable:
        if impact.units_trained == 0:
            reason = translate(
                "impact.reason.no_units", lang, threshold=fmt_percent(impact.threshold, lang, 0)
            )
        else:
            reason = translate(
                "impact.reason.no_data", lang, outcome=label, n=fmt_number(impact.units_trained, lang, 0)
            )
        return translate("impact.s.results_none", lang, reason=reason)
    est = study.overall
    post = study.event[study.event["e"] >= study.effect_from]
    text = translate(
        "impact.s.results",
        lang,
        outcome=label,
        effect=format_effect(est.estimate, spec, lang),
        low=format_effect(est.ci_low, spec, lang),
        high=format_effect(est.ci_high, spec, lang),
        n=fmt_number(study.n_treated_units, lang, 0),
        k=fmt_number(study.n_cohorts, lang, 0),
        emax=int(post["e"].max()) if not post.empty else study.effect_from,
    )
    text += translate(
        {"better": "impact.s.results_better", "worse": "impact.s.results_worse"}.get(
            ci_verdict(est, spec.higher_is_better), "impact.s.results_unclear"
        ),
        lang,
    )
    if math.isfinite(study.pretrend_p):
        key = "impact.s.pretrend_ok" if study.pretrend_p >= 0.05 else "impact.s.pretrend_bad"
        text += translate(key, lang, p=format_p(study.pretrend_p, lang))
    else:
        text += translate("impact.s.pretrend_none", lang)
    gap = study.baseline_gap.estimate
    started_worse = math.isfinite(gap) and ((gap < 0) if spec.higher_is_better else (gap > 0))
    if started_worse:
        text += translate("impact.s.rtm", lang, gap=format_effect(gap, spec, lang))
    else:
        text += translate("impact.s.observational", lang)
    return text


def level_sentences(impact: ProgramImpact, lang: str = "id") -> dict[str, str]:
    """One sentence per level: effect, uncertainty and caveat, never more than the data show."""
    return {
        "reaction": reaction_sentence(impact, lang),
        "learning": learning_sentence(impact, lang),
        "behaviour": behaviour_sentence(impact, lang),
        "results": results_sentence(impact, "ikm", lang) if impact.results else "",
    }
