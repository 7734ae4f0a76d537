"""The lexicon's version names its rules: changed packs under an old version would make two
decision records that cite ``vigie.lexicon@N`` disagree about what N read.

When this fails after an edit of ``src/vigie/detectors/data``: bump ``LexiconDetector.version``
and record the new digest below (the old entries stay: a digest names one version only).
"""

from __future__ import annotations

import hashlib

from vigie.detectors.lexicon import DATA_DIR, LexiconDetector

RELEASED = {
    "17": "013b85e66b084e22ef93c37c39c13edebe3232f8025765c242a1518e1cbd0dad",
    "18": "aa1a45b6ce0b414a7d0dcac4adee54776f99636e111de44bd838d60b96a02cde",
    "19": "904cd001646edb32585c1c45ee815aa3c668d2624a1411adff844cdf3dfbd5ab",
    "20": "dd465573b8f05b203de710b8fb1afe304fd427f7962fe9d06e93140ae87586a4",
    "21": "b22dc8603934fc11730c67e33caf3e364781452e37e39cbb8aad746da6aa6a84",
    "22": "b8637174f263758596017f0df050b2423e87d1cc88a0fac4a4474a097ecf080a",
    "23": "a5b9f43625f45ec93293402a838aa10a7194a6de0e76bd7bb116ffbaacb83cc8",
    "24": "a510e62d9713e1a12e01def0d40d7684d3831d1dbc2a06bea034b8929b68cea5",
}
"""Lexicon version → SHA-256 of its data folder (relative paths and bytes, in path order)."""


def _packs_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in DATA_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(DATA_DIR).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def test_the_shipped_packs_are_the_released_packs_of_this_version() -> None:
    version = LexiconDetector.version
    assert version in RELEASED, f"lexicon version {version} has no recorded digest: add it to RELEASED"
    assert _packs_digest() == RELEASED[version], (
        f"src/vigie/detectors/data changed but the lexicon is still version {version}: "
        "bump LexiconDetector.version and record the new digest in RELEASED"
    )


def test_a_digest_names_one_version() -> None:
    assert len(set(RELEASED.values())) == len(RELEASED)
