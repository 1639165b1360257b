"""Themes of complaints: themes as data, a classifier trained in the background, honest quality.

The theme list is data (table ``complaint_theme``; :data:`DEFAULT_THEMES` until
an evaluator edits it), and each theme points at a training theme so that
recommendations follow the city's own themes. A complaint's theme comes, in
this order of trust, from an evaluator's label, from the source (its own
category, or its ``kategori_sumber`` through the evaluator's topic mapping),
or from the classifier. Predictions below a confidence threshold are shown as
"belum yakin" (:data:`ABSTAIN`) and counted apart.

Quality is never taken from another data set: it is estimated from a
*labelling round* on this city's own complaints, a random sample stratified by
predicted theme (:func:`sample_quality`: weighted accuracy and macro-F1 with
intervals, per theme, and the commonest confusions). The threshold is chosen
from the same labels (:func:`choose_threshold`).

Pure: no database. Training never runs inside a page or an import:
:func:`lib.services.complaint_themes.refresh_theme_model` runs in the background
worker (``lib.results``) when labels change, stores a versioned model (``theme_model``: training data hash, size, date, CPU time),
and predicts the complaints that need it. Model: word TF-IDF (1–2-grams) +
character TF-IDF (``char_wb`` 3–5-grams, robust to typos and run-together
words) → multinomial logistic regression with balanced class weights, fitted
on one thread. Texts are normalised first: lower case, URLs and numbers
replaced, letters repeated for emphasis collapsed ("lamaaa" → "lama"), and
chat spellings expanded ("yg" → "yang", "gak" → "tidak").
"""

from __future__ import annotations

import hashlib
import pickle
import re
import time
import warnings
import zlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

# The theme vocabulary lives in lib.themes (queries read it too); named here as well for the
# callers that know the themes through this module.
from lib.themes import ABSTAIN as ABSTAIN
from lib.themes import DEFAULT_THEMES as DEFAULT_THEMES
from lib.themes import DEFAULT_THRESHOLD as DEFAULT_THRESHOLD
from lib.themes import LEGACY_THEMES as LEGACY_THEMES
from lib.themes import THEME_NAMES as THEME_NAMES
from lib.themes import THEMES as THEMES
from lib.themes import TRAINING_THEMES as TRAINING_THEMES
from lib.themes import ThemeDef as ThemeDef
from lib.themes import normalise_theme_key as normalise_theme_key

if TYPE_CHECKING:
    from sklearn.pipeline import Pipeline

# scikit-learn is imported inside the functions that train or predict: every page imports this
# module for the theme list and names, and only the worker and the CLI train (seconds of import).


#: Chat spellings and abbreviations → standard Indonesian (whole tokens only).
SLANG: dict[str, str] = {
    "yg": "yang",
    "yng": "yang",
    "tdk": "tidak",
    "tdak": "tidak",
    "gak": "tidak",
    "ga": "tidak",
    "gk": "tidak",
    "g": "tidak",
    "nggak": "tidak",
    "ngga": "tidak",
    "enggak": "tidak",
    "engga": "tidak",
    "kagak": "tidak",
    "tak": "tidak",
    "bgt": "banget",
    "bngt": "banget",
    "bgtt": "banget",
    "udh": "sudah",
    "sdh": "sudah",
    "udah": "sudah",
    "dah": "sudah",
    "blm": "belum",
    "blum": "belum",
    "krn": "karena",
    "karna": "karena",
    "krna": "karena",
    "dgn": "dengan",
    "dg": "dengan",
    "utk": "untuk",
    "untk": "untuk",
    "org": "orang",
    "dll": "dan lain lain",
    "dsb": "dan sebagainya",
    "sy": "saya",
    "sya": "saya",
    "aku": "saya",
    "gw": "saya",
    "gue": "saya",
    "jg": "juga",
    "jgn": "jangan",
    "sm": "sama",
    "bs": "bisa",
    "bsa": "bisa",
    "trs": "terus",
    "trus": "terus",
    "tp": "tapi",
    "tpi": "tapi",
    "lg": "lagi",
    "aja": "saja",
    "aj": "saja",
    "emg": "memang",
    "emang": "memang",
    "gmn": "bagaimana",
    "gimana": "bagaimana",
    "knp": "kenapa",
    "kpd": "kepada",
    "pd": "pada",
    "spt": "seperti",
    "kyk": "kayak",
    "thn": "tahun",
    "bln": "bulan",
    "hr": "hari",
    "mgg": "minggu",
    "pdhl": "padahal",
    "skrg": "sekarang",
    "skg": "sekarang",
    "ttg": "tentang",
    "bnyk": "banyak",
    "byk": "banyak",
    "sgt": "sangat",
    "msh": "masih",
    "hrs": "harus",
    "dr": "dari",
    "dri": "dari",
    "dpt": "dapat",
    "sblm": "sebelum",
    "stlh": "setelah",
    "bkn": "bukan",
    "dlm": "dalam",
    "kalo": "kalau",
    "klo": "kalau",
    "kl": "kalau",
    "kmrn": "kemarin",
    "kmarin": "kemarin",
    "sampe": "sampai",
    "smpe": "sampai",
    "smp": "sampai",
    "nunggu": "menunggu",
    "ngantri": "mengantri",
    "antri": "antre",
    "ngurus": "mengurus",
    "urus": "mengurus",
    "bayar": "bayar",
    "duit": "uang",
    "pelayanannya": "pelayanan",
    "ptgs": "petugas",
    "pegawainya": "pegawai",
    "petugasnya": "petugas",
    "mksh": "terima kasih",
    "makasih": "terima kasih",
    "tolong": "tolong",
    "mohon": "mohon",
    "wa": "whatsapp",
    "hp": "handphone",
    "app": "aplikasi",
    "apk": "aplikasi",
    "apl": "aplikasi",
    "eror": "error",
    "erorr": "error",
    "loding": "loading",
    "bbrp": "beberapa",
    "brp": "berapa",
    "sbg": "sebagai",
    "sdgkan": "sedangkan",
    "ktr": "kantor",
    "kntr": "kantor",
}

_URL = re.compile(r"https?://\S+|www\.\S+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_REPEAT = re.compile(r"([a-z])\1{2,}")
_NON_WORD = re.compile(r"[^a-z0-9\[\] ]+")
_SPACES = re.compile(r"\s+")
# "kantor2" and "lama2" are Indonesian reduplication written with a 2.
_REDUPLICATION = re.compile(r"\b([a-z]{2,})2\b")


def normalise_text(text: object) -> str:
    """Lower case, URLs/numbers replaced, emphasis collapsed, slang expanded: what the classifier reads."""
    if not isinstance(text, str):
        return ""
    lowered = text.lower()
    lowered = _URL.sub(" url ", lowered)
    lowered = _REDUPLICATION.sub(r"\1 \1", lowered)
    lowered = _NUMBER.sub(" 0 ", lowered)
    lowered = _REPEAT.sub(r"\1", lowered)
    lowered = _NON_WORD.sub(" ", lowered)
    tokens = [SLANG.get(token, token) for token in lowered.split()]
    return _SPACES.sub(" ", " ".join(tokens)).strip()


def normalise_texts(texts: Iterable[object]) -> list[str]:
    """:func:`normalise_text` over a column (the pipeline's first step)."""
    return [normalise_text(text) for text in texts]


def build_theme_pipeline(*, c: float = 4.0, seed: int = 0) -> Pipeline:
    """The untrained pipeline: normaliser → word + char TF-IDF (float32) → logistic regression.

    Sized for the background worker on a small server: 10,000 texts of 300
    characters fit in about 5 s of CPU (``bench/bench_theme_model.py``); char
    3–5-grams capped at 50,000 features keep the stored model a few MB.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline
    from sklearn.preprocessing import FunctionTransformer

    features = FeatureUnion(
        [
            (
                "words",
                TfidfVectorizer(
                    ngram_range=(1, 2), min_df=2, sublinear_tf=True, max_features=50_000, dtype=np.float32
                ),
            ),
            (
                "chars",
                TfidfVectorizer(
                    analyzer="char_wb",
                    ngram_range=(3, 5),
                    min_df=3,
                    sublinear_tf=True,
                    max_features=50_000,
                    dtype=np.float32,
                ),
            ),
        ]
    )
    return Pipeline(
        [
            ("normalise", FunctionTransformer(normalise_texts)),
            ("features", features),
            (
                "model",
                LogisticRegression(C=c, class_weight="balanced", max_iter=300, tol=1e-3, random_state=seed),
            ),
        ]
    )


@contextmanager
def _quiet_single_thread() -> Iterator[None]:
    """One BLAS/OpenMP thread: on a shared 2-core server the solver is >10x faster than with
    threads fighting each other (and a page must not take every core)."""
    from sklearn.exceptions import ConvergenceWarning
    from threadpoolctl import threadpool_limits

    with threadpool_limits(1), warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        yield


@dataclass
class ThemeModelQuality:
    """Cross-validated quality of the theme classifier on the labelled complaints."""

    macro_f1_mean: float
    macro_f1_sd: float
    fold_scores: list[float]
    folds: int
    n_labelled: int
    per_class: pd.DataFrame
    excluded_themes: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


@dataclass
class ThemeModel:
    """A fitted pipeline. ``quality`` is set only when cross-validated on request: it describes the
    training texts, never this city's predictions, and is not shown as the model's quality."""

    pipeline: Pipeline
    classes: list[str]
    quality: ThemeModelQuality | None = None


def _training_frame(
    texts: Sequence[object], labels: Sequence[object], min_per_class: int
) -> tuple[pd.DataFrame, dict[str, int]]:
    frame = pd.DataFrame({"text": list(texts), "theme": [normalise_theme_key(v) for v in labels]})
    frame = frame[
        frame["theme"].notna() & frame["text"].map(lambda t: isinstance(t, str) and t.strip() != "")
    ]
    counts = frame["theme"].value_counts()
    rare = counts[counts < min_per_class]
    frame = frame[~frame["theme"].isin(rare.index)].reset_index(drop=True)
    return frame, {str(k): int(v) for k, v in rare.items()}


def evaluate_theme_classifier(
    texts: Sequence[object],
    labels: Sequence[object],
    *,
    folds: int = 5,
    seed: int = 0,
    min_per_class: int | None = None,
    max_rows: int | None = None,
) -> ThemeModelQuality:
    """Stratified k-fold cross-validation: macro-F1 per fold (mean, SD) and per-theme precision/recall/F1.

    Themes with fewer examples than ``folds`` cannot be stratified and are left
    out (listed in ``excluded_themes``). ``max_rows`` caps the texts used (a
    stratified random sample) so that a big city's check stays within seconds;
    a model then fitted on more data is, if anything, a little better than measured.
    """
    from sklearn.metrics import f1_score, precision_recall_fscore_support
    from sklearn.model_selection import StratifiedKFold, train_test_split

    started = time.perf_counter()
    frame, rare = _training_frame(texts, labels, min_per_class or folds)
    if frame["theme"].nunique() < 2:
        raise ValueError("at least two themes with enough labelled complaints are needed")
    if max_rows is not None and len(frame) > max_rows:
        frame, _ = train_test_split(frame, train_size=max_rows, stratify=frame["theme"], random_state=seed)
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    x = frame["text"].to_numpy()
    y = frame["theme"].to_numpy()
    predicted = np.empty(len(y), dtype=object)
    scores = []
    for train_idx, test_idx in splitter.split(x, y):
        pipeline = build_theme_pipeline(seed=seed)
        with _quiet_single_thread():
            pipeline.fit(x[train_idx], y[train_idx])
        fold_pred = pipeline.predict(x[test_idx])
        predicted[test_idx] = fold_pred
        scores.append(float(f1_score(y[test_idx], fold_pred, average="macro", zero_division=0)))
    classes = [t for t in THEMES if t in set(y)] + sorted(set(y) - set(THEMES))
    precision, recall, f1, support = precision_recall_fscore_support(
        y, predicted.astype(str), labels=classes, zero_division=0
    )
    per_class = pd.DataFrame(
        {"theme": classes, "precision": precision, "recall": recall, "f1": f1, "support": support}
    )
    return ThemeModelQuality(
        macro_f1_mean=float(np.mean(scores)),
        macro_f1_sd=float(np.std(scores, ddof=1)) if len(scores) > 1 else 0.0,
        fold_scores=scores,
        folds=folds,
        n_labelled=len(y),
        per_class=per_class,
        excluded_themes=rare,
        seconds=time.perf_counter() - started,
    )


def fit_theme_pipeline(texts: Sequence[object], themes: Sequence[object], *, seed: int = 0) -> Pipeline:
    """Fit a theme pipeline: the one place a model is trained (tests patch it to prove that
    pages and imports never train)."""
    pipeline = build_theme_pipeline(seed=seed)
    with _quiet_single_thread():
        pipeline.fit(np.asarray(list(texts), dtype=object), np.asarray(list(themes), dtype=object))
    for _, vectorizer in pipeline.named_steps["features"].transformer_list:
        # kept by scikit-learn for introspection only: the discarded terms, megabytes when pickled
        if hasattr(vectorizer, "stop_words_"):
            del vectorizer.stop_words_
    return pipeline


def train_theme_classifier(
    texts: Sequence[object],
    labels: Sequence[object],
    *,
    folds: int | None = None,
    seed: int = 0,
    max_cv_rows: int | None = None,
) -> ThemeModel:
    """Fit on all labelled texts; with ``folds``, cross-validate first (a development check only)."""
    frame, _ = _training_frame(texts, labels, folds or 1)
    if frame["theme"].nunique() < 2:
        raise ValueError("at least two themes with labelled complaints are needed")
    quality = (
        evaluate_theme_classifier(texts, labels, folds=folds, seed=seed, max_rows=max_cv_rows)
        if folds
        else None
    )
    pipeline = fit_theme_pipeline(frame["text"].tolist(), frame["theme"].tolist(), seed=seed)
    return ThemeModel(pipeline=pipeline, classes=[str(c) for c in pipeline.classes_], quality=quality)


def predict_themes(model: ThemeModel, texts: Sequence[object]) -> pd.DataFrame:
    """``theme`` and ``confidence`` (the predicted class's probability) per text, in input order."""
    if len(texts) == 0:
        return pd.DataFrame({"theme": pd.Series(dtype=object), "confidence": pd.Series(dtype=float)})
    with _quiet_single_thread():
        probabilities = model.pipeline.predict_proba(np.asarray(list(texts), dtype=object))
    best = probabilities.argmax(axis=1)
    classes = np.asarray(model.classes, dtype=object)
    return pd.DataFrame({"theme": classes[best], "confidence": probabilities[np.arange(len(best)), best]})


# --- storing a model -------------------------------------------------------------


def dump_model(model: ThemeModel) -> bytes:
    """The fitted pipeline as compressed bytes for table ``theme_model``.

    Pickle: only ever loaded from the application's own database, never from an upload.
    """
    return zlib.compress(pickle.dumps({"pipeline": model.pipeline, "classes": model.classes}, protocol=5), 6)


def load_model(payload: bytes) -> ThemeModel:
    """Inverse of :func:`dump_model`."""
    data = pickle.loads(zlib.decompress(payload))  # noqa: S301 - our own table, see dump_model
    return ThemeModel(pipeline=data["pipeline"], classes=list(data["classes"]))


def training_data_hash(ids: Sequence[int], themes: Sequence[str], texts: Sequence[str]) -> str:
    """SHA-256 over (id, theme, text) in id order: equal hashes mean the same training data."""
    digest = hashlib.sha256()
    for complaint_id, theme, text in sorted(zip(ids, themes, texts, strict=True)):
        digest.update(f"{int(complaint_id)}\x1f{theme}\x1f{text}\x1e".encode())
    return digest.hexdigest()


# --- quality from a labelled sample -----------------------------------------------

#: z for two-sided 95 % intervals.
_Z95 = 1.959963984540054


@dataclass
class SampleQuality:
    """Quality of the predictions, estimated from a stratified labelled sample of this city's complaints.

    Estimates are weighted by stratum (``weight = N_h / n_h``), so that a theme
    the sample over-represents counts only as much as it is predicted.
    ``baseline_accuracy`` is what always answering the commonest labelled theme
    would score: a model must beat it to be worth showing.
    """

    n: int
    population: int
    accuracy: float
    accuracy_low: float
    accuracy_high: float
    macro_f1: float
    macro_f1_low: float
    macro_f1_high: float
    baseline_accuracy: float
    effective_n: float
    per_theme: pd.DataFrame
    confusions: pd.DataFrame


def sample_weights(strata: Sequence[object], sizes: dict[str, int]) -> np.ndarray:
    """``N_h / n_h`` per labelled complaint: the predicted complaints each one stands for."""
    series = pd.Series(list(strata), dtype=object)
    n_h = series.map(series.value_counts())
    population = series.map(lambda h: sizes.get(str(h), 0))
    return (population / n_h).to_numpy(dtype=float)


def wilson_interval(p: float, n: float, z: float = _Z95) -> tuple[float, float]:
    """Wilson score interval for a proportion ``p`` from ``n`` (possibly effective, non-integer) trials."""
    if n <= 0:
        return (float("nan"), float("nan"))
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return (max(0.0, centre - half), min(1.0, centre + half))


def _weighted_f1(true: np.ndarray, pred: np.ndarray, weights: np.ndarray, k: int) -> tuple[np.ndarray, ...]:
    """Per-class precision, recall, F1 and the confusion matrix from class codes 0..k-1 (weighted)."""
    confusion = np.bincount(true * k + pred, weights=weights, minlength=k * k).reshape(k, k)
    tp = np.diag(confusion)
    predicted = confusion.sum(axis=0)
    actual = confusion.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = np.where(predicted > 0, tp / predicted, 0.0)
        recall = np.where(actual > 0, tp / actual, 0.0)
        f1 = np.where(precision + recall > 0, 2 * precision * recall / (precision + recall), 0.0)
    return precision, recall, f1, confusion


def sample_quality(
    labelled: pd.DataFrame,
    sizes: dict[str, int],
    *,
    n_boot: int = 1000,
    seed: int = 0,
) -> SampleQuality | None:
    """Accuracy and macro-F1 of ``predicted`` against ``label``, with 95 % intervals.

    ``labelled`` has ``stratum``, ``predicted`` and ``label`` (the evaluator's
    theme); ``sizes`` the number of predicted complaints per stratum when the
    sample was drawn. Accuracy's interval is Wilson's on the weighted share with
    Kish's effective sample size; macro-F1's (over the themes labelled or
    predicted) is a stratified bootstrap. None when nothing is labelled yet.
    """
    frame = labelled.dropna(subset=["label", "predicted"]).reset_index(drop=True)
    if frame.empty:
        return None
    weights = sample_weights(frame["stratum"].tolist(), sizes)
    if not np.isfinite(weights).all() or weights.sum() <= 0:
        weights = np.ones(len(frame))
    classes = sorted(set(frame["label"]) | set(frame["predicted"]))
    index = {c: i for i, c in enumerate(classes)}
    k = len(classes)
    true = frame["label"].map(index).to_numpy()
    pred = frame["predicted"].map(index).to_numpy()
    correct = (true == pred).astype(float)
    accuracy = float(np.sum(weights * correct) / np.sum(weights))
    effective_n = float(weights.sum() ** 2 / np.sum(weights**2))
    low, high = wilson_interval(accuracy, effective_n)
    precision, recall, f1, confusion = _weighted_f1(true, pred, weights, k)
    macro = float(f1.mean())

    rng = np.random.default_rng(seed)
    groups = [np.flatnonzero(frame["stratum"].to_numpy() == h) for h in frame["stratum"].unique()]
    boot = np.empty(n_boot)
    for b in range(n_boot):
        idx = np.concatenate([rng.choice(g, size=len(g), replace=True) for g in groups])
        boot[b] = _weighted_f1(true[idx], pred[idx], weights[idx], k)[2].mean()
    f1_low, f1_high = (float(v) for v in np.quantile(boot, [0.025, 0.975]))

    label_share = np.bincount(true, weights=weights, minlength=k) / weights.sum()
    n_true = np.bincount(true, minlength=k)
    n_pred = np.bincount(pred, minlength=k)
    per_theme = pd.DataFrame(
        {
            "theme": classes,
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "n_labelled": n_true,
            "n_predicted": n_pred,
        }
    )
    pairs = [
        (classes[i], classes[j], confusion[i, j] / weights.sum(), int(np.sum((true == i) & (pred == j))))
        for i in range(k)
        for j in range(k)
        if i != j and confusion[i, j] > 0
    ]
    confusions = (
        pd.DataFrame(pairs, columns=["label", "predicted", "share", "n"])
        .sort_values(["share", "n"], ascending=False, kind="stable")
        .reset_index(drop=True)
    )
    return SampleQuality(
        n=len(frame),
        population=int(sum(sizes.get(str(h), 0) for h in frame["stratum"].unique())),
        accuracy=accuracy,
        accuracy_low=low,
        accuracy_high=high,
        macro_f1=macro,
        macro_f1_low=min(f1_low, macro),
        macro_f1_high=max(f1_high, macro),
        baseline_accuracy=float(label_share.max()),
        effective_n=effective_n,
        per_theme=per_theme,
        confusions=confusions,
    )


#: Accuracy the predictions that are shown (not abstained) should reach.
TARGET_ACCURACY = 0.8
#: Labels needed before a threshold is chosen from them, and accepted predictions needed to judge one.
MIN_SAMPLE_FOR_THRESHOLD = 30
MIN_ACCEPTED = 10
#: A threshold above every probability: abstain on all predictions.
ABSTAIN_ALL = 1.01


@dataclass(frozen=True)
class ThresholdChoice:
    """The abstention threshold and what it does on the labelled sample."""

    threshold: float
    from_sample: bool
    accepted_accuracy: float | None
    abstained_share: float | None
    n_accepted: int
    target: float = TARGET_ACCURACY


def choose_threshold(
    labelled: pd.DataFrame,
    sizes: dict[str, int],
    *,
    target: float = TARGET_ACCURACY,
    min_sample: int = MIN_SAMPLE_FOR_THRESHOLD,
    min_accepted: int = MIN_ACCEPTED,
) -> ThresholdChoice:
    """The lowest confidence at which the predictions kept reach ``target`` accuracy on the sample.

    ``labelled`` has ``stratum``, ``predicted``, ``confidence`` and ``label``.
    Accuracy and the abstained share are weighted like :func:`sample_quality`.
    With fewer than ``min_sample`` labels the default threshold stands
    (``from_sample`` False); if no threshold keeping at least ``min_accepted``
    labelled predictions reaches the target, every prediction is abstained
    (:data:`ABSTAIN_ALL`): showing guesses that are mostly wrong helps no one.
    """
    frame = labelled.dropna(subset=["label", "predicted", "confidence"]).reset_index(drop=True)
    if len(frame) < min_sample:
        return ThresholdChoice(DEFAULT_THRESHOLD, False, None, None, 0, target)
    weights = sample_weights(frame["stratum"].tolist(), sizes)
    if not np.isfinite(weights).all() or weights.sum() <= 0:
        weights = np.ones(len(frame))
    confidence = frame["confidence"].to_numpy(dtype=float)
    correct = (frame["label"].to_numpy() == frame["predicted"].to_numpy()).astype(float)
    for threshold in np.unique(confidence):
        kept = confidence >= threshold
        if kept.sum() < min_accepted:
            break
        accuracy = float(np.sum(weights[kept] * correct[kept]) / np.sum(weights[kept]))
        if accuracy >= target:
            return ThresholdChoice(
                float(threshold),
                True,
                accuracy,
                float(np.sum(weights[~kept]) / np.sum(weights)),
                int(kept.sum()),
                target,
            )
    return ThresholdChoice(ABSTAIN_ALL, True, None, 1.0, 0, target)


#: Fewer labelled complaints than this: no classifier.
MIN_LABELLED = 50


@dataclass
class ThemeStatus:
    """What the Pengaduan page says about themes: the model in use, its measured quality, the threshold.

    ``quality`` is None until a labelling round has labels ("not yet
    measured"); it describes the model that made the sampled predictions
    (``round.model_id``), which may be older than ``model`` when the worker has
    retrained since: the page says so.
    """

    model: object | None
    round: object | None
    open_round: object | None
    quality: SampleQuality | None
    threshold: float
    threshold_choice: ThresholdChoice | None
    counts: dict[str, int]
    refreshing: bool = False


#: Default size of a labelling round, and the least per predicted theme.
ROUND_SIZE = 200
MIN_PER_STRATUM = 5


def allocate_sample(sizes: dict[str, int], total: int, minimum: int = MIN_PER_STRATUM) -> dict[str, int]:
    """Sample size per stratum: proportional to its size, at least ``minimum`` (or all it has)."""
    population = sum(sizes.values())
    if population == 0 or total <= 0:
        return {h: 0 for h in sizes}
    allocation = {h: min(n, max(minimum, int(round(total * n / population)))) for h, n in sizes.items()}
    return allocation
