"""Themes of complaints from their text: Indonesian normalisation and a linear classifier.

About four in ten complaints arrive without a category. A classifier trained
on the complaints that *do* carry one (the project's own data, nothing
downloaded) guesses the theme of the rest, with a probability as confidence;
its quality is measured by stratified k-fold cross-validation (macro-F1, so
that rare themes such as pungli count as much as common ones) and shown next
to every predicted figure.

Model: word TF-IDF (1–2-grams) + character TF-IDF (``char_wb`` 2–5-grams,
robust to typos and run-together words) → multinomial logistic regression
with balanced class weights. Texts are normalised first: lower case, URLs and
numbers replaced, letters repeated for emphasis collapsed ("lamaaa" → "lama"),
and common chat spellings expanded ("yg" → "yang", "gak" → "tidak",
"bgt" → "banget").

:func:`classify_uncategorised` trains on the database's labelled complaints
(cached per process until those change) and stores ``predicted_category`` and
``predicted_confidence`` for complaints without a category. Call it after an
import of complaints and after loading the demo city.
"""

from __future__ import annotations

import re
import threading
import time
import warnings
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, precision_recall_fscore_support
from sklearn.model_selection import StratifiedKFold, train_test_split
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import FunctionTransformer
from sqlalchemy import Engine
from threadpoolctl import threadpool_limits

from lib.queries import complaints as complaint_queries

#: Theme keys as stored in ``complaint.category``, in display order.
THEMES: tuple[str, ...] = (
    "waktu",
    "perilaku",
    "biaya",
    "prosedur",
    "sarana",
    "informasi",
    "sistem",
    "lainnya",
)

#: Spellings found in uploaded files → theme key.
_THEME_ALIASES: dict[str, str] = {
    "waktu": "waktu",
    "waktu/antrian": "waktu",
    "antrian": "waktu",
    "waktu pelayanan": "waktu",
    "lama": "waktu",
    "perilaku": "perilaku",
    "perilaku petugas": "perilaku",
    "sikap petugas": "perilaku",
    "biaya": "biaya",
    "biaya/pungli": "biaya",
    "pungli": "biaya",
    "pungutan liar": "biaya",
    "tarif": "biaya",
    "prosedur": "prosedur",
    "prosedur/persyaratan": "prosedur",
    "persyaratan": "prosedur",
    "sarana": "sarana",
    "sarana prasarana": "sarana",
    "sarana/prasarana": "sarana",
    "fasilitas": "sarana",
    "informasi": "informasi",
    "info": "informasi",
    "sistem": "sistem",
    "sistem/aplikasi": "sistem",
    "aplikasi": "sistem",
    "online": "sistem",
    "lainnya": "lainnya",
    "lain-lain": "lainnya",
    "lain lain": "lainnya",
    "other": "lainnya",
}

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


def normalise_theme_key(value: object) -> str | None:
    """A category as stored or uploaded → a theme key (unknown labels: lower-cased as given; blank: None)."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    text = _SPACES.sub(" ", str(value).strip().lower())
    if not text:
        return None
    return _THEME_ALIASES.get(text, _THEME_ALIASES.get(text.replace(" / ", "/"), text))


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


def build_theme_pipeline(*, c: float = 2.0, seed: int = 0) -> Pipeline:
    """The untrained pipeline: normaliser → word + char TF-IDF → logistic regression."""
    features = FeatureUnion(
        [
            (
                "words",
                TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, max_features=50_000),
            ),
            (
                "chars",
                TfidfVectorizer(
                    analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True, max_features=100_000
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
                # tol 1e-3 halves the fitting time; macro-F1 on the demo moves by 0.002
                LogisticRegression(C=c, class_weight="balanced", max_iter=2000, tol=1e-3, random_state=seed),
            ),
        ]
    )


@contextmanager
def _quiet_single_thread() -> Iterator[None]:
    """One BLAS/OpenMP thread: on a shared 2-core server the solver is >10x faster than with
    threads fighting each other (and a page must not take every core)."""
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
    """A trained pipeline with the quality measured before it was fitted on all data."""

    pipeline: Pipeline
    quality: ThemeModelQuality
    classes: list[str]


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


def train_theme_classifier(
    texts: Sequence[object],
    labels: Sequence[object],
    *,
    folds: int = 5,
    seed: int = 0,
    max_cv_rows: int | None = None,
) -> ThemeModel:
    """Cross-validate (on at most ``max_cv_rows`` texts), then fit on all labelled texts."""
    quality = evaluate_theme_classifier(texts, labels, folds=folds, seed=seed, max_rows=max_cv_rows)
    frame, _ = _training_frame(texts, labels, folds)
    pipeline = build_theme_pipeline(seed=seed)
    with _quiet_single_thread():
        pipeline.fit(frame["text"].to_numpy(), frame["theme"].to_numpy())
    return ThemeModel(pipeline=pipeline, quality=quality, classes=[str(c) for c in pipeline.classes_])


def predict_themes(model: ThemeModel, texts: Sequence[object]) -> pd.DataFrame:
    """``theme`` and ``confidence`` (the predicted class's probability) per text, in input order."""
    if len(texts) == 0:
        return pd.DataFrame({"theme": pd.Series(dtype=object), "confidence": pd.Series(dtype=float)})
    with _quiet_single_thread():
        probabilities = model.pipeline.predict_proba(np.asarray(list(texts), dtype=object))
    best = probabilities.argmax(axis=1)
    classes = np.asarray(model.classes, dtype=object)
    return pd.DataFrame({"theme": classes[best], "confidence": probabilities[np.arange(len(best)), best]})


# --- the database side ---------------------------------------------------------

#: Labelled complaints used at most (the newest): keeps training to seconds on a big city.
MAX_TRAINING_ROWS = 20_000
#: Labelled complaints used at most for cross-validation (a stratified sample).
MAX_CV_ROWS = 6_000
#: Fewer labelled complaints than this: no classifier (its quality could not be trusted).
MIN_LABELLED = 50

_CACHE: dict[tuple[str, tuple], ThemeModel] = {}
_CACHE_LOCK = threading.Lock()


def theme_model(engine: Engine, *, folds: int = 5, seed: int = 0) -> ThemeModel | None:
    """The classifier trained on this database's labelled complaints, or None if too few exist.

    Cached per process and database; retrained only when the labelled
    complaints change (see ``theme_label_fingerprint``).
    """
    fingerprint = complaint_queries.theme_label_fingerprint(engine)
    if sum(n for _, n, _ in fingerprint) < MIN_LABELLED:
        return None
    key = (engine.url.render_as_string(hide_password=True), (fingerprint, folds, seed))
    with _CACHE_LOCK:
        cached = _CACHE.get(key)
    if cached is not None:
        return cached
    labelled = complaint_queries.labelled_complaint_texts(engine, max_rows=MAX_TRAINING_ROWS)
    try:
        model = train_theme_classifier(
            labelled["text"].tolist(), labelled["category"].tolist(), folds=folds, seed=seed
        )
    except ValueError:
        return None
    with _CACHE_LOCK:
        if len(_CACHE) >= 4:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[key] = model
    return model


@dataclass
class ClassificationRun:
    """What :func:`classify_uncategorised` did."""

    predicted: int
    quality: ThemeModelQuality | None
    seconds: float
    reason: str | None = None


def classify_uncategorised(
    engine: Engine, *, only_unpredicted: bool = False, seed: int = 0
) -> ClassificationRun:
    """Predict and store the theme of every complaint without a category.

    ``only_unpredicted=True`` touches only complaints never predicted (fast
    after a small import); the default re-predicts all, which is right after
    the labelled data changed. Returns the count written and the classifier's
    cross-validated quality; when there are too few labelled complaints,
    nothing is written and ``reason`` says why.
    """
    started = time.perf_counter()
    model = theme_model(engine, seed=seed)
    if model is None:
        return ClassificationRun(0, None, time.perf_counter() - started, reason="too_few_labelled")
    targets = complaint_queries.uncategorised_complaint_texts(engine, only_unpredicted=only_unpredicted)
    predictions = predict_themes(model, targets["text"].tolist())
    written = complaint_queries.store_predicted_themes(
        engine,
        zip(
            targets["id"].tolist(),
            predictions["theme"].tolist(),
            predictions["confidence"].round(4).tolist(),
            strict=True,
        ),
    )
    return ClassificationRun(written, model.quality, time.perf_counter() - started)
