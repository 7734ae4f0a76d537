"""``vigie.lexicon``: an explainable, data-driven detector of threats, incitement, hate and harassment.

The detector is an engine; what it knows lives in YAML under ``detectors/data/<iso>/`` (one folder
per language, every ``*.yaml`` in it merged) and ``detectors/data/common/`` (cues that hold in any
language: numeric dates, clock times, weapon emoji, quotation marks, @handles). The model is
Presidio's ``PatternRecognizer``: patterns, word lists and context are data, every hit names the
entry that fired and says why, so a reviewer (or a court) can trace each score to a line of data.

Data format
-----------
A language folder's YAML files may hold these top-level keys (``rules``, ``idioms``, ``endorsements`` and
the named entries of ``lists``, ``groups``, ``roles``, ``other_groups``, ``group_traits`` may be spread over
several files; the rest once)::

    lists:        {name: [term, ...]}           word lists, referenced from patterns as {name}
    rules:        [{id, label, pattern, weight, rationale, view?, cue?}, ...]
    idioms:       [{id, pattern, note, labels?}, ...]  fixed expressions that are not violence
    endorsements: [{id, pattern, note}, ...]    phrases that approve what the post quotes or reports
    groups:       {canonical_name: [term, ...]} protected groups (canonical names shared by languages)
    roles:        {kind: [term, ...]}           role nouns; kind is judge|official|journalist|executive
    other_groups: {name: [term, ...]}           groups that are not protected (trades, pastimes, road users):
                                                targets of kind ``other_group``; an attack on them alone is
                                                not hate (the default policy), a threat against them still is
                                                — unless a word of the list ``protected_traits``
                                                stands next to the noun ("white farmers")
    group_traits: {canonical_name: [word, ...]} words that name a protected group only when they qualify
                                                a person: before a noun of the list ``trait_nouns``
                                                ("gay vermin", "Islamic scumbags"), after one of
                                                ``trait_heads`` ("un mec noir"), or after a phrase of
                                                ``trait_subjects`` ("if you're white"); targets of kind
                                                ``group``, never part of ``{group}``
    determiners:  [term, ...]                   words that may precede a role noun ("the", "la")
    you:          [term, ...]                   second-person address
    quotes:       [[open, close], ...]          (common only) quotation mark pairs
    repair:       false                         this file's lists are not spelling-repair targets
                                                (everyday words: "welcome", "rights", "banks")

``label`` is one of the four categories or ``reporting``, ``counter_speech``, ``imminence``;
``weight`` in (0, 1] is the strength of one hit; ``view`` is ``folded`` (default) or ``nfkc``;
``cue`` tags a rule for the combination rules below (imminence: ``time|place|weapon|logistics``,
reporting: ``attribution``; counter_speech: ``disavowal|report_call``). Ids are ``<lang>.<kind>.<name>``,
unique, and storage keys: never reuse an id for a different meaning.

Terms are literal text, folded at load time with :func:`vigie.text.normalize.fold` (the very
function that builds the folded view), so they are written as people type them, accents and
all. In a term, a space matches any run of non-word characters, an apostrophe or hyphen an
optional one, a doubled letter may be typed single (``kill`` also matches ``kil``: the folded
view squeezes runs of three or more identical letters to ONE, so ``killll`` reads ``kil``), and
a trailing ``*`` stands for any word ending. A leading ``=`` keeps a term's doubled letters
double (``=coon``): for terms whose single-letter reading is an everyday word ("coon" would match
"con" and "cons", "nigger" the country "Niger", "refugee" "refuge"); a test checks that every
slur and group term with such a reading carries it.

Patterns are Python regexes over the view's text. On the folded view that text is casefolded,
accentless, with leetspeak, spaced-out letters, homoglyphs and invisible characters undone, so
patterns must be written in folded form (``egorger``, not ``égorger``: the loader rejects letters
that folding would change). Same conveniences as terms (space, apostrophe), plus ``{list}``
(the list's terms as an alternation), ``{group}``, ``{role}``, ``{you}`` (the target sections),
``{gap}`` (zero to three intervening words), ``{w}`` (one word) and ``{unqualified}`` (a lookahead: no
word of the language's ``contrast`` list, such as "but" or "just", follows anywhere in the text; disavowals
end with it, because "I don't hate X, but..." opens the attack it seems to deny). Use ``(?:...)``: capturing
groups are rejected. Word boundaries are added around every pattern. ``nfkc`` patterns run on
the NFKC view (case-insensitive, digits intact, for dates and times).

Scoring
-------
- Per label, a noisy-OR over distinct rules: ``1 - prod(1 - w_rule)``, where ``w_rule`` is the
  largest weight among that rule's hits (repeating a phrase does not inflate a score), capped
  at :data:`SCORE_CAP`. Every hit is evidence (label, original span, snippet, rationale naming
  the rule id, source ``vigie.lexicon@<version>``).
- Idioms: a hit of a label the idiom covers (its ``labels``; by default ``violent_threat`` and
  ``incitement``: "you're killing me") overlapping an idiom span is dropped, and
  ``extras["suppressed"]`` says which idiom suppressed which rule. Every idiom span goes to
  ``extras["idioms"]`` (:data:`vigie.types.IDIOMS`) with its labels, so that the pipeline can have
  the other detectors read the post without it (:mod:`vigie.idioms`).
- Negation: a category hit preceded by a negation word of the language's ``negation`` list (or a
  denying frame of its ``negation_frame`` list: "it's not true that", "I would never call"), or
  containing one, or followed by one that closes the clause (German word order: ``ich hasse
  Muslime nicht.``), has its weight multiplied by :data:`NEGATED_FACTOR` (``"I will never hurt
  you"``), noted in ``extras["negated"]``. A rule whose own pattern spells a negation
  (``"are not human"``) is exempt from the inside check.
- Imminence: noisy-OR of the time, place, weapon and logistics cues, multiplied by
  :data:`IMMINENCE_ALONE_FACTOR` unless a ``violent_threat`` or ``incitement`` hit survived:
  a date alone is not imminence, a date next to a threat is.
- Targets required: a ``violent_threat``/``incitement`` rule with ``cue: needs_target`` (a harm
  predicate such as "will be shot", "gets a bullet") counts only when a target lies in its
  sentence or the one before; otherwise it is dropped and named in ``extras["untargeted"]``.
- Planned violence: a surviving violence hit plus a time or place cue adds one hit of weight
  :data:`PLANNED_WEIGHT` to that label (on the time/place span), and the imminence score is at
  least :data:`IMMINENT_FLOOR`: a dated or placed threat is planned, not abstract.
- Disavowals: a ``counter_speech`` rule with ``cue: disavowal`` ("I don't hate X") is dropped when a
  hate, threat or incitement hit at full weight lies outside its sentence ("I don't hate X. X are
  vermin."), named in ``extras["disavowal_dropped"]``: it speaks for its sentence only. The
  sentences of the disavowals that survive, and of every reporting hit (news frames its own
  sentence), go to ``extras["sentence_scoped"]`` (:data:`vigie.types.SENTENCE_SCOPED`), so that
  an attack in another sentence — the encoder's too — voids them when signals combine
  (``vigie.decision.base.combine_signals``).
- Report calls: a ``counter_speech`` rule with ``cue: report_call`` ("Report this!", "Meldet so
  etwas!") opposes words the post cites; it is dropped when the post asserts an attack itself (a
  hate, threat or incitement hit at full weight outside every quotation and after no
  ``citation_frame`` of its own sentence, and no reporting cue), named in
  ``extras["report_call_dropped"]``: "Jews are vermin. Report this!" is the attack.
- Quoted mentions: a category hit that lies inside quotation marks, in a post that says at least
  :data:`FRAME_WORDS` words outside its quotations, has its weight multiplied by
  :data:`QUOTED_FACTOR`, noted in ``extras["quoted"]``. Why: a quotation inside a frame is a
  *mention*; whether the frame opposes it ("When you post "deport all X" you spread hate") or
  endorses it ("My grandfather said "X are vermin" and he was right") is a reading of the frame,
  which the encoder's heads make (trained on ``counter_quote``; ``quote_endorse`` is measured,
  not trained on, and the heads read it poorly: MODEL_CARD.md, failure modes), not a word list.
  A post that is one quotation, or a quotation with a handle ("RT @user: "...""), is not
  discounted: there is no frame to read.
- Endorsements: an ``endorsements`` entry ("... and he was right", "finally someone says it") outside
  every quotation, in a post without a counter-speech cue, means the post approves the words it quotes
  or reports: quoted hits keep their full weight, reporting hits are dropped, the endorsement is
  evidence (weight 0) in each category that fired, and ``extras["endorsed"]``
  (:data:`vigie.types.ENDORSED`) lets ``combine_signals`` set aside every detector's context when any
  detector scores an attack at 0.5 or more. Alone it flags nothing.
- Reporting and counter-speech: cues score on their own; in addition a category hit inside
  quotation marks, in a post that also has an ``attribution`` cue (or a counter-speech cue), adds
  reporting (or counter-speech) evidence on the quotation with weight
  :data:`QUOTED_CONTEXT_WEIGHT` ("he wrote « ... », police said"; "saying "..." is vile").
- Targets (:class:`vigie.types.Target`): second-person address (kind ``you``), protected groups
  (kind ``group``, the canonical name), role nouns (their kind, named by the phrase plus any
  capitalised name that follows it in the original: ``Senator Tom Ridley``), @handles (kind
  ``person``). A target mention that overlaps a category hit is also evidence (label
  ``target``) in that category's score, so a threat's explanation names whom it is aimed at.

A document whose language has no data gets the common cues only, ``scores`` then holds only the
labels those cues can judge (``imminence``), and ``extras["language_supported"]`` is false.

Performance: :meth:`LexiconDetector.load` compiles, per language, one regex per rule of the
folded view, one combined regex per (label, view) for the case-insensitive nfkc view, plus one each
for idioms, negation and targets. A rule is tried on a post only when one of its *factors* — the
strings one of which its every match contains, chosen rare in everyday posts
(:mod:`vigie.detectors.factors`) — occurs in it: one Aho–Corasick pass per post and view finds
them. Measured on 3,000 posts of the benchmark mix: 95 % of the (label, view) scans matched
nothing and took 97 % of the scanning time; with the factors, 11 % of the (post, rule) pairs are
tried, and the scan costs 0.21 instead of 0.54 ms per post, with the same hits (tested against the
plain alternation of the rules: tests/detectors/test_scan_prefilter.py).
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NamedTuple

import yaml

from vigie.categories import CATEGORIES, CONTEXT_LABELS, IMMINENCE, TARGET
from vigie.detectors.base import Document
from vigie.detectors.factors import FactorIndex, choose, factor_candidates
from vigie.detectors.targets import TargetMatch, WatchlistMatcher, find_names
from vigie.errors import ConfigError
from vigie.text.normalize import View, fold
from vigie.text.regex_cache import RegexCache
from vigie.types import (
    ENDORSED,
    IDIOMS,
    SENTENCE_SCOPED,
    CategoryScore,
    Evidence,
    Signal,
    Span,
    Target,
    TargetKind,
)
from vigie.watchlist import Watchlist, load_watchlist

if TYPE_CHECKING:
    from vigie.settings import DetectionSettings

__all__ = [
    "DATA_DIR",
    "FRAME_WORDS",
    "IMMINENCE_ALONE_FACTOR",
    "NEGATED_FACTOR",
    "PLANNED_WEIGHT",
    "QUOTED_CONTEXT_WEIGHT",
    "QUOTED_FACTOR",
    "SCORE_CAP",
    "LexiconDetector",
    "LexiconTerms",
    "create",
    "lexicon_terms",
]

DATA_DIR: Final = Path(__file__).parent / "data"
COMMON: Final = "common"
SCORE_CAP: Final = 0.99
NEGATED_FACTOR: Final = 0.25
IMMINENCE_ALONE_FACTOR: Final = 0.3
QUOTED_CONTEXT_WEIGHT: Final = 0.6
QUOTED_FACTOR: Final = 0.25
FRAME_WORDS: Final = 3
PLANNED_WEIGHT: Final = 0.75
IMMINENT_FLOOR: Final = 0.6

_CATEGORY_LABELS: Final = tuple(str(c) for c in CATEGORIES)
_LABELS: Final = (*_CATEGORY_LABELS, *(str(c) for c in CONTEXT_LABELS), IMMINENCE)
_VIOLENCE: Final = frozenset({"violent_threat", "incitement"})
_REPORTING: Final = "reporting"
_COUNTER: Final = "counter_speech"
_CUES: Final[Mapping[str, frozenset[str]]] = {
    IMMINENCE: frozenset({"time", "place", "weapon", "logistics"}),
    _REPORTING: frozenset({"attribution"}),
    _COUNTER: frozenset({"disavowal", "report_call"}),
    "violent_threat": frozenset({"needs_target"}),
    "incitement": frozenset({"needs_target"}),
}
_NEEDS_TARGET: Final = "needs_target"
_DISAVOWAL: Final = "disavowal"
_REPORT_CALL: Final = "report_call"
_WHEN_WHERE: Final = frozenset({"time", "place"})
_ROLE_KINDS: Final[Mapping[str, TargetKind]] = {
    "judge": "judge",
    "official": "official",
    "journalist": "journalist",
    "executive": "executive",
}
_SECTION_KINDS: Final[Mapping[str, TargetKind]] = {"groups": "group", "other_groups": "other_group"}
"""The target kind of every entry of a section (``roles`` name theirs: :data:`_ROLE_KINDS`)."""
_VIEWS: Final = ("folded", "nfkc")
_TOP_KEYS: Final = frozenset(
    {
        "lists",
        "rules",
        "idioms",
        "endorsements",
        "groups",
        "roles",
        "other_groups",
        "group_traits",
        "determiners",
        "you",
        "quotes",
        "repair",
    }
)
_ONCE: Final = frozenset({"determiners", "you", "quotes"})
_RULE_KEYS: Final = frozenset({"id", "label", "pattern", "weight", "rationale", "view", "cue"})
_IDIOM_KEYS: Final = frozenset({"id", "pattern", "note", "labels"})
_IDIOM_LABELS: Final = ("violent_threat", "incitement")
"""What an idiom covers unless it says otherwise: violent words used for something else."""
_BUILTINS: Final[Mapping[str, str]] = {"gap": r"(?:\w+\W+){0,3}?", "w": r"\w+"}
_TARGET_REFS: Final = frozenset({"group", "role", "you"})
_LIST_NAME: Final = re.compile(r"[a-z][a-z0-9_]*")
_END: Final = r"(?:(?!\w)|(?<=['’]))"  # a word ends at a non-word character or after an elision
_REF: Final = re.compile(r"\{([a-z][a-z0-9_]*)\}")
_HANDLE_ID: Final = f"{COMMON}.target.handle"
_TRAITS: Final = "protected_traits"
"""The list (per language) of words naming a protected trait: next to an ``other_groups`` noun they make
a protected group ("white farmers", "les flics noirs"), which is then no ``other_group`` target."""
_TRAIT_NOUNS: Final = "trait_nouns"
"""The list (per language) of nouns for people, and for what contempt calls them, that a ``group_traits``
word must qualify to name a group ("gay vermin", "black lives")."""
_TRAIT_HEADS: Final = "trait_heads"
"""The list (per language) of nouns a ``group_traits`` word follows to name a group, where adjectives come
after the noun ("un mec noir", "un tío negro")."""
_TRAIT_SUBJECTS: Final = "trait_subjects"
"""The list (per language) of phrases after which a ``group_traits`` word is said of a person ("you're",
"to be"); the list ``trait_fillers`` holds the words that may stand between ("not", "really", "a")."""
_TRAIT_FILLERS: Final = "trait_fillers"
_TRAIT_BEFORE: Final = "qb"
_TRAIT_AFTER: Final = "qa"
_HANDLE: Final = re.compile(r"(?<![\w@])@\w{1,30}(?:\.\w{1,30})*")
_SPECIFIC_FOUND: Final = frozenset({"person", "official", "journalist", "judge", "executive", "org", "place"})
_NAME_WORD: Final = re.compile(r"[ \t]+([^\W\d_][\w'’\-]*)")
_NEGATION_WINDOW: Final = 24  # characters before a hit searched for a negation ending right there
_MAX_NAME_WORDS: Final = 3
_MAX_QUOTE: Final = 1000


# --------------------------------------------------------------------------- compiled data


@dataclass(frozen=True, slots=True)
class Rule:
    """One pattern entry, as loaded (``pattern`` is the authored text, for explanations)."""

    id: str
    label: str
    pattern: str
    weight: float
    rationale: str
    view: str
    cue: str | None
    file: str
    negatable: bool = True


@dataclass(frozen=True, slots=True)
class _Scanner:
    """The rules of one label and view, tried as one alternation: at each position of the text
    the first rule (strongest first) that matches there wins, and the scan resumes after it.

    Two forms (:func:`_matches` reads either):

    - ``singles``: one regex per rule (``(?<!\\w)``, the rule's first-character gate, the rule),
      with ``factors``, per rule, the strings one of which its every match contains (``None``:
      tried on every text). Only the rules whose factors occur in a text are tried
      (:mod:`vigie.detectors.factors`): most posts hold none of most rules' words;
    - ``regex``: the combined alternation, group ``r<i>`` matched meaning ``rules[i]`` fired — for
      case-insensitive scanners (the nfkc view: a match need not contain a factor's letters as
      written) and for one with a rule that can match an empty string (the rebuild assumes every
      match consumes text).
    """

    view: str
    rules: tuple[Rule, ...]
    regex: re.Pattern[str] | None = None
    singles: tuple[re.Pattern[str], ...] | None = None
    factors: tuple[tuple[str, ...] | None, ...] = ()

    needs_target: frozenset[int] = frozenset()
    """Indices of the ``needs_target`` rules (:meth:`LexiconDetector._scan`); derived from ``rules``."""

    def __post_init__(self) -> None:
        needing = frozenset(i for i, rule in enumerate(self.rules) if rule.cue == _NEEDS_TARGET)
        object.__setattr__(self, "needs_target", needing)


@dataclass(frozen=True, slots=True)
class _TargetScanner:
    """A combined alternation over target terms: group ``t<i>`` means ``entries[i]`` (kind, name, id)."""

    regex: re.Pattern[str]
    entries: tuple[tuple[TargetKind, str, str], ...]
    word_only: bool = False
    """The target's span is the matched term alone, not the words around it that made it one."""
    needs: re.Pattern[str] | None = None
    """A ``group_traits`` scanner's gate: it runs only when this finds one of the trait words, which most
    posts lack, so that the scanners around them — led by "you're", "people" — are not tried on every post;
    and its group is not named again where a group word already names it."""


@dataclass(frozen=True, slots=True)
class _Pack:
    """Everything compiled for one language (or the common cues)."""

    code: str
    scanners: tuple[_Scanner, ...]
    idioms: re.Pattern[str] | None
    idiom_notes: tuple[tuple[str, str], ...]
    idiom_labels: tuple[tuple[str, ...], ...]
    """Per idiom (in ``idiom_notes`` order), the labels whose hits it drops."""
    endorsements: re.Pattern[str] | None
    endorsement_notes: tuple[tuple[str, str], ...]
    negation: re.Pattern[str] | None
    negation_tail: re.Pattern[str] | None
    negation_after: re.Pattern[str] | None
    targets: tuple[_TargetScanner, ...]
    quotes: tuple[re.Pattern[str], ...] = ()
    labels: frozenset[str] = frozenset()
    citation: re.Pattern[str] | None = None
    """The ``citation_frame`` list: speech frames that cite what follows them in the sentence."""
    prefilter: Mapping[str, FactorIndex] = field(default_factory=dict)
    """Per view: which ``(scanner, rule)`` pairs can match a text (:mod:`vigie.detectors.factors`)."""


@dataclass(slots=True)
class _Hit:
    rule: Rule
    span: Span
    weight: float
    discounts: str = ""
    """Why ``weight`` is below the rule's ("negated", "quoted"), for the explanation."""


@dataclass(slots=True)
class _Raw:
    """One folder's YAML, merged across files, with the file each section came from."""

    code: str
    lists: dict[str, list[str]] = field(default_factory=dict)
    rules: list[tuple[str, Any]] = field(default_factory=list)
    idioms: list[tuple[str, Any]] = field(default_factory=list)
    endorsements: list[tuple[str, Any]] = field(default_factory=list)
    groups: dict[str, list[str]] = field(default_factory=dict)
    roles: dict[str, list[str]] = field(default_factory=dict)
    other_groups: dict[str, list[str]] = field(default_factory=dict)
    group_traits: dict[str, list[str]] = field(default_factory=dict)
    determiners: list[str] = field(default_factory=list)
    you: list[str] = field(default_factory=list)
    quotes: list[tuple[str, str]] = field(default_factory=list)
    origin: dict[str, str] = field(default_factory=dict)
    no_repair: set[str] = field(default_factory=set)
    """Lists defined in a file that says ``repair: false``."""


# --------------------------------------------------------------------------- loading and validation


def _fail(file: str, entry: str | None, problem: str) -> ConfigError:
    where = f"{file}: {entry}" if entry else file
    return ConfigError(f"lexicon {where}: {problem}", code="lexicon", file=file, entry=entry)


def _strings(value: Any, file: str, entry: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(file, entry, "expected a list of non-empty strings")
    return list(value)


_YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML was built with it (≈ 9× faster: 0.13 → 0.015 s for the shipped
packs), else the pure-Python one; both construct plain Python types only."""


def _read_folder(directory: Path, code: str) -> _Raw:
    raw = _Raw(code)
    files = sorted(directory.glob("*.yaml"))
    if not files:
        raise _fail(str(directory), None, "no *.yaml files")
    for path in files:
        name = f"{code}/{path.name}"
        try:
            doc = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
        except (OSError, yaml.YAMLError) as exc:
            raise _fail(name, None, f"cannot be read as YAML: {exc}") from exc
        if doc is None:
            continue
        if not isinstance(doc, dict):
            raise _fail(name, None, "top level must be a mapping")
        repair = doc.get("repair", True)
        if not isinstance(repair, bool):
            raise _fail(name, "repair", f"expected true or false, got {repair!r}")
        for key, value in doc.items():
            if key not in _TOP_KEYS:
                raise _fail(name, str(key), f"unknown section; expected one of {sorted(_TOP_KEYS)}")
            if key == "repair":
                continue
            if key == "lists" and not repair and isinstance(value, dict):
                raw.no_repair.update(str(n) for n in value)
            if key in _ONCE and key in raw.origin:
                raise _fail(name, key, f"section already defined in {raw.origin[key]}")
            raw.origin[key] = name
            _read_section(raw, key, value, name)
    return raw


def _read_section(raw: _Raw, key: str, value: Any, file: str) -> None:
    if key in ("lists", "groups", "roles", "other_groups", "group_traits"):
        if not isinstance(value, dict):
            raise _fail(file, key, "expected a mapping of name -> list of terms")
        target: dict[str, list[str]] = getattr(raw, key)
        for name, terms in value.items():
            name = str(name)
            if key == "lists" and (
                not _LIST_NAME.fullmatch(name) or name in _BUILTINS or name in _TARGET_REFS
            ):
                raise _fail(file, f"lists.{name}", "list names are [a-z][a-z0-9_]* and not a built-in name")
            if key == "roles" and name not in _ROLE_KINDS:
                raise _fail(
                    file, f"roles.{name}", f"unknown role kind; expected one of {sorted(_ROLE_KINDS)}"
                )
            if name in target:
                raise _fail(file, f"{key}.{name}", "defined twice in this language")
            target[name] = _strings(terms, file, f"{key}.{name}")
    elif key in ("rules", "idioms", "endorsements"):
        if not isinstance(value, list):
            raise _fail(file, key, "expected a list of entries")
        getattr(raw, key).extend((file, entry) for entry in value)
    elif key in ("determiners", "you"):
        setattr(raw, key, _strings(value, file, key))
    else:  # quotes
        if not isinstance(value, list) or not all(
            isinstance(p, list) and len(p) == 2 and all(isinstance(q, str) and len(q) == 1 for q in p)
            for p in value
        ):
            raise _fail(file, key, "expected a list of [open, close] single characters")
        raw.quotes = [(p[0], p[1]) for p in value]


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


STRICT_MARK: Final = "="
"""A term's first character when its doubled letters must stay double (module docstring)."""
_END_MARK: Final = "\x00"  # trie key: a term may end here
_WILD_MARK: Final = "\x01"  # trie key: a term ends here with any word ending (term*)


def _term_strings(term: str, view: str) -> set[tuple[str, bool, bool]]:
    """The strings a term is matched as in ``view`` (folded, or lowered with and without
    accents for nfkc), each with whether it ends in a ``*`` wildcard and whether its doubled
    letters must stay double (a leading ``=``)."""
    strict = term.startswith(STRICT_MARK)
    term = term[1:] if strict else term
    wildcard = term.endswith("*")
    base = term[:-1].strip() if wildcard else term.strip()
    if view == "folded":
        variants = {_fold_term(base)}
    else:
        lowered = base.casefold()
        variants = {lowered, _strip_accents(lowered)}
    return {(v, wildcard, strict) for v in variants if v}


def _char_regex(ch: str, prev: str, elision: bool) -> str:
    """One term character as regex: space = non-word run, apostrophe/hyphen optional (but an
    elision's final apostrophe, as in ``t'``, is required), a doubled letter optional."""
    if ch == " ":
        return r"\W+"
    if ch in "'’":
        return "['’]" if elision else r"\W?"
    if ch == "-":
        return r"\W?"
    if ch == prev and ch.isalpha():
        return re.escape(ch) + "?"
    return re.escape(ch)


def _trie_regex(node: dict[str, Any], prev: str = "") -> str:
    """Regex for a character trie of terms: branches split on their first character, so the
    regex engine rejects most terms with one comparison instead of trying each in turn. A key
    of two characters (letter + ``STRICT_MARK``) is a doubled letter that must stay double."""
    parts = [
        (re.escape(key[0]) if len(key) == 2 else _char_regex(key, prev, _END_MARK in child))
        + _trie_regex(child, key[0])
        for key, child in sorted(node.items())
        if key not in (_END_MARK, _WILD_MARK)
    ]
    if _WILD_MARK in node:
        parts.append(r"\w*")
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    if _END_MARK in node and _WILD_MARK not in node:
        return f"(?:{body})?"
    return body


def _alternation(terms: Iterable[str], view: str) -> str:
    """One regex matching any of ``terms`` (see the module docstring for term conventions)."""
    trie: dict[str, Any] = {}
    for term in terms:
        for text, wildcard, strict in _term_strings(term, view):
            node = trie
            prev = ""
            for ch in text:
                key = ch + STRICT_MARK if strict and ch == prev and ch.isalpha() else ch
                node = node.setdefault(key, {})
                prev = ch
            node[_WILD_MARK if wildcard else _END_MARK] = {}
    return "(?:" + _trie_regex(trie) + ")"


def _translate_pattern(pattern: str) -> str:
    """Rewrite the authored conveniences (space, apostrophe) outside character classes and escapes."""
    out: list[str] = []
    i = 0
    in_class = False
    n = len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\" and i + 1 < n:
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = c != "]"
            out.append(c)
        elif c == "[":
            in_class = True
            out.append(c)
            if i + 1 < n and pattern[i + 1] == "]":  # a literal ] right after [ belongs to the class
                out.append("]")
                i += 1
        elif c == " ":
            if i + 1 < n and pattern[i + 1] == "?":
                out.append(r"\W*")
                i += 1
            else:
                out.append(r"\W+")
        elif c in "'’":
            out.append(r"\W?")
        else:
            out.append(c)
        i += 1
    return "".join(out)


@functools.cache
def _folding_changes(letter: str) -> bool:
    """Whether :func:`fold` changes ``letter`` (cached: loading asks it for every letter of every
    pattern, tens of thousands of calls; with the libyaml loader, start-up 0.97 → 0.70 s)."""
    return fold(letter) != letter


def _unfolded_letters(pattern: str) -> str:
    """Letters of the authored pattern (outside escapes and {refs}) that folding would change."""
    bare = _REF.sub("", re.sub(r"\\.", "", pattern))
    return "".join(sorted({c for c in bare if c.isalpha() and _folding_changes(c)}))


@functools.lru_cache(maxsize=65536)
def _fold_term(term: str) -> str:
    """:func:`fold` for list terms: the same terms are folded by every rule, list and language that
    uses them (measured: 69,000 folds, a third of a warm lexicon load, for ~20,000 distinct terms)."""
    return fold(term)


_sre_parser: Any = importlib.import_module("re._parser")  # untyped stdlib internals, used defensively
_ZERO_WIDTH: Final = frozenset({"ASSERT", "ASSERT_NOT", "AT"})
_REPEATS: Final = frozenset({"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"})
_MAX_GATE_RANGE: Final = 64
_DIGITS: Final = "0123456789"  # \d gates on ASCII digits: NFKC maps most other digit forms to them


def _first_chars(items: Any) -> tuple[frozenset[str], bool] | None:
    """Characters a parsed regex sequence can start with, and whether it can match empty.

    None when unknown (a category such as ``\\w``, ``.``, a backreference): the caller then
    scans without a gate. ``\\d`` counts as the ASCII digits (see :data:`_DIGITS`). Zero-width
    assertions are skipped, which can only widen the set.
    """
    chars: set[str] = set()
    for op, av in items:
        name = str(op)
        if name in _ZERO_WIDTH:
            continue
        if name == "LITERAL":
            return frozenset(chars | {chr(av)}), False
        if name == "IN":
            for item_op, item_av in av:
                item = str(item_op)
                if item == "LITERAL":
                    chars.add(chr(item_av))
                elif item == "CATEGORY" and str(item_av) == "CATEGORY_DIGIT":
                    chars.update(_DIGITS)
                elif item == "RANGE" and item_av[1] - item_av[0] <= _MAX_GATE_RANGE:
                    chars.update(chr(c) for c in range(item_av[0], item_av[1] + 1))
                else:
                    return None
            return frozenset(chars), False
        if name == "SUBPATTERN":
            sub = _first_chars(av[3])
        elif name == "BRANCH":
            sub_chars: set[str] = set()
            nullable = False
            for alternative in av[1]:
                alt = _first_chars(alternative)
                if alt is None:
                    return None
                sub_chars |= alt[0]
                nullable = nullable or alt[1]
            sub = (frozenset(sub_chars), nullable)
        elif name in _REPEATS:
            inner = _first_chars(av[2])
            sub = None if inner is None else (inner[0], inner[1] or av[0] == 0)
        else:
            return None
        if sub is None:
            return None
        chars |= sub[0]
        if not sub[1]:
            return frozenset(chars), False
    return frozenset(chars), True


_FirstChars = tuple[frozenset[str], bool] | None


def _first_chars_of(parsed: Any) -> _FirstChars:
    try:
        return _first_chars(parsed)
    except Exception:  # internals changed: scan without a gate, never fail
        return None


def _first_chars_json(parsed: Any) -> list[Any] | None:
    """:func:`_first_chars_of` as a JSON value (what :class:`RegexCache` stores)."""
    first = _first_chars_of(parsed)
    return None if first is None else [sorted(first[0]), first[1]]


def _first_chars_from_json(value: Any) -> _FirstChars:
    return None if value is None else (frozenset(value[0]), bool(value[1]))


class _EverydayCost:
    """How likely a string is to occur in a post: its occurrences per line of the everyday
    corpus (small talk in eight languages, folded as posts are), plus a little for being short
    (an absent short string is still commoner than an absent long one). Built on first use: only
    factor facts missing from the regex cache need it."""

    def __init__(self) -> None:
        from vigie.detectors import factors
        from vigie.model.everyday import corpus_files

        self.files = corpus_files()
        digest = hashlib.sha256()
        for path in [*self.files, Path(factors.__file__)]:
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        self.digest = digest.hexdigest()[:16]
        self._text: str | None = None
        self._lines = 1
        self._memo: dict[str, float] = {}

    def __call__(self, s: str) -> float:
        if s not in self._memo:
            if self._text is None:
                lines = [
                    fold(line)
                    for path in self.files
                    for line in path.read_text(encoding="utf-8").splitlines()
                    if line.strip() and not line.startswith("#")
                ]
                self._text, self._lines = "\n".join(lines), max(1, len(lines))
            self._memo[s] = (self._text.count(s) + 0.5) / self._lines + 0.002 / len(s)
        return self._memo[s]


@functools.lru_cache(maxsize=1)
def _everyday_cost() -> _EverydayCost:
    return _EverydayCost()


_FIRST_CHARS_FACT: Final = "lexicon.first_chars/1"
_RULE_FACT: Final = "lexicon.rule/2"
"""Names of the parse-tree facts :class:`RegexCache` memoizes; bump the suffix when a derivation
changes. Rule facts include the rule's scan factors, chosen with the everyday corpus: their kind
also names a digest of that corpus and of :mod:`vigie.detectors.factors` (:func:`_rule_fact_kind`)."""


def _rule_fact_kind() -> str:
    return f"{_RULE_FACT}:{_everyday_cost().digest}"


def _rule_facts(parsed: Any) -> list[Any]:
    """What :meth:`_Compiler.pattern` checks of a rule's parse tree — capturing groups, minimum
    width, first characters — and the strings one of which its every match contains, chosen to be
    rare in everyday posts (:func:`vigie.detectors.factors.choose`; ``None``: none found, or the
    rule is case-insensitive)."""
    factors = choose(factor_candidates(parsed), _everyday_cost())
    return [parsed.state.groups, parsed.getwidth()[0], _first_chars_json(parsed), factors]


def _gate(
    sources: Sequence[str],
    flags: int,
    known: Mapping[str, _FirstChars] | None = None,
    cache: RegexCache | None = None,
) -> str:
    """A lookahead on the first character of any of ``sources`` (empty when unknown): it lets the
    combined regex skip most positions with one set test instead of trying every alternative.
    ``known`` holds first characters already computed (by :meth:`_Compiler.pattern`), keyed by
    source: parsing a long pattern is most of the lexicon's start-up."""
    chars: set[str] = set()
    for source in sources:
        if known is not None and source in known:
            first = known[source]
        else:
            try:
                if cache is None:
                    first = _first_chars_of(_sre_parser.parse(source, flags))
                else:
                    first = _first_chars_from_json(
                        cache.facts(_FIRST_CHARS_FACT, source, flags, _first_chars_json)
                    )
            except Exception:
                return ""
        if first is None or first[1]:
            return ""
        chars |= first[0]
    return "(?=[" + "".join(re.escape(c) for c in sorted(chars)) + "])" if chars else ""


def _combined(
    parts: Sequence[str],
    flags: int,
    known: Mapping[str, _FirstChars] | None = None,
    cache: RegexCache | None = None,
) -> re.Pattern[str]:
    """One alternation of ``parts``, led by the word-start test (so positions inside words fail
    with one check) and the first-character gate; compiled through ``cache`` when given."""
    source = rf"(?<!\w){_gate(parts, flags, known, cache)}(?:" + "|".join(parts) + ")"
    return cache.compile(source, flags) if cache is not None else re.compile(source, flags)


class _Compiler:
    """Turns one folder's raw data into regex source, validating as it goes."""

    def __init__(self, raw: _Raw, cache: RegexCache | None = None) -> None:
        self.raw = raw
        self.regex = cache if cache is not None else RegexCache("unused", enabled=False)
        """Where compiled programs and parse facts come from (in memory only when not given)."""
        self._cache: dict[tuple[str, str], str] = {}
        self.first_chars: dict[str, _FirstChars] = {}
        self.min_width: dict[str, int] = {}
        self.factors: dict[str, tuple[str, ...] | None] = {}
        self._list_negates: dict[str, bool] = {}
        """First characters of each source :meth:`pattern` returned (for the combined gate)."""
        self.negation = self._compile_terms(raw.lists.get("negation", ()), "folded")
        # Right before a hit, a negation word or a frame that denies the clause it introduces ("it's not
        # true that X are ...", "je ne traiterais jamais X de ..."): the list ``negation_frame``.
        before = [*raw.lists.get("negation", ()), *raw.lists.get("negation_frame", ())]
        self.negation_tail = (
            self.regex.compile(rf"(?<!\w){_alternation(before, 'folded')}{_END}\W*$")
            if self.negation is not None
            else None
        )
        # A negation that closes the clause right after a hit ("ich hasse Muslime nicht."); not one
        # that starts a contrast ("I hate liars, not Muslims" has a comma first).
        self.negation_after = (
            self.regex.compile(
                rf"[ \t]+{_alternation(raw.lists['negation'], 'folded')}{_END}[ \t]*(?:[.!?;:,)]|$)"
            )
            if self.negation is not None
            else None
        )

    def _compile_terms(self, terms: Iterable[str], view: str) -> re.Pattern[str] | None:
        terms = list(terms)
        if not terms:
            return None
        return self.regex.compile(rf"(?<!\w){_alternation(terms, view)}{_END}")

    def negatable(self, pattern: str) -> bool:
        """Whether negation inside a hit should dampen it: not when the pattern or a list it
        references spells a negation itself ("are not human", "nobody would miss you")."""
        if self.negation is None:
            return True
        negation = self.negation
        if negation.search(pattern):
            return False
        for name in _REF.findall(pattern):
            if name not in self._list_negates:  # once per list, not once per rule that references it
                terms = self.raw.lists.get(name, ())
                self._list_negates[name] = any(negation.search(_fold_term(t)) for t in terms)
            if self._list_negates[name]:
                return False
        return True

    def ref(self, name: str, view: str, file: str, entry: str) -> str:
        key = (name, view)
        if key not in self._cache:
            if name in _BUILTINS:
                source = _BUILTINS[name]
            elif name == "unqualified":
                # Nothing after this point of the post is a contrastive word ("I don't hate X, but...").
                contrast = self.raw.lists.get("contrast", ())
                source = rf"(?![\s\S]*?(?<!\w){_alternation(contrast, view)}{_END})" if contrast else ""
            elif name == "group":
                source = _alternation((t for terms in self.raw.groups.values() for t in terms), view)
            elif name == "role":
                source = _alternation((t for terms in self.raw.roles.values() for t in terms), view)
            elif name == "you":
                source = _alternation(self.raw.you, view)
            elif name in self.raw.lists:
                source = _alternation(self.raw.lists[name], view)
            else:
                source = ""
            if source in ("", "(?:)"):
                raise _fail(file, entry, f"unknown or empty list reference {{{name}}}")
            self._cache[key] = source
        return self._cache[key]

    def pattern(self, pattern: str, view: str, file: str, entry: str) -> str:
        if view == "folded":
            bad = _unfolded_letters(pattern)
            if bad:
                raise _fail(
                    file, entry, f"pattern is not in folded form (letters {bad!r}); write them as fold() does"
                )
        translated = _translate_pattern(pattern)
        source = _REF.sub(lambda m: self.ref(m.group(1), view, file, entry), translated)
        flags = re.IGNORECASE if view == "nfkc" else 0
        # Parsed once (or not at all: the facts are cached), not compiled: its scanner compiles it,
        # alone or in the combined alternation (start-up is mostly parsing).
        try:
            groups, min_width, first, factors = self.regex.facts(
                _rule_fact_kind(), source, flags, _rule_facts
            )
        except re.error as exc:
            raise _fail(file, entry, f"invalid regex: {exc}") from exc
        if groups > 1:
            raise _fail(file, entry, "capturing groups are not allowed; use (?:...)")
        if min_width == 0 and re.compile(source, flags).fullmatch("") is not None:
            raise _fail(file, entry, "pattern matches the empty string")
        # No leading (?<!\w): every scanner is built by _combined, which tests the word start once for
        # all its alternatives at the same position (measured: 13 % of the French pack's instructions).
        wrapped = rf"(?:{source}){_END}"
        self.first_chars[wrapped] = _first_chars_from_json(first)
        self.min_width[wrapped] = min_width
        # The factors of the wrapped source: the word-end test adds none.
        self.factors[wrapped] = None if factors is None else tuple(str(f) for f in factors)
        return wrapped


def _rule(compiler: _Compiler, file: str, entry: Any, seen: set[str]) -> tuple[Rule, str]:
    code = compiler.raw.code
    if not isinstance(entry, dict):
        raise _fail(file, None, f"rule entries must be mappings, got {entry!r}")
    rid = entry.get("id")
    if not isinstance(rid, str) or not rid.startswith(f"{code}."):
        raise _fail(file, str(rid), f"rule id must be a string starting with '{code}.'")
    if rid in seen:
        raise _fail(file, rid, "duplicate id")
    seen.add(rid)
    unknown = set(entry) - _RULE_KEYS
    if unknown:
        raise _fail(file, rid, f"unknown keys {sorted(unknown)}")
    label = entry.get("label")
    if label not in _LABELS:
        raise _fail(file, rid, f"unknown label {label!r}; expected one of {list(_LABELS)}")
    weight = entry.get("weight")
    if isinstance(weight, bool) or not isinstance(weight, int | float) or not 0.0 < weight <= 1.0:
        raise _fail(file, rid, f"weight must be a number in (0, 1], got {weight!r}")
    rationale = entry.get("rationale")
    if not isinstance(rationale, str) or not rationale.strip():
        raise _fail(file, rid, "rationale must be a non-empty string")
    view = entry.get("view", "folded")
    if view not in _VIEWS:
        raise _fail(file, rid, f"view must be one of {list(_VIEWS)}, got {view!r}")
    cue = entry.get("cue")
    if cue is not None and cue not in _CUES.get(label, ()):
        raise _fail(file, rid, f"cue {cue!r} is not valid for label {label!r}")
    pattern = entry.get("pattern")
    if not isinstance(pattern, str) or not pattern:
        raise _fail(file, rid, "pattern must be a non-empty string")
    source = compiler.pattern(pattern, view, file, rid)
    negatable = compiler.negatable(pattern)
    rule = Rule(rid, label, pattern, float(weight), rationale, view, cue, file, negatable)
    return rule, source


def _expressions(
    compiler: _Compiler, seen: set[str], kind: str
) -> tuple[re.Pattern[str] | None, tuple[tuple[str, str], ...], tuple[tuple[str, ...], ...]]:
    """Compile a folder's ``idioms`` or ``endorsements`` (``kind``): entries ``{id, pattern, note}``
    on the folded view, one combined regex whose group ``i<n>`` names the n-th entry; and per entry
    the labels an idiom covers (``labels``, idioms only; default :data:`_IDIOM_LABELS`)."""
    parts: list[str] = []
    sources: list[tuple[str, str, str]] = []
    notes: list[tuple[str, str]] = []
    covers: list[tuple[str, ...]] = []
    singular = kind[:-1]
    for file, entry in getattr(compiler.raw, kind):
        if not isinstance(entry, dict):
            raise _fail(file, None, f"{singular} entries must be mappings, got {entry!r}")
        iid = entry.get("id")
        if not isinstance(iid, str) or not iid.startswith(f"{compiler.raw.code}."):
            raise _fail(
                file, str(iid), f"{singular} id must be a string starting with '{compiler.raw.code}.'"
            )
        if iid in seen:
            raise _fail(file, iid, "duplicate id")
        seen.add(iid)
        unknown = set(entry) - _IDIOM_KEYS - (set() if kind == "idioms" else {"labels"})
        if unknown or (kind != "idioms" and "labels" in entry):
            raise _fail(file, iid, f"unknown keys {sorted(unknown | ({'labels'} & set(entry)))}")
        labels = entry.get("labels", list(_IDIOM_LABELS))
        if (
            not isinstance(labels, list)
            or not labels
            or not all(isinstance(lb, str) and lb in _CATEGORY_LABELS for lb in labels)
        ):
            raise _fail(
                file, iid, f"labels must be a non-empty list of {sorted(_CATEGORY_LABELS)}, got {labels!r}"
            )
        note, pattern = entry.get("note"), entry.get("pattern")
        if not isinstance(note, str) or not note.strip() or not isinstance(pattern, str) or not pattern:
            raise _fail(file, iid, f"{kind} need a non-empty pattern and note")
        source = compiler.pattern(pattern, "folded", file, iid)
        parts.append(f"(?P<i{len(notes)}>{source})")
        sources.append((file, iid, source))
        notes.append((iid, note))
        covers.append(tuple(lb for lb in _CATEGORY_LABELS if lb in labels))
    if not parts:
        return None, (), ()
    try:
        return _combined(parts, 0, cache=compiler.regex), tuple(notes), tuple(covers)
    except re.error as exc:
        raise _culprit(sources, 0, exc) from exc


def _culprit(sources: Sequence[tuple[str, str, str]], flags: int, exc: re.error) -> ConfigError:
    """The error naming the entry whose regex does not compile, once a combined scanner failed to.
    Entries are only parsed when loaded (compiling each costs start-up), and parsing does not catch
    everything compiling does (a look-behind of variable width)."""
    for file, entry, source in sources:
        try:
            re.compile(source, flags)
        except re.error as own:
            return _fail(file, entry, f"invalid regex: {own}")
    return ConfigError(f"lexicon: a combined pattern does not compile: {exc}", code="lexicon")


def _targets(compiler: _Compiler) -> tuple[_TargetScanner, ...]:
    raw = compiler.raw
    scanners: list[_TargetScanner] = []
    if raw.you:
        scanners.append(
            _TargetScanner(
                # A pronoun glued by a hyphen ("rendez-vous", "voulez-vous", "tais-toi") is a compound
                # noun or an inverted verb far more often than an address to the reader; threats that
                # address the reader carry a free pronoun too ("tais-toi ou je te tue").
                _combined(
                    [rf"(?<!-)(?P<t0>{_alternation(raw.you, 'folded')}){_END}"], 0, cache=compiler.regex
                ),
                (("you", "you", f"{raw.code}.target.you"),),
            )
        )
    for section in ("groups", "roles", "other_groups"):
        table: dict[str, list[str]] = getattr(raw, section)
        if not table:
            continue
        entries: list[tuple[TargetKind, str, str]] = []
        parts: list[str] = []
        for name in sorted(table):
            kind: TargetKind = _SECTION_KINDS[section] if section in _SECTION_KINDS else _ROLE_KINDS[name]
            parts.append(f"(?P<t{len(entries)}>{_alternation(table[name], 'folded')})")
            entries.append((kind, name, f"{raw.code}.target.{section[:-1]}.{name.replace(' ', '_')}"))
        body = rf"(?:{'|'.join(parts)}){_END}"
        traits = raw.lists.get(_TRAITS) if section == "other_groups" else None
        if traits:
            # a protected trait next to the noun makes a protected group ("white farmers", "les flics noirs")
            trait = _alternation(traits, "folded")
            body = rf"(?:(?P<{_TRAIT_BEFORE}>{trait})\W+)?{body}(?:\W+(?P<{_TRAIT_AFTER}>{trait}){_END})?"
        if section != "groups" and raw.determiners:
            body = rf"(?:{_alternation(raw.determiners, 'folded')}\W*)?{body}"
        scanners.append(_TargetScanner(_combined([body], 0, cache=compiler.regex), tuple(entries)))
    if raw.group_traits:
        scanners.extend(_trait_scanners(compiler))
    return tuple(scanners)


def _trait_scanners(compiler: _Compiler) -> list[_TargetScanner]:
    """Group words that are adjectives first ("gay", "black", "Islamic", "noir", "schwuler"): a group target
    only where they qualify a person —

    - before a noun of the language's ``trait_nouns`` ("gay vermin like you", "your black lives", "Islamic
      scumbags", "schwule Männer");
    - after a noun of its ``trait_heads``, in languages whose adjectives follow the noun ("un mec noir",
      "racaille arabe", "un tío negro");
    - said of a person, after a phrase of ``trait_subjects`` and at most three words of ``trait_fillers``
      ("if you're white", "you're not really disabled", "t'es qu'un sale noir"; the span is the word alone).

    Why not in ``groups``: there they would be ``{group}`` in every rule, and "I hate Chinese food", "the
    black car", "I disabled the alarm" would read as groups attacked. Here they only name whom a post is
    aimed at, which the default policy asks before calling an insult to the reader hate (``reader_only``)."""
    raw = compiler.raw
    where = raw.origin["group_traits"]
    lists = {name: raw.lists.get(name) for name in (_TRAIT_NOUNS, _TRAIT_HEADS, _TRAIT_SUBJECTS)}
    if not any(lists.values()):
        raise _fail(where, "group_traits", f"needs at least one of the lists {', '.join(map(repr, lists))}")
    entries: list[tuple[TargetKind, str, str]] = []
    parts: list[str] = []
    for name in sorted(raw.group_traits):
        if name not in raw.groups:
            raise _fail(where, f"group_traits.{name}", "not a group of this language's groups section")
        parts.append(f"(?P<t{len(entries)}>{_alternation(raw.group_traits[name], 'folded')})")
        entries.append(("group", name, f"{raw.code}.target.group_trait.{name.replace(' ', '_')}"))
    traits = f"(?:{'|'.join(parts)})"
    words = _alternation((w for name in sorted(raw.group_traits) for w in raw.group_traits[name]), "folded")
    needs = _combined([rf"{words}{_END}"], 0, cache=compiler.regex)
    bodies: list[tuple[str, bool]] = []
    if nouns := lists[_TRAIT_NOUNS]:
        bodies.append((rf"{traits}\W+{_alternation(nouns, 'folded')}{_END}", False))
    if heads := lists[_TRAIT_HEADS]:
        bodies.append((rf"{_alternation(heads, 'folded')}\W+{traits}{_END}", False))
    if subjects := lists[_TRAIT_SUBJECTS]:
        fillers = raw.lists.get(_TRAIT_FILLERS)
        filler = rf"(?:\W+{_alternation(fillers, 'folded')}){{0,3}}" if fillers else ""
        bodies.append((rf"{_alternation(subjects, 'folded')}{filler}\W+{traits}{_END}", True))
    return [
        _TargetScanner(_combined([body], 0, cache=compiler.regex), tuple(entries), word_only, needs)
        for body, word_only in bodies
    ]


def _compile_pack(raw: _Raw, cache: RegexCache | None = None) -> _Pack:
    compiler = _Compiler(raw, cache)
    seen: set[str] = set()
    by_key: dict[tuple[str, str], list[tuple[Rule, str]]] = {}
    for file, entry in raw.rules:
        rule, source = _rule(compiler, file, entry, seen)
        by_key.setdefault((rule.label, rule.view), []).append((rule, source))
    scanners: list[_Scanner] = []
    for (_label, view), items in sorted(by_key.items()):
        items.sort(key=lambda item: (-item[0].weight, item[0].id))  # strongest alternative wins a tie
        flags = re.IGNORECASE if view == "nfkc" else 0
        rules = tuple(r for r, _s in items)
        if flags == 0 and all(compiler.min_width[src] > 0 for _r, src in items):
            singles = []
            for rule, src in items:
                try:
                    singles.append(_combined([src], flags, compiler.first_chars, compiler.regex))
                except re.error as exc:  # parsing passed; compiling failed (a variable-width look-behind...)
                    raise _culprit([(rule.file, rule.id, src)], flags, exc) from exc
            factors = tuple(compiler.factors[src] for _r, src in items)
            scanners.append(_Scanner(view, rules, singles=tuple(singles), factors=factors))
            continue
        parts = [f"(?P<r{i}>{source})" for i, (_r, source) in enumerate(items)]
        known = {part: compiler.first_chars.get(src) for part, (_r, src) in zip(parts, items, strict=True)}
        try:
            regex = _combined(parts, flags, known, compiler.regex)
        except re.error as exc:  # parsing passed; compiling failed (a variable-width look-behind...)
            raise _culprit([(r.file, r.id, src) for r, src in items], flags, exc) from exc
        scanners.append(_Scanner(view, rules, regex=regex))
    prefilter = {
        view: FactorIndex(
            {
                (k, i): strings
                for k, scanner in enumerate(scanners)
                if scanner.view == view and scanner.singles is not None
                for i, strings in enumerate(scanner.factors)
            }
        )
        for view in sorted({sc.view for sc in scanners if sc.singles is not None})
    }
    idioms, notes, covers = _expressions(compiler, seen, "idioms")
    endorsements, endorsement_notes, _ = _expressions(compiler, seen, "endorsements")
    quotes = tuple(
        re.compile(f"{re.escape(o)}[^{re.escape(o)}{re.escape(c)}]{{1,{_MAX_QUOTE}}}{re.escape(c)}")
        for o, c in raw.quotes
    )
    return _Pack(
        code=raw.code,
        scanners=tuple(scanners),
        idioms=idioms,
        idiom_notes=notes,
        idiom_labels=covers,
        endorsements=endorsements,
        endorsement_notes=endorsement_notes,
        negation=compiler.negation,
        negation_tail=compiler.negation_tail,
        negation_after=compiler.negation_after,
        targets=_targets(compiler),
        quotes=quotes,
        labels=frozenset(label for label, _view in by_key),
        citation=compiler._compile_terms(raw.lists.get("citation_frame", ()), "folded"),
        prefilter=prefilter,
    )


_PACKS: dict[tuple[str, str, tuple[tuple[str, int, int], ...]], _Pack] = {}
_PACKS_LOCK = threading.Lock()


def _load_pack(directory: Path, code: str) -> _Pack:
    """Read, validate and compile one language folder. Raises :class:`ConfigError` naming the
    file and entry id for a bad regex, unknown label, list reference or key, or a weight out of range.

    Compiled packs are immutable and cached per process, keyed by the folder and its files' names,
    sizes and modification times: compiling the five shipped languages takes seconds (large
    alternations), and a process that builds several pipelines (the service's reloads, the test
    suite) would otherwise pay it each time. An edited file has a new key and is compiled afresh.
    """
    stamp: list[tuple[str, int, int]] = []
    try:
        for f in sorted(directory.glob("*.yaml")):
            st = f.stat()
            stamp.append((f.name, st.st_size, st.st_mtime_ns))
    except OSError:
        stamp = []  # unreadable: _read_folder below raises the error that names it
    key = (str(directory.resolve()), code, tuple(stamp))
    with _PACKS_LOCK:
        pack = _PACKS.get(key)
    if pack is None:
        # Compiled regex programs and parse facts of this folder persist between processes
        # (vigie.text.regex_cache): most of a cold load is Python's regex parser.
        folder = hashlib.sha256(key[0].encode("utf-8", "surrogatepass")).hexdigest()[:16]
        cache = RegexCache(f"lexicon-{code}-{folder}")
        pack = _compile_pack(_read_folder(directory, code), cache)
        cache.save()
        with _PACKS_LOCK:
            _PACKS[key] = pack
    return pack


def _bare(term: str) -> str:
    """A term without its markers (a leading ``=``, a trailing ``*``)."""
    return term.removeprefix(STRICT_MARK).removesuffix("*")


class LexiconTerms(NamedTuple):
    """The words spelling repair works with (:mod:`vigie.text.spelling`), folded, markers dropped."""

    salient: frozenset[str]
    """Restored from a dropped letter ("hatrd" -> "hatred"): single-word terms of the lists a
    category rule (``violent_threat``, ``incitement``, ``hate``, ``harassment``) or a disavowal
    references (a disavowal — "no X deserves to be killed" — names the attack's vocabulary)."""
    splittable: frozenset[str]
    """Split off a run-together word ("justpathetic" -> "just pathetic"): the category rules' list
    terms only."""
    groups: frozenset[str]
    """The words of the group terms ("black" of "black people"): restored, never split off."""
    listed: frozenset[str]
    """Every list's single-word terms: real words, never repaired into something else."""


def lexicon_terms(data_dir: Path = DATA_DIR, languages: Iterable[str] | None = None) -> LexiconTerms:
    """The spelling-repair vocabulary of the language folders (every folder, or only ``languages``
    and ``common``), in one read of the data.

    Why not every list term: lists that only other context rules use (what counter-speech
    condemns, reporting verbs, dates) hold everyday words ("support", "respect", "banks",
    "appel"); salient, they split ordinary words into a second reading ("supportive" -> "support
    ive", "congressman" -> "congress man", "s'appelait" -> "s'appel ait": 126 posts of the
    40,000-post benchmark mix when lexicon v10 added such lists), and disavowal lists, which name
    attack words but also "story" and "talk", split "storytelling". Files whose lists are everyday
    words even for category rules (``stance.yaml``: "welcome", "rights"; ``conspiracy.yaml``:
    "banks", "congress") say ``repair: false``."""
    wanted = None if languages is None else {*languages, "common"}
    salient: set[str] = set()
    splittable: set[str] = set()
    listed: set[str] = set()
    grouped: set[str] = set()
    for directory in sorted(d for d in data_dir.iterdir() if d.is_dir()):
        if wanted is not None and directory.name not in wanted:
            continue
        raw = _read_folder(directory, directory.name)
        category = _referenced_lists(raw, lambda e: e.get("label") in _CATEGORY_LABELS)
        disavowal = _referenced_lists(raw, lambda e: e.get("cue") == _DISAVOWAL)
        for name, values in raw.lists.items():
            terms = [_fold_term(_bare(v)) for v in values]
            listed.update(terms)
            if name in raw.no_repair:
                continue
            if name in category:
                splittable.update(terms)
            if name in category or name in disavowal:
                salient.update(terms)
        grouped.update(
            w for values in raw.groups.values() for v in values for w in _fold_term(_bare(v)).split()
        )

    def words(found: set[str]) -> frozenset[str]:
        return frozenset(w for w in found if w.isalpha() and w.isascii())

    return LexiconTerms(words(salient), words(splittable), words(grouped), words(listed))


def _referenced_lists(raw: _Raw, wanted: Callable[[dict[str, Any]], bool]) -> set[str]:
    """Names of the lists that ``wanted`` rules reference, directly or through another list's terms."""
    names: set[str] = set()
    for _file, entry in raw.rules:
        if isinstance(entry, dict) and wanted(entry):
            names.update(_REF.findall(str(entry.get("pattern", ""))))
    pending = list(names)
    while pending:
        for term in raw.lists.get(pending.pop(), ()):
            for ref in _REF.findall(str(term)):
                if ref not in names:
                    names.add(ref)
                    pending.append(ref)
    return names


# --------------------------------------------------------------------------- scoring helpers


def _noisy_or(weights: Iterable[float]) -> float:
    remaining = 1.0
    for w in weights:
        remaining *= 1.0 - w
    return min(SCORE_CAP, 1.0 - remaining)


def _matches(
    scanner: _Scanner,
    k: int,
    text: str,
    possible: set[tuple[int, int]] | None,
    keep: Callable[[int, int, int], bool] | None = None,
) -> list[tuple[int, int, int]]:
    """``(rule index, start, end)`` of every hit of scanner ``k`` in ``text``, in order: what the
    alternation of its rules finds (:class:`_Scanner`), trying only the rules whose ``(k, i)`` is
    in ``possible`` (the factor prefilter's answer; ``None``: try them all).

    ``keep(i, start, end)`` false means rule ``i`` does not match there after all (a
    ``needs_target`` rule with no target in its sentence): the alternation goes on to the next
    rule at that position instead of resuming after the rejected match, which would hide a
    weaker rule's hit under a hit that is then dropped ("Cette salope mérite de se faire violer":
    the target-needing ``fr.threat.sera_tue`` hid the rape wish). Only the one-regex-per-rule form
    can do this; the combined form (case-insensitive scanners) returns rejected matches too, and
    the caller drops them.

    The alternation scans left to right; at each position the first rule (in scanner order) that
    matches there wins, and the scan resumes where its match ends. The same follows from each
    rule's leftmost match at or after the resume point: the earliest start wins, the lowest rule
    index on a tie; a rule whose next match started before the resume point is searched again
    from it. A rule that cannot occur in the text matches nowhere, so leaving it out changes
    nothing (tests/detectors/test_scan_prefilter.py checks both forms against each other)."""
    singles = scanner.singles
    if singles is None:
        assert scanner.regex is not None
        return [(int((m.lastgroup or "r0")[1:]), *m.span()) for m in scanner.regex.finditer(text)]
    rules = range(len(singles)) if possible is None else sorted(i for s, i in possible if s == k)
    if not rules:
        return []
    upcoming = {i: singles[i].search(text) for i in rules}
    out: list[tuple[int, int, int]] = []
    while True:
        best: re.Match[str] | None = None
        winner = -1
        for i in rules:
            m = upcoming[i]
            if m is not None and (best is None or m.start() < best.start()):
                best, winner = m, i
        if best is None:
            return out
        if keep is not None and not keep(winner, best.start(), best.end()):
            upcoming[winner] = singles[winner].search(text, best.start() + 1)
            continue
        out.append((winner, best.start(), best.end()))
        resume = best.end()
        for i in rules:
            m = upcoming[i]
            if m is not None and m.start() < resume:
                upcoming[i] = singles[i].search(text, resume)


def _untargeted(doc: Document, targets: Sequence[Target]) -> Callable[[Span], bool]:
    """Whether a hit at a span (original offsets) has no target in its sentence or the one before
    it ("The judge parks there at 8. He dies there."): what a ``needs_target`` rule must have."""
    chunks = doc.chunks or (Span(0, len(doc.text)),)

    def untargeted(span: Span) -> bool:
        i = _chunk_of(chunks, span)
        here = chunks[i]
        where = Span(chunks[i - 1].start if i > 0 else here.start, here.end)
        return not any(t.span.overlaps(where) for t in targets)

    return untargeted


def _targeted_in(
    scanner: _Scanner, view: View, untargeted: Callable[[Span], bool], rejected: set[str]
) -> Callable[[int, int, int], bool]:
    """:func:`_matches`'s ``keep``: a match of a ``needs_target`` rule counts only with a target;
    the ids of the rules it rejects are added to ``rejected`` (``extras["untargeted"]``)."""

    def keep(i: int, start: int, end: int) -> bool:
        if i not in scanner.needs_target or not untargeted(view.to_original(start, end)):
            return True
        rejected.add(scanner.rules[i].id)
        return False

    return keep


def _view_of(doc: Document, view: str) -> View:
    return doc.views.folded if view == "folded" else doc.views.nfkc


def _negated(pack: _Pack, text: str, start: int, end: int, rule: Rule) -> bool:
    """A negation word right before the hit (``don't``, ``jamais``), or inside it or closing its
    clause right after it (``ich hasse Muslime nicht.``) when the rule allows."""
    if pack.negation is None or pack.negation_tail is None or pack.negation_after is None:
        return False
    if pack.negation_tail.search(text, max(0, start - _NEGATION_WINDOW), start) is not None:
        return True
    if not rule.negatable:
        return False
    return (
        pack.negation.search(text, start, end) is not None or pack.negation_after.match(text, end) is not None
    )


def _is_planned(hit: _Hit) -> bool:
    """Whether ``hit`` is the planned-violence hit :meth:`LexiconDetector._planned` adds."""
    return hit.rule.id.endswith(".planned")


def _discounted(hit: _Hit, why: str) -> _Hit:
    """``hit`` at :data:`QUOTED_FACTOR` of its weight, the reason appended to its explanation."""
    return _Hit(
        hit.rule, hit.span, hit.weight * QUOTED_FACTOR, "; ".join(w for w in (hit.discounts, why) if w)
    )


def _chunk_of(chunks: Sequence[Span], span: Span) -> int:
    """Index of the sentence chunk ``span`` starts in (-1, the last, when none holds it)."""
    return next((i for i, c in enumerate(chunks) if c.start <= span.start < max(c.end, c.start + 1)), -1)


_FRAME_WORD = re.compile(r"[^\W\d_]{2,}")
"""A word of a quotation's frame: two letters or more (so "RT", not ":" or "—")."""
_SKIPPED_IN_FRAME = re.compile(r"(?<!\S)(?:@|#|https?://|www\.)\S*|\bRT\b")
"""Handles, hashtags, links and the retweet marker: not a frame ("RT @user: "..."")."""


def _quotations(doc: Document, packs: Sequence[_Pack]) -> Iterable[tuple[Span, str]]:
    """Quoted passages (original span, the quote pattern), found on the NFKC view."""
    nfkc = doc.views.nfkc
    for pack in packs:
        for regex in pack.quotes:
            for m in regex.finditer(nfkc.text):
                yield nfkc.to_original(*m.span()), regex.pattern


def _role_name(original: str, span: Span) -> Span:
    """Extend a role mention over the capitalised name that follows it ("Senator" + " Tom Ridley")."""
    end = span.end
    for _ in range(_MAX_NAME_WORDS):
        m = _NAME_WORD.match(original, end)
        if m is None or not m.group(1)[0].isupper():
            break
        end = m.end()
    return Span(span.start, end)


# --------------------------------------------------------------------------- the detector


class LexiconDetector:
    """Multilingual lexicon and pattern detector (see the module docstring for data and scoring).

    ``data_dir`` defaults to the packaged data; ``languages`` restricts which language folders
    are loaded (default: all five shipped). Construction is free; :meth:`load` reads and
    compiles everything once and is safe to call again or from several threads.
    """

    name: str = "vigie.lexicon"
    version: str = "24"
    labels: tuple[str, ...] = _LABELS
    languages: tuple[str, ...] | None = ("en", "fr", "es", "de", "it")

    def __init__(
        self,
        data_dir: Path | None = None,
        languages: Sequence[str] | None = None,
        *,
        watchlist: Watchlist | None = None,
    ) -> None:
        self._data_dir = data_dir or DATA_DIR
        if languages is not None:
            self.languages = tuple(languages)
        self._watchlist = WatchlistMatcher(watchlist) if watchlist is not None else None
        self._packs: dict[str, _Pack] | None = None
        self._common: _Pack | None = None
        self._lock = threading.Lock()

    @property
    def source(self) -> str:
        return f"{self.name}@{self.version}"

    def load(self) -> None:
        """Read and compile the data folders; a bad entry raises :class:`ConfigError`."""
        with self._lock:
            if self._packs is not None:
                return
            common = _load_pack(self._data_dir / COMMON, COMMON)
            packs = {code: _load_pack(self._data_dir / code, code) for code in self.languages or ()}
            self._common, self._packs = common, packs

    def detect_batch(self, docs: Sequence[Document]) -> list[Signal]:
        """One :class:`Signal` per document, in order; loads on first use."""
        if self._packs is None:
            self.load()
        return [self.detect(doc) for doc in docs]

    def detect(self, doc: Document) -> Signal:
        """Score one document."""
        if self._packs is None or self._common is None:
            self.load()
        assert self._packs is not None and self._common is not None
        code = doc.language.split("-")[0].lower()
        lang = self._packs.get(code)
        packs = (self._common, lang) if lang is not None else (self._common,)
        original = doc.views.original
        extras: dict[str, Any] = {
            "lexicon_language": lang.code if lang else None,
            "language_supported": bool(lang),
        }

        targets, target_ev = self._targets(doc, packs)
        hits = self._with_targets(doc, self._scan(doc, packs, extras, targets), targets, extras)
        by_label: dict[str, list[_Hit]] = {}
        for hit in hits:
            by_label.setdefault(hit.rule.label, []).append(hit)
        self._planned(by_label)
        self._disavowals(doc, by_label, extras)
        self._report_calls(doc, packs, by_label, extras)
        if not self._endorsed(doc, packs, by_label, extras):
            self._quoted_context(doc, packs, by_label)
            self._quoted_mentions(doc, packs, by_label, extras)
        hits = [h for label_hits in by_label.values() for h in label_hits]

        judged = set().union(*(p.labels for p in packs)) if lang is None else set(self.labels)
        scores: dict[str, CategoryScore] = {}
        violence = any(by_label.get(label) for label in _VIOLENCE)
        for label in self.labels:
            if label not in judged:
                continue
            label_hits = sorted(by_label.get(label, ()), key=lambda h: (h.span.start, h.span.end, h.rule.id))
            strongest: dict[str, float] = {}
            for hit in label_hits:
                strongest[hit.rule.id] = max(hit.weight, strongest.get(hit.rule.id, 0.0))
            score = _noisy_or(strongest.values())
            if label == IMMINENCE and label_hits:
                if not violence:
                    score *= IMMINENCE_ALONE_FACTOR
                elif any(h.rule.cue in _WHEN_WHERE for h in label_hits):
                    score = max(score, IMMINENT_FLOOR)
                extras["imminence_cues"] = sorted({h.rule.cue or "other" for h in label_hits})
            evidence = [self._evidence(original, hit) for hit in label_hits]
            if label in _CATEGORY_LABELS and label_hits:
                evidence += [ev for ev in target_ev if any(ev.span.overlaps(h.span) for h in label_hits)]
            scores[label] = CategoryScore(label, round(score, 6), tuple(evidence))
        scoped = self._sentence_scoped(doc, by_label)
        if scoped:
            extras[SENTENCE_SCOPED] = scoped
        extras["rule_hits"] = sorted({h.rule.id for h in hits})
        extras["planned"] = any(_is_planned(h) for h in hits)
        return Signal(
            detector=self.name,
            version=self.version,
            language=doc.language,
            scores=scores,
            targets=targets,
            truncated=doc.truncated,
            extras=extras,
        )

    # ------------------------------------------------------------------ steps

    def _scan(
        self, doc: Document, packs: Sequence[_Pack], extras: dict[str, Any], targets: Sequence[Target]
    ) -> list[_Hit]:
        """All rule hits, after idiom suppression and negation dampening. A ``needs_target`` rule
        with no target in its sentence (:meth:`_with_targets`) does not match at all, so the rules
        after it in its scanner are tried at that position (:func:`_matches`)."""
        folded = doc.views.folded
        untargeted = _untargeted(doc, targets)
        rejected: set[str] = set()
        idiom_spans: list[tuple[Span, str, str, tuple[str, ...]]] = []
        for pack in packs:
            if pack.idioms is None:
                continue
            for m in pack.idioms.finditer(folded.text):
                n = int((m.lastgroup or "i0")[1:])
                iid, note = pack.idiom_notes[n]
                idiom_spans.append((folded.to_original(*m.span()), iid, note, pack.idiom_labels[n]))
        hits: list[_Hit] = []
        suppressed: list[dict[str, Any]] = []
        negated: list[dict[str, Any]] = []
        for pack in packs:
            possible = {v: found.possible(_view_of(doc, v).text) for v, found in pack.prefilter.items()}
            for k, scanner in enumerate(pack.scanners):
                view = _view_of(doc, scanner.view)
                tried = possible.get(scanner.view)

                keep = _targeted_in(scanner, view, untargeted, rejected) if scanner.needs_target else None
                for i, start, end in _matches(scanner, k, view.text, tried, keep):
                    rule = scanner.rules[i]
                    span = view.to_original(start, end)
                    if span.start == span.end:
                        continue
                    idiom = next((i for i in idiom_spans if rule.label in i[3] and i[0].overlaps(span)), None)
                    if idiom is not None:
                        suppressed.append(
                            {"rule": rule.id, "idiom": idiom[1], "note": idiom[2], "start": span.start,
                             "end": span.end}
                        )  # fmt: skip
                        continue
                    weight, discounts = rule.weight, ""
                    if rule.label in _CATEGORY_LABELS and _negated(pack, view.text, start, end, rule):
                        weight, discounts = weight * NEGATED_FACTOR, f"negated, x {NEGATED_FACTOR}"
                        negated.append({"rule": rule.id, "start": span.start, "end": span.end})
                    hits.append(_Hit(rule, span, weight, discounts))
        if idiom_spans:
            extras[IDIOMS] = [
                {"idiom": i, "note": n, "start": s.start, "end": s.end, "labels": list(labels)}
                for s, i, n, labels in idiom_spans
            ]
        if suppressed:
            extras["suppressed"] = suppressed
        if negated:
            extras["negated"] = negated
        if rejected:
            extras["untargeted"] = sorted(rejected)
        return hits

    @staticmethod
    def _with_targets(
        doc: Document, hits: list[_Hit], targets: Sequence[Target], extras: dict[str, Any]
    ) -> list[_Hit]:
        """Drop ``needs_target`` hits (a harm predicate such as "will be shot", "gets a bullet") that
        have no target in their sentence: "he will be shot" needs a who to be a threat."""
        untargeted = _untargeted(doc, targets)
        kept: list[_Hit] = []
        dropped: list[str] = []
        for hit in hits:
            if hit.rule.cue == _NEEDS_TARGET and untargeted(hit.span):
                dropped.append(hit.rule.id)
                continue
            kept.append(hit)
        if dropped:
            extras["untargeted"] = sorted({*extras.get("untargeted", ()), *dropped})
        return kept

    @staticmethod
    def _disavowals(doc: Document, by_label: dict[str, list[_Hit]], extras: dict[str, Any]) -> None:
        """Drop ``disavowal`` counter-speech hits ("I don't hate X") when the post attacks in another
        sentence: a hate, threat or incitement hit at full weight (not itself negated) that reaches
        outside the disavowal's sentence ("I don't hate X. X are vermin."). A disavowal speaks for its
        sentence, not for the whole post. *Reaches*, not *lies*: an attack by reference starts in the
        sentence that names the group ("I love Muslims. They are disgusting.", "Can Muslims eat gelatin?
        They are disgusting."); counting only attacks wholly outside kept the disavowal, and the post
        was allowed whenever the encoder's best unit was the whole post (lexicon v21)."""
        counter = by_label.get(_COUNTER)
        if not counter:
            return
        chunks = doc.chunks or (Span(0, len(doc.text)),)
        attacks = [
            h for label in (*_VIOLENCE, "hate") for h in by_label.get(label, ()) if h.weight == h.rule.weight
        ]
        kept = []
        for hit in counter:
            where = chunks[_chunk_of(chunks, hit.span)]
            if hit.rule.cue == _DISAVOWAL and any(not where.contains(a.span) for a in attacks):
                extras.setdefault("disavowal_dropped", []).append(hit.rule.id)
                continue
            kept.append(hit)
        by_label[_COUNTER] = kept

    @staticmethod
    def _report_calls(
        doc: Document, packs: Sequence[_Pack], by_label: dict[str, list[_Hit]], extras: dict[str, Any]
    ) -> None:
        """Drop ``report_call`` counter-speech hits ("Report this!", "Meldet so etwas!") when the post
        asserts an attack itself: a hate, threat or incitement hit at full weight that is not cited,
        in a post with no reporting cue. Cited: inside quotation marks, or after a ``citation_frame``
        of its sentence ("I'm reporting every account that says X are vermin", "It's racist to say
        that X are animals. Report these accounts."); not merely next to the call ("Report this:
        X are rats." and "X are rats, report this" are the attack). A call to
        report opposes words the post cites; appended to an attack in the author's own voice it
        launders it (measured before: "Jews are vermin. Report this!" was allowed through the
        context cap). Named in ``extras["report_call_dropped"]``."""
        counter = by_label.get(_COUNTER)
        if not counter or by_label.get(_REPORTING) or not any(h.rule.cue == _REPORT_CALL for h in counter):
            return
        quotes = [span for span, _pattern in _quotations(doc, packs)]
        chunks = doc.chunks or (Span(0, len(doc.text)),)
        frames = [p.citation for p in packs if p.citation is not None]

        def cited(hit: _Hit) -> bool:
            if any(q.start <= hit.span.start and hit.span.end <= q.end for q in quotes):
                return True
            before = fold(doc.text[chunks[_chunk_of(chunks, hit.span)].start : hit.span.start])
            return any(frame.search(before) is not None for frame in frames)

        asserted = any(
            h.weight == h.rule.weight and not cited(h)
            for label in (*_VIOLENCE, "hate")
            for h in by_label.get(label, ())
        )
        if not asserted:
            return
        extras["report_call_dropped"] = sorted({h.rule.id for h in counter if h.rule.cue == _REPORT_CALL})
        by_label[_COUNTER] = [h for h in counter if h.rule.cue != _REPORT_CALL]

    @staticmethod
    def _sentence_scoped(doc: Document, by_label: Mapping[str, Sequence[_Hit]]) -> dict[str, Any]:
        """What :func:`vigie.decision.base.combine_signals` needs to hold context cues to their
        sentences when a detector finds an attack elsewhere in the post: per context label, the
        sentences the scoped cues touch, their evidence spans, and the label's score without them
        (``{}`` when no scoped cue fired).

        Scoped: counter-speech ``disavowal`` cues (a stance speaks for its sentence: "We stand with
        refugees. Throw every refugee in jail.") and every reporting cue (news frames the sentence
        it is in, and a quotation it attributes: "Der Täter wurde festgenommen. Alle Asylanten
        abschieben!" is news and then an exhortation). Why here and there: this detector drops a
        disavowal when its own attack lies in another sentence (:meth:`_disavowals`), but it cannot
        see the encoder's."""
        chunks = doc.chunks or (Span(0, len(doc.text)),)
        out: dict[str, Any] = {}
        rules: tuple[tuple[str, Callable[[_Hit], bool]], ...] = (
            (_COUNTER, lambda h: h.rule.cue == _DISAVOWAL),
            (_REPORTING, lambda h: True),
        )
        for label, is_scoped in rules:
            hits = by_label.get(label, ())
            scoped = [h for h in hits if is_scoped(h)]
            if not scoped:
                continue
            touched = {c for h in scoped for c in chunks if c.overlaps(h.span)}
            sentences = sorted(touched, key=lambda c: c.start)
            rest: dict[str, float] = {}
            for hit in hits:
                if not is_scoped(hit):
                    rest[hit.rule.id] = max(hit.weight, rest.get(hit.rule.id, 0.0))
            out[label] = {
                "sentences": [[c.start, c.end] for c in sentences],
                "spans": [list(x) for x in sorted({(h.span.start, h.span.end) for h in scoped})],
                "score_without": round(_noisy_or(rest.values()), 6),
            }
        return out

    @staticmethod
    def _planned(by_label: dict[str, list[_Hit]]) -> None:
        """A threat or call to violence with a time or a place is planned, not abstract: each violence
        label that fired gains one hit of weight :data:`PLANNED_WEIGHT` on the time/place cue."""
        when_where = sorted(
            (h for h in by_label.get(IMMINENCE, ()) if h.rule.cue in _WHEN_WHERE),
            key=lambda h: (h.span.start, h.span.end),
        )
        if not when_where:
            return
        cue = when_where[0]
        for label in sorted(_VIOLENCE):
            found = by_label.get(label)
            if not found:
                continue
            why = (
                f"{label} ({found[0].rule.id}) with a {cue.rule.cue} ({cue.rule.id}): "
                "a dated or placed threat is planned, not abstract"
            )
            rule = Rule(
                f"{COMMON}.{label}.planned",
                label,
                cue.rule.pattern,
                PLANNED_WEIGHT,
                why,
                "nfkc",
                None,
                COMMON,
            )
            found.append(_Hit(rule, cue.span, PLANNED_WEIGHT))

    @staticmethod
    def _endorsed(
        doc: Document, packs: Sequence[_Pack], by_label: dict[str, list[_Hit]], extras: dict[str, Any]
    ) -> bool:
        """Whether the post approves the words it quotes or reports: an ``endorsements`` entry ("...
        and he was right", "couldn't agree more", "finally someone says it") outside every
        quotation, in a post without a counter-speech cue of its own (one that opposes *and*
        approves is left to the other readings). Named in ``extras[ENDORSED]``, which
        :func:`vigie.decision.base.combine_signals` reads: with an attack of any detector at 0.5 or
        more, no detector's reporting or counter-speech excuses it.

        When this detector's own category rules fired too, the approval is theirs: quoted hits keep
        their full weight (no :data:`QUOTED_FACTOR`, no quoted context), its reporting hits are
        dropped (an attribution that frames an approval is not news; ``extras["endorsement_dropped"]``),
        and each category that fired gains the endorsement as evidence of weight 0 (it explains the
        reading, it adds nothing to the score)."""
        folded = doc.views.folded
        found: list[tuple[Span, str, str, str]] = []
        quotes: list[Span] | None = None
        for pack in packs:
            if pack.endorsements is None:
                continue
            for m in pack.endorsements.finditer(folded.text):
                span = folded.to_original(*m.span())
                if quotes is None:
                    quotes = [q for q, _pattern in _quotations(doc, packs)]
                if any(q.start <= span.start and span.end <= q.end for q in quotes):
                    continue
                iid, note = pack.endorsement_notes[int((m.lastgroup or "i0")[1:])]
                found.append((span, iid, note, pack.code))
        if not found or by_label.get(_COUNTER):
            return False
        extras[ENDORSED] = [
            {"endorsement": i, "note": n, "start": s.start, "end": s.end} for s, i, n, _c in found
        ]
        fired = [label for label in _CATEGORY_LABELS if by_label.get(label)]
        if not fired:
            return False
        dropped = by_label.pop(_REPORTING, [])
        if dropped:
            extras["endorsement_dropped"] = sorted({h.rule.id for h in dropped})
        span, iid, note, code = found[0]
        for label in fired:
            rule = Rule(iid, label, "", 0.0, f"endorsement: {note}", "folded", None, code)
            by_label[label].append(_Hit(rule, span, 0.0))
        return True

    def _quoted_context(self, doc: Document, packs: Sequence[_Pack], by_label: dict[str, list[_Hit]]) -> None:
        """Category words inside quotation marks, in a post that also attributes them (an
        ``attribution`` reporting cue) or opposes them (a counter-speech cue): context evidence
        on the quotation itself, weight :data:`QUOTED_CONTEXT_WEIGHT`."""
        quoted = [h for label in _CATEGORY_LABELS for h in by_label.get(label, ())]
        cues = {
            _REPORTING: [h for h in by_label.get(_REPORTING, ()) if h.rule.cue == "attribution"],
            _COUNTER: list(by_label.get(_COUNTER, ())),
        }
        if not quoted or not any(cues.values()):
            return
        for span, pattern in _quotations(doc, packs):
            inside = sorted(
                {h.rule.id for h in quoted if span.start <= h.span.start and h.span.end <= span.end}
            )
            for label, found in cues.items():
                if not inside or not found:
                    continue
                how = "attributes" if label == _REPORTING else "opposes"
                why = f"quoted words ({', '.join(inside)}) in a post that {how} them ({found[0].rule.id})"
                rule = Rule(
                    f"{COMMON}.{label}.quoted",
                    label,
                    pattern,
                    QUOTED_CONTEXT_WEIGHT,
                    why,
                    "nfkc",
                    None,
                    COMMON,
                )
                by_label.setdefault(label, []).append(_Hit(rule, span, rule.weight))

    @staticmethod
    def _quoted_mentions(
        doc: Document, packs: Sequence[_Pack], by_label: dict[str, list[_Hit]], extras: dict[str, Any]
    ) -> None:
        """Category hits inside a quotation that has a frame of at least :data:`FRAME_WORDS` words
        outside every quotation (handles and links not counted) weigh :data:`QUOTED_FACTOR` as much."""
        if not any(by_label.get(label) for label in _CATEGORY_LABELS):
            return
        spans = sorted({span for span, _pattern in _quotations(doc, packs)}, key=lambda s: (s.start, s.end))
        if not spans:
            return
        text, outside, at = doc.text, [], 0
        for span in spans:
            outside.append(text[at : max(at, span.start)])
            at = max(at, span.end)
        outside.append(text[at:])
        if len(_FRAME_WORD.findall(_SKIPPED_IN_FRAME.sub(" ", " ".join(outside)))) < FRAME_WORDS:
            return
        quoted: list[dict[str, Any]] = []
        for label in _CATEGORY_LABELS:
            kept: list[_Hit] = []
            for hit in by_label.get(label, ()):
                if any(q.start <= hit.span.start and hit.span.end <= q.end for q in spans):
                    quoted.append({"rule": hit.rule.id, "start": hit.span.start, "end": hit.span.end})
                    hit = _discounted(hit, f"quoted, x {QUOTED_FACTOR}")
                kept.append(hit)
            # A date or place next to a quoted threat plans nothing of the author's ("Today on the bus someone
            # shouted "kill all X". Report it."): the planned hit weighs what its threat weighs.
            planned = [h for h in kept if _is_planned(h)]
            if planned and all("quoted" in h.discounts for h in kept if not _is_planned(h)):
                kept = [
                    _discounted(h, f"planned from quoted words, x {QUOTED_FACTOR}") if h in planned else h
                    for h in kept
                ]
            if label in by_label:
                by_label[label] = kept
        if quoted:
            extras["quoted"] = quoted

    def _targets(self, doc: Document, packs: Sequence[_Pack]) -> tuple[tuple[Target, ...], list[Evidence]]:
        """Targets in text order: watch-listed people first (they win over any other reading of the
        same words), then role nouns (with the name that follows), groups, second person, @handles,
        and finally capitalised personal names that nothing else explained."""
        original = doc.views.original
        folded = doc.views.folded
        matches: list[TargetMatch] = list(self._watchlist.find(doc.views)) if self._watchlist else []
        listed = [m.target.span for m in matches]
        found: dict[tuple[str, int, int], TargetMatch] = {}
        for match in matches:
            t = match.target
            found.setdefault((t.kind, t.span.start, t.span.end), match)

        def add(kind: TargetKind, name: str, span: Span, rule: str, rationale: str) -> None:
            if kind in _SPECIFIC_FOUND and any(span.overlaps(s) for s in listed):
                return
            found.setdefault(
                (kind, span.start, span.end), TargetMatch(Target(kind, name, span), rule, rationale)
            )

        gates: dict[int, bool] = {}  # id of a scanner's ``needs`` -> whether it found anything
        for pack in packs:
            for scanner in pack.targets:
                if scanner.needs is not None:
                    found_any = gates.get(id(scanner.needs))
                    if found_any is None:
                        found_any = gates[id(scanner.needs)] = scanner.needs.search(folded.text) is not None
                    if not found_any:
                        continue
                for m in scanner.regex.finditer(folded.text):
                    last = m.lastgroup or "t0"  # the term's group closes last, unless a trait follows it
                    traited = _TRAIT_BEFORE in scanner.regex.groupindex and m[_TRAIT_BEFORE]
                    if last == _TRAIT_AFTER or traited:
                        continue  # "white farmers": a protected group the groups section may not name
                    kind, name, tid = scanner.entries[int(last[1:])]
                    span = folded.to_original(*(m.span(last) if scanner.word_only else m.span()))
                    if scanner.needs is not None and any(
                        t.kind == "group" and t.name == name and t.span.overlaps(span)
                        for t in (f.target for f in found.values())
                    ):
                        continue  # "racaille arabe": "arabe" is a group word already, one target is enough
                    if kind in _ROLE_KINDS:
                        span = _role_name(original, span)
                        name = " ".join(span.of(original).split())
                    elif kind == "other_group":  # the words as written ("the mechanics"), not the list's name
                        name = " ".join(span.of(original).split())
                    add(kind, name, span, tid, f"target {kind} {name!r} ({tid})")
        nfkc = doc.views.nfkc
        for m in _HANDLE.finditer(nfkc.text):
            span = nfkc.to_original(*m.span())
            handle = span.of(original)
            add("person", handle, span, _HANDLE_ID, f"target person {handle!r} ({_HANDLE_ID})")
        # A capitalised run that holds a group word is not a personal name ("No Muslim", "All Jews").
        named = [key for key in found if key[0] in _SPECIFIC_FOUND or key[0] == "group"]
        for match in find_names(original, skip=[Span(s, e) for _k, s, e in named]):
            t = match.target
            add(t.kind, t.name, t.span, match.rule, f"{match.rationale} ({match.rule})")
        ordered = sorted(
            found.values(), key=lambda m: (m.target.span.start, m.target.span.end, m.target.kind)
        )
        evidence = [
            Evidence(
                label=TARGET,
                span=m.target.span,
                snippet=m.target.span.of(original),
                rationale=m.rationale,
                source=self.source,
            )
            for m in ordered
        ]
        return tuple(m.target for m in ordered), evidence

    def _evidence(self, original: str, hit: _Hit) -> Evidence:
        rule = hit.rule
        note = f"; weight {rule.weight}, {hit.discounts}" if hit.discounts else ""
        return Evidence(
            label=rule.label,
            span=hit.span,
            snippet=hit.span.of(original),
            rationale=f"{rule.id}: {rule.rationale}{note}",
            source=self.source,
        )


def create(settings: DetectionSettings) -> LexiconDetector:
    """Registry factory (``vigie.detectors.lexicon:create``). Its languages are the data folders it
    ships (``settings.languages`` concerns language identification); ``settings.watchlist`` names
    the people to protect."""
    path = settings.watchlist
    return LexiconDetector(watchlist=load_watchlist(path) if path else None)
