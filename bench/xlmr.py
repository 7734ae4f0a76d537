"""XLM-R-base sequence classifier with RANDOM weights: the compute cost of a transformer moderator.

Detoxify-multilingual's architecture (XLMRobertaConfig() defaults = base, vocabulary 250,002),
built without any download. Random weights make its answers meaningless: this measures
compute cost only. CPU, ``--threads`` torch threads, batches of ``--batch`` posts each padded
to its longest post (truncation at 512 tokens). Runs in bench/.venv. Tokenization: a
deterministic stand-in (hash of each whitespace/punctuation piece into the vocabulary, ~1.3
pieces per word like SentencePiece on Latin text), since the real tokenizer would need a download.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import time
import zlib

import torch
from transformers import XLMRobertaConfig, XLMRobertaForSequenceClassification

_PIECE = re.compile(r"\w{1,6}|[^\w\s]")


def tokenize(text: str, vocab: int, max_len: int = 512) -> list[int]:
    ids = [0] + [5 + zlib.crc32(p.encode()) % (vocab - 5) for p in _PIECE.findall(text)] + [2]
    return ids[:max_len]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("--n", type=int, default=320)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch", type=int, default=32)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    config = XLMRobertaConfig(num_labels=6)
    model = XLMRobertaForSequenceClassification(config).eval()
    with open(a.input, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for _, line in zip(range(a.n), f, strict=False)]
    seqs = [tokenize(t, config.vocab_size) for t in texts]
    t0 = time.perf_counter()
    with torch.inference_mode():
        for i in range(0, len(seqs), a.batch):
            chunk = seqs[i : i + a.batch]
            width = max(len(s) for s in chunk)
            ids = torch.tensor([s + [1] * (width - len(s)) for s in chunk])
            mask = torch.tensor([[1] * len(s) + [0] * (width - len(s)) for s in chunk])
            model(input_ids=ids, attention_mask=mask)
    dt = time.perf_counter() - t0
    print(
        json.dumps(
            {
                "name": "xlm-r-base (random weights)",
                "posts": len(seqs),
                "seconds": round(dt, 3),
                "posts_per_second": round(len(seqs) / dt, 2),
                "threads": a.threads,
                "batch": a.batch,
                "parameters": sum(p.numel() for p in model.parameters()),
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                "note": "compute cost only: random weights, stand-in tokenizer",
            }
        )
    )


if __name__ == "__main__":
    main()
