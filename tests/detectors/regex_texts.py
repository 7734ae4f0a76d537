"""Random texts a parsed regex may match: what the lexicon's regex-level tests feed their patterns."""

from __future__ import annotations

import random
from typing import Any

# Left contexts: start of text, after a sentence, after a clause word, inside a sentence.
CONTEXTS = ("", "Bon. ", "et ", "mot ", "je pense que ", "\n", "« ")
TAILS = ("", ".", " !", " et voila.", "\n")
_WORD = "abcdefghijlmnopqrstuvyz"
_CATEGORY = {
    "CATEGORY_WORD": _WORD,
    "CATEGORY_NOT_WORD": " ,'",
    "CATEGORY_DIGIT": "5",
    "CATEGORY_SPACE": " ",
    "CATEGORY_NOT_SPACE": "a.",
    "CATEGORY_NOT_DIGIT": "a",
}
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
_ZERO_WIDTH = ("AT", "ASSERT", "ASSERT_NOT")


def _char(av: Any, rng: random.Random) -> str:
    chars, negate = "", False
    for op, arg in av:
        name = str(op)
        if name == "NEGATE":
            negate = True
        elif name == "LITERAL":
            chars += chr(arg)
        elif name == "RANGE":
            chars += "".join(chr(c) for c in range(arg[0], min(arg[1], arg[0] + 30) + 1))
        elif name == "CATEGORY":
            chars += _CATEGORY.get(str(arg), "a")
    if negate:
        pool = [c for c in _WORD + " ,'.!" if c not in chars]
        return rng.choice(pool or ["a"])
    return rng.choice(chars or "a")


def generate(items: Any, rng: random.Random, out: list[str]) -> None:
    """A random text the parsed regex ``items`` may match (assertions skipped: the caller checks)."""
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            out.append(chr(av))
        elif name == "NOT_LITERAL":
            out.append("b" if chr(av) == "a" else "a")
        elif name == "ANY":
            out.append("a")
        elif name == "IN":
            out.append(_char(av, rng))
        elif name == "BRANCH":
            generate(rng.choice(av[1]), rng, out)
        elif name == "SUBPATTERN":
            generate(av[3], rng, out)
        elif name == "ATOMIC_GROUP":
            generate(av, rng, out)
        elif name in _REPEATS:
            low, high = av[0], av[1]
            for _ in range(rng.randint(low, min(high, low + 2))):
                generate(av[2], rng, out)
        elif name not in _ZERO_WIDTH:
            raise AssertionError(f"generator does not know {name}")
