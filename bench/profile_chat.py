"""Where a chat's time goes, in process on one thread: the whole answer, retrieval without the question's
embedding, the embedding alone, and the embedding with the model quantized to int8 (time and how far its vectors
move from the full model's).

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
    tokenizer, transformer = inner._mean_pooling_parts()
    quantized = torch.ao.quantization.quantize_dynamic(copy.deepcopy(transformer), {torch.nn.Linear}, dtype=torch.qint8)

    def embed(model, text: str) -> np.ndarray:  # type: ignore[no-untyped-def]
        return inner._embed_query_direct(text, tokenizer, model)

    print(f"embedding with int8 weights:    {per_call_ms(lambda q: embed(quantized, q), timed):.1f} ms")
    cosines = [float(embed(transformer, q) @ embed(quantized, q)) for q in timed]
    print(f"int8 vs full vectors, cosine:   mean {np.mean(cosines):.3f}, min {np.min(cosines):.3f}")


if __name__ == "__main__":
    main()
