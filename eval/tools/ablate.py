"""Experiment (not in the product): hit@1 of the finder with one stage switched off at a time, over the bundled
pack's questions (pack-only index) and the non-pack and multilingual questions (national index).

Run: ``.venv/bin/python eval/tools/ablate.py --pack-dir var-pack --national-dir var-national``
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

import assistant.retrieval.finder as finder_module
from assistant.retrieval.finder import ProcedureFinder
from assistant.runtime import KnowledgeRuntime
from knowledge.settings import Settings

EVAL = Path(__file__).resolve().parents[1]
LANGUAGES = ("vi", "en", "ar", "zh", "ko")


@contextmanager
def patched(target: Any, name: str, value: Any) -> Iterator[None]:
    original = getattr(target, name)
    setattr(target, name, value)
    try:
        yield
    finally:
        setattr(target, name, original)


class _NoAcronyms:
    def expand(self, token: str) -> None:
        return None


def _no_acronyms(finders: dict[str, ProcedureFinder]) -> Any:
    originals = {key: f.analyzer.acronyms for key, f in finders.items()}

    @contextmanager
    def switch() -> Iterator[None]:
        for f in finders.values():
            f.analyzer.acronyms = _NoAcronyms()  # type: ignore[assignment]
        try:
            yield
        finally:
            for key, f in finders.items():
                f.analyzer.acronyms = originals[key]
    return switch()


def hit_at_1(finder: ProcedureFinder, path: Path, split: str) -> tuple[float, int]:
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if r.get("split") == split and r.get("codes") and r.get("text")]
    right = 0
    for row in rows:
        language = row.get("language") if row.get("language") in LANGUAGES else None
        hits = finder.find(row["text"], k=3, language=language).hits
        right += bool(hits) and hits[0].code in row["codes"]
    return right / max(len(rows), 1), len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pack-dir", type=Path, required=True)
    parser.add_argument("--national-dir", type=Path, required=True)
    args = parser.parse_args()
    finders = {"pack": KnowledgeRuntime(Settings(data_dir=args.pack_dir).for_measuring()).finder(),
               "national": KnowledgeRuntime(Settings(data_dir=args.national_dir).for_measuring()).finder()}
    sets = (("pack questions, pack index", "pack", "pack-questions.jsonl"),
            ("non-pack questions, national index", "national", "national-questions.jsonl"),
            ("multilingual situations, national index", "national", "multilingual-situations.jsonl"))
    variants: dict[str, Callable[[], Any]] = {
        "everything": nullcontext,
        "without the names ranking": lambda: patched(finder_module.HybridRetriever, "names",
                                                     lambda self, text, terms=None: []),
        "without action families": lambda: patched(finder_module, "order_by_action", lambda hits, question: hits),
        "without qualified siblings": lambda: patched(ProcedureFinder, "_qualified_first",
                                                      lambda self, hits, asked: hits),
        "without short forms from names": lambda: _no_acronyms(finders),
    }
    print(f"hit@1, dev / heldout: {'; '.join(label for label, _, _ in sets)}")
    for name, switch in variants.items():
        with switch():
            cells = []
            for _, index, file in sets:
                for split in ("dev", "heldout"):
                    value, _ = hit_at_1(finders[index], EVAL / file, split)
                    cells.append(f"{value:.3f}")
        print(f"{name:34} " + " | ".join(f"{cells[i]} / {cells[i + 1]}" for i in range(0, len(cells), 2)), flush=True)


if __name__ == "__main__":
    main()
