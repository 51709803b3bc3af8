"""Where a chat's time goes, in process on one thread: the whole answer, the question's embedding alone, and the
embedding with other weights — bfloat16 (what ``query_precision=auto`` picks on CPUs with bfloat16 instructions) and
int8 dynamic quantization (not used: its vectors move too far) — each with its time and its cosine to float32.

Run: ``.venv/bin/python bench/profile_chat.py --data-dir var-pack [--questions 200]`` (an index built with the
default model; questions from ../shared/queries)."""

from __future__ import annotations

import argparse
import copy
import json
import random
import time
from pathlib import Path

import numpy as np

SHARED = Path(__file__).resolve().parents[2] / "shared"


def questions(limit: int) -> list[str]:
    found: list[str] = []
    for line in (SHARED / "queries" / "ward-police-intents.jsonl").read_text("utf-8").splitlines():
        found += json.loads(line)["questions"]
    random.Random(3).shuffle(found)
    return found[:limit]


def per_call_ms(fn, items: list[str]) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    for item in items:
        fn(item)
    return (time.perf_counter() - started) / len(items) * 1000


def main() -> None:
    import torch

    from assistant.answers.chat import ChatService
    from assistant.answers.storage import ConversationStore
    from assistant.runtime import KnowledgeRuntime
    from assistant.schemas import ChatRequest
    from knowledge.settings import Settings

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--questions", type=int, default=200)
    args = parser.parse_args()
    settings = Settings(data_dir=args.data_dir)
    runtime = KnowledgeRuntime(settings)
    chat = ChatService(runtime.finder(), ConversationStore(settings.sqlalchemy_url))
    asked = questions(args.questions * 2)
    warm, timed = asked[: args.questions], asked[args.questions :]
    for text in warm[:20]:
        chat.answer(ChatRequest(message=text), use_llm=False)
    inner = runtime.embedder.inner  # type: ignore[attr-defined]  # the model behind the query-vector cache
    whole = per_call_ms(lambda q: chat.answer(ChatRequest(message=q), use_llm=False), timed)
    print(f"chat, whole answer:             {whole:.1f} ms")
    print(f"  of which embedding the query: {per_call_ms(inner.embed_query, [q + ' ?' for q in timed]):.1f} ms")
    encoder = inner.query_encoder()
    print(f"  precision picked at first use: {encoder.precision}")
    full = copy.deepcopy(encoder.transformer)
    variants = {
        "float32": full,
        "bfloat16": copy.deepcopy(full).to(torch.bfloat16),
        "int8 (dynamic)": torch.ao.quantization.quantize_dynamic(copy.deepcopy(full), {torch.nn.Linear},
                                                                  dtype=torch.qint8),
    }
    for label, model in variants.items():
        cosines = [float(encoder._run(full, q) @ encoder._run(model, q)) for q in timed]
        print(f"embedding, {label + ':':<16}{per_call_ms(lambda q, m=model: encoder._run(m, q), timed):6.1f} ms, "
              f"cosine to float32 mean {np.mean(cosines):.5f}, min {np.min(cosines):.5f}")


if __name__ == "__main__":
    main()
