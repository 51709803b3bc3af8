"""Adapt the bundled embedding model to the records, on pairs made from the records alone (no labelled question).

An experiment tool, not part of a deployment: it measures whether a MiniLM tuned on these CPUs gives the learned
ranking a dense signal worth its cost (README, "Beyond the curated pack"). For every procedure of an index, a few
pseudo-questions are made from its own record — the name without "Thủ tục" and its level, the same typed without
diacritics, the name with the glossary's everyday words for its official terms ("giấy chứng nhận quyền sử dụng đất"
→ "sổ đỏ"), the first requirement, the result — each paired with the text the dense index embeds for it (its
overview chunk). The model is trained with in-batch negatives (multiple-negatives ranking loss) in a plain PyTorch
loop, so no training framework is needed.

``.venv/bin/python eval/tools/adapt_embedder.py --data-dir var-national --out var-models/minilm-adapted``
then ``MOTCUA_EMBEDDING_MODEL=var-models/minilm-adapted motcua ingest ... --data-dir var-adapted``.
"""

from __future__ import annotations

import argparse
import random
import re
import time
from pathlib import Path

import torch

from knowledge.embeddings import resolve_model_path
from knowledge.glossary import load_glossary
from knowledge.model import Procedure
from knowledge.settings import BUNDLED_MODEL, Settings
from knowledge.store import IndexStore, KnowledgeIndex
from knowledge.text import strip_diacritics

_LEVEL = re.compile(r"\s*\((?:thực hiện )?(?:tại )?cấp [^)]*\)\s*$", re.IGNORECASE)
_PREFIX = re.compile(r"^thủ tục\s+", re.IGNORECASE)


def _colloquial(entries: list[tuple[str, str]], name: str) -> str | None:
    """The name with the first official term the glossary has an everyday word for replaced by that word."""
    lowered = name.lower()
    for official, everyday in entries:
        if official in lowered:
            return lowered.replace(official, everyday, 1)
    return None


def pseudo_questions(procedure: Procedure, everyday: list[tuple[str, str]]) -> list[str]:
    """Questions made from the record's own text."""
    name = _LEVEL.sub("", _PREFIX.sub("", procedure.name)).strip()
    out = [name, strip_diacritics(name).lower()]
    spoken = _colloquial(everyday, name)
    if spoken:
        out.append(spoken)
    if procedure.requirements:
        out.append(procedure.requirements[0][:200])
    if procedure.results:
        out.append(f"{procedure.results[0].name} {procedure.field or ''}".strip())
    return [q for q in dict.fromkeys(out) if len(q) > 8]


def training_pairs(index: KnowledgeIndex, seed: int = 13) -> list[tuple[str, str]]:
    everyday = sorted(((e.vi.lower(), e.variants[0].lower()) for e in load_glossary() if e.variants),
                      key=lambda pair: -len(pair[0]))
    pairs = []
    for key, row in index.first_chunk.items():
        procedure = index.procedure(key)
        if procedure is not None:
            passage = index.chunks[row].text
            pairs += [(question, passage) for question in pseudo_questions(procedure, everyday)]
    random.Random(seed).shuffle(pairs)
    return pairs


def train(pairs: list[tuple[str, str]], out: Path, *, batch: int, epochs: int, max_length: int, lr: float) -> None:
    from sentence_transformers import SentenceTransformer

    torch.manual_seed(13)
    model = SentenceTransformer(resolve_model_path(BUNDLED_MODEL), device="cpu")
    model.max_seq_length = max_length
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr)
    steps = epochs * (len(pairs) // batch)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: min(1.0, (s + 1) / (0.1 * steps + 1)))
    model.train()
    prepare = getattr(model, "preprocess", model.tokenize)  # sentence-transformers >= 6 renamed it
    started = time.perf_counter()
    step = 0
    for _ in range(epochs):
        for start in range(0, len(pairs) - batch + 1, batch):
            chunk = pairs[start:start + batch]
            queries = model(prepare([q for q, _ in chunk]))["sentence_embedding"]
            passages = model(prepare([p for _, p in chunk]))["sentence_embedding"]
            scores = 20.0 * torch.nn.functional.normalize(queries) @ torch.nn.functional.normalize(passages).T
            loss = torch.nn.functional.cross_entropy(scores, torch.arange(len(chunk)))
            loss.backward()
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()
            step += 1
            if step % 50 == 0:
                print(f"step {step}/{steps} loss {loss.item():.3f} {time.perf_counter() - started:.0f} s", flush=True)
    model.save(str(out))
    print(f"saved {out} after {time.perf_counter() - started:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", type=Path, required=True, help="An ingested index (the records to adapt to).")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--max-length", type=int, default=128)
    parser.add_argument("--lr", type=float, default=3e-5)
    args = parser.parse_args()
    settings = Settings(data_dir=args.data_dir)
    index = IndexStore(settings.index_root).load()
    pairs = training_pairs(index)
    print(f"{len(pairs)} pairs from {len(index.first_chunk)} procedures")
    train(pairs, args.out, batch=args.batch, epochs=args.epochs, max_length=args.max_length, lr=args.lr)


if __name__ == "__main__":
    main()
