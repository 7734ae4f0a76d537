"""Loaders for the labelled ``ship`` sets, each with a deliberate per-category label mapping.

Every loader returns :class:`Example` rows whose ``targets`` hold one value per entry of
:data:`HEAD_LABELS`: ``1.0`` (the label applies), ``0.0`` (it does not) or ``nan`` (the set
does not say: that head ignores the row). Datasets define their labels differently, so a
label is only asserted where the set's own definition supports it; the mappings are
documented in ``MODEL_CARD.md`` and here, next to the code that applies them.

Only sets whose ``use`` is ``ship`` in ``../shared/data/README.md`` have a loader here:
``eval-only`` suites (HateCheck, HatemojiCheck) and ``experiment`` sets (Gab Hate Corpus)
must never reach training, so there is deliberately no code path that reads them.

Splits are by a seeded hash of the (set, text) pair, so duplicate texts always land in the
same split and the split of a row does not depend on the other rows (adding a set leaves
the others' splits unchanged). HatemojiBuild keeps its authors' split.

This module needs pandas (the ``train`` extra); the detector never imports it.
"""

from __future__ import annotations

import ast
import hashlib
import json
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

__all__ = [
    "HEAD_LABELS",
    "SHIP_SETS",
    "Example",
    "Split",
    "assign_split",
    "file_sha256",
    "load_all",
]

Split = Literal["train", "val", "test"]
NAN = math.nan

HEAD_LABELS: tuple[str, ...] = (
    "violent_threat",
    "incitement",
    "hate",
    "harassment",
    "reporting",
    "counter_speech",
)
"""The heads the model trains, in target-vector order. The first four are categories."""

_T, _I, _H, _A, _R, _C = range(6)


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled text. ``targets[i]`` is the value for ``HEAD_LABELS[i]`` (1, 0 or nan)."""

    text: str
    targets: tuple[float, ...]
    dataset: str
    lang: str
    split: Split
    group: str = ""
    """Finer provenance used for reporting (functionality for templates, file for natural sets)."""
    template: str = ""
    """The template a generated case came from (empty for natural rows): held-out splits of
    generated cases must hold out whole templates, or near-copies leak across them."""


def _targets(
    threat: float = NAN,
    incite: float = NAN,
    hate: float = NAN,
    harass: float = NAN,
    reporting: float = NAN,
    counter: float = NAN,
) -> tuple[float, ...]:
    return (threat, incite, hate, harass, reporting, counter)


NONE_TARGETS = _targets(0.0, 0.0, 0.0, 0.0, NAN, NAN)
"""A natural row its annotators judged benign: no category applies; context is unknown."""


def assign_split(dataset: str, text: str, seed: int, *, test: float = 0.2, val: float = 0.1) -> Split:
    """Seeded, per-text split: ``test`` share held out for metrics, ``val`` for calibration/thresholds."""
    digest = hashlib.sha256(f"{seed}\x00{dataset}\x00{text}".encode("utf-8", "surrogatepass")).digest()
    u = int.from_bytes(digest[:8], "big") / 2**64
    if u < test:
        return "test"
    if u < test + val:
        return "val"
    return "train"


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _clean(text: object) -> str:
    return " ".join(str(text).split())


# --- per-set loaders ------------------------------------------------------------------------
# Each returns (text, targets, lang, group) tuples; load_all assigns splits and dedupes.
Row = tuple[str, tuple[float, ...], str, str]


def _mlma(root: Path) -> Iterable[Row]:
    """MLMA fr + en: ``hateful`` → hate; offensive/abusive/disrespectful (no hateful) → harassment.

    Rows mixing ``normal`` with a hostile label are annotator disagreement: dropped.
    ``fearful`` alone carries no category: dropped. No threat/incitement labels, so those
    heads only see MLMA's exactly-``normal`` rows (as negatives).
    """
    import pandas as pd

    for lang, name in (("fr", "fr_dataset.csv"), ("en", "en_dataset_with_stop_words.csv")):
        df = pd.read_csv(root / "mlma" / name)
        for text, sentiment in zip(df["tweet"], df["sentiment"], strict=True):
            parts = set(str(sentiment).split("_"))
            hostile = parts & {"hateful", "offensive", "abusive", "disrespectful"}
            if parts == {"normal"}:
                yield _clean(text), NONE_TARGETS, lang, f"mlma-{lang}"
            elif "normal" in parts or not hostile:
                continue
            elif "hateful" in parts:
                yield _clean(text), _targets(hate=1.0, reporting=0.0, counter=0.0), lang, f"mlma-{lang}"
            else:
                t = _targets(hate=0.0, harass=1.0, reporting=0.0, counter=0.0)
                yield _clean(text), t, lang, f"mlma-{lang}"


def _davidson(root: Path) -> Iterable[Row]:
    """Davidson: keep rows with a clear majority (≥ 2/3 of votes for the class).

    class 0 → hate (harassment unknown: slur-laden hate is often both); class 1 (offensive)
    → harassment, not hate; class 2 → none. Threat/incitement are not annotated, so only
    class-2 rows are negatives for them.
    """
    import pandas as pd

    df = pd.read_csv(root / "davidson" / "labeled_data.csv")
    cols = ("tweet", "class", "count", "hate_speech", "offensive_language", "neither")
    for tweet, cls, count, *votes in zip(*(df[c] for c in cols), strict=True):
        if int(votes[int(cls)]) * 3 < int(count) * 2:
            continue
        text = _clean(tweet)
        if cls == 0:
            yield text, _targets(hate=1.0, reporting=0.0, counter=0.0), "en", "davidson"
        elif cls == 1:
            yield text, _targets(hate=0.0, harass=1.0, reporting=0.0, counter=0.0), "en", "davidson"
        else:
            yield text, NONE_TARGETS, "en", "davidson"


def _implicit_hate(root: Path) -> Iterable[Row]:
    """Implicit Hate: stg1 explicit/implicit → hate, not_hate → none.

    The stg2 ``threatening`` class ("commitment to attack someone's body, well-being,
    reputation, liberty") is broader than violent threats (deportation, "we will win"), so
    it does not make a violent_threat positive: those rows get violent_threat = unknown,
    other implicit-hate rows get 0 (hateful but not threatening is a useful hard negative).
    stg2 ``incitement`` means promoting hate groups, i.e. hate — never incitement to violence.
    """
    import pandas as pd

    d = root / "implicit_hate"
    stg1 = pd.read_csv(d / "implicit_hate_v1_stg1_posts.tsv", sep="\t")
    stg2 = pd.read_csv(d / "implicit_hate_v1_stg2_posts.tsv", sep="\t")
    threatening = {
        p
        for p, a, b in zip(stg2["post"], stg2["implicit_class"], stg2["extra_implicit_class"], strict=True)
        if a == "threatening" or b == "threatening"
    }
    for post, cls in zip(stg1["post"], stg1["class"], strict=True):
        text = _clean(post).strip(' :"')
        if not text:
            continue
        if cls == "not_hate":
            yield text, NONE_TARGETS, "en", "implicit_hate"
        else:
            threat = NAN if post in threatening else 0.0
            incite = NAN if post in threatening else 0.0
            yield text, _targets(threat, incite, 1.0, NAN, 0.0, 0.0), "en", "implicit_hate"


def _toxigen(root: Path) -> Iterable[Row]:
    """ToxiGen (human-annotated part): toxicity_human ≥ 4 → hate, ≤ 2 → none, between → dropped.

    ``label`` is the generation prompt's class, not a judgement, and is ignored.
    """
    import pandas as pd

    df = pd.read_csv(root / "toxigen_annotated" / "small_toxigen.csv")
    for raw, tox in zip(df["text"], df["toxicity_human"], strict=True):
        value = ast.literal_eval(raw)
        text = _clean(value.decode("utf-8") if isinstance(value, bytes) else value)
        if tox >= 4.0:
            yield text, _targets(hate=1.0, reporting=0.0, counter=0.0), "en", "toxigen"
        elif tox <= 2.0:
            yield text, NONE_TARGETS, "en", "toxigen"


_FIRST_PERSON_INTENT = re.compile(
    r"\b(i|we)('ll| will| would| am going to|'m going to| are going to|'re going to| gonna| want to)\b"
    r"|\bi('d| would) (love|like) to\b",
    re.IGNORECASE,
)
_CALL = re.compile(
    r"\b(should|must|needs? to|ought to|deserves? to|let'?s|time to|we need to|someone (should|needs to)"
    r"|(hang|shoot|kill|execute) (them|him|her|'?em)"
    r"|round (them|'?em) up|take (them|him|her|'?em) out)\b",
    re.IGNORECASE,
)


def _threatgram(root: Path) -> Iterable[Row]:
    """ThreatGram101 (label meaning inferred from samples, see README).

    Label 2 (death wishes, calls to execute) → violent_threat; it is also incitement when
    the text is a call ("should be hanged", "let's", "hang them") rather than first-person
    intent, otherwise incitement is unknown. Labels 0/1 (other; non-violent punitive demands
    such as "lock her up") → 0 for both: valuable hard negatives. Hate and harassment are
    not annotated (far-right channels: many label-0 rows are hostile) → unknown.
    Texts annotated with different labels are dropped by the dedupe in :func:`load_all`.
    """
    rows = json.loads((root / "threatgram101" / "Labeled_15076.json").read_text(encoding="utf-8"))
    for r in rows:
        text = _clean(r["reply"])
        if int(r["Label"]) == 2:
            call = bool(_CALL.search(text)) and not _FIRST_PERSON_INTENT.search(text)
            yield text, _targets(1.0, 1.0 if call else NAN, NAN, NAN, 0.0, 0.0), "en", "threatgram"
        else:
            yield text, _targets(0.0, 0.0, NAN, NAN, NAN, NAN), "en", "threatgram"


def _ftr(root: Path) -> Iterable[Row]:
    """FTR (French racism): 1 → hate, 0 → none. Read leniently (8 truncated UTF-8 tails)."""
    import io

    import pandas as pd

    raw = (root / "ftr_french_racism" / "FTR_new_labels.csv").read_bytes().decode("utf-8", "replace")
    df = pd.read_csv(io.StringIO(raw))
    for text, label in zip(df["tweet"], df["label"], strict=True):
        if int(label) == 1:
            yield _clean(text), _targets(hate=1.0, reporting=0.0, counter=0.0), "fr", "ftr"
        else:
            yield _clean(text), NONE_TARGETS, "fr", "ftr"


def _ethos(root: Path) -> Iterable[Row]:
    """ETHOS: isHate ≥ 0.67 → hate, ≤ 0.33 → none, the ambiguous middle dropped.

    For hateful rows the Multi_Label ``violence`` fraction ("incites violence") ≥ 0.5 →
    incitement (violent_threat unknown: the label does not separate the two), ≤ 0.2 → not
    violent (0 for both).
    """
    import pandas as pd

    d = root / "ethos"
    binary = pd.read_csv(d / "Ethos_Dataset_Binary.csv", sep=";")
    multi = pd.read_csv(d / "Ethos_Dataset_Multi_Label.csv", sep=";")
    violence = {_clean(c): float(v) for c, v in zip(multi["comment"], multi["violence"], strict=True)}
    for comment, is_hate in zip(binary["comment"], binary["isHate"], strict=True):
        text = _clean(comment)
        if is_hate <= 1 / 3:
            yield text, NONE_TARGETS, "en", "ethos"
        elif is_hate >= 2 / 3:
            v = violence.get(text, NAN)
            threat = incite = NAN
            if v <= 0.2:
                threat = incite = 0.0
            elif v >= 0.5:
                incite = 1.0
            yield text, _targets(threat, incite, 1.0, NAN, 0.0, 0.0), "en", "ethos"


def _hatemoji_build(root: Path) -> Iterable[tuple[str, tuple[float, ...], str, str, Split]]:
    """HatemojiBuild (authors' split): label 1 → hate; type threateninglanguage → violent_threat + hate.

    Other hateful types → violent_threat 0 (derogation is not a threat); non-hateful rows
    are adversarial contrast cases (often the same emoji) → none. Incitement not annotated
    for hateful rows.
    """
    import pandas as pd

    splits: dict[str, Split] = {"train": "train", "validation": "val", "test": "test"}
    for part, split in splits.items():
        df = pd.read_csv(root / "hatemoji" / f"HatemojiBuild_{part}.csv")
        for text, kind, gold in zip(df["text"], df["type"], df["label_gold"], strict=True):
            if int(gold) == 1:
                threat = 1.0 if kind == "threateninglanguage" else 0.0
                t = _targets(threat, NAN, 1.0, NAN, 0.0, 0.0)
            else:
                t = NONE_TARGETS
            yield _clean(text), t, "en", "hatemoji_build", split


def _stormfront(root: Path) -> Iterable[Row]:
    """Stormfront: hate → hate, noHate → none; ``relation`` and ``idk/skip`` dropped (need context)."""
    import pandas as pd

    d = root / "stormfront"
    texts = pd.read_csv(d / "all_files_texts.csv")
    meta = pd.read_csv(d / "annotations_metadata.csv")
    by_id = dict(zip(texts["file_id"], texts["text"], strict=True))
    for fid, label in zip(meta["file_id"], meta["label"], strict=True):
        text = _clean(by_id.get(fid, ""))
        if not text:
            continue
        if label == "hate":
            yield text, _targets(hate=1.0, reporting=0.0, counter=0.0), "en", "stormfront"
        elif label == "noHate":
            yield text, NONE_TARGETS, "en", "stormfront"


_LOADERS: dict[str, Callable[[Path], Iterable[Row]]] = {
    "mlma": _mlma,
    "davidson": _davidson,
    "implicit_hate": _implicit_hate,
    "toxigen_annotated": _toxigen,
    "threatgram101": _threatgram,
    "ftr_french_racism": _ftr,
    "ethos": _ethos,
    "stormfront": _stormfront,
}

SHIP_SETS: dict[str, tuple[str, ...]] = {
    "mlma": ("mlma/fr_dataset.csv", "mlma/en_dataset_with_stop_words.csv"),
    "davidson": ("davidson/labeled_data.csv",),
    "implicit_hate": (
        "implicit_hate/implicit_hate_v1_stg1_posts.tsv",
        "implicit_hate/implicit_hate_v1_stg2_posts.tsv",
    ),
    "toxigen_annotated": ("toxigen_annotated/small_toxigen.csv",),
    "threatgram101": ("threatgram101/Labeled_15076.json",),
    "ftr_french_racism": ("ftr_french_racism/FTR_new_labels.csv",),
    "ethos": ("ethos/Ethos_Dataset_Binary.csv", "ethos/Ethos_Dataset_Multi_Label.csv"),
    "hatemoji_build": (
        "hatemoji/HatemojiBuild_train.csv",
        "hatemoji/HatemojiBuild_validation.csv",
        "hatemoji/HatemojiBuild_test.csv",
    ),
    "stormfront": ("stormfront/all_files_texts.csv", "stormfront/annotations_metadata.csv"),
}
"""Every data file training reads, per ``ship`` set (their sha256 goes into the manifest)."""


def _merge(rows: Iterable[tuple[str, tuple[float, ...], str, str, Split]]) -> list[Example]:
    """Dedupe within a set by text; where duplicates disagree on a label, that label becomes unknown."""
    merged: dict[str, tuple[list[float], str, str, Split]] = {}
    for text, targets, lang, group, split in rows:
        if len(text) < 3:
            continue
        prev = merged.get(text)
        if prev is None:
            merged[text] = (list(targets), lang, group, split)
            continue
        values = prev[0]
        for i, v in enumerate(targets):
            if math.isnan(values[i]):
                continue
            if math.isnan(v) or v != values[i]:
                values[i] = NAN
    return [
        Example(text, tuple(v), _set_of(group), lang, split, group)
        for text, (v, lang, group, split) in merged.items()
    ]


def _set_of(group: str) -> str:
    return group.split("-")[0]


def load_all(data_dir: Path, seed: int = 0, sets: Iterable[str] | None = None) -> list[Example]:
    """Load every ``ship`` set (or the named ones) from ``data_dir`` with its label mapping and split."""
    wanted = list(SHIP_SETS) if sets is None else list(sets)
    out: list[Example] = []
    for name in wanted:
        if name == "hatemoji_build":
            out.extend(_merge(_hatemoji_build(data_dir)))
            continue
        if name not in _LOADERS:
            raise ValueError(f"{name!r} is not a ship set; eval-only and experiment sets never train")
        rows = _LOADERS[name](data_dir)
        out.extend(_merge((t, y, lang, g, assign_split(name, t, seed)) for t, y, lang, g in rows))
    return out
