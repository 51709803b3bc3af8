"""Shared helpers for building the motcua evaluation set (run from the repository root).

The real question files live in ``../shared`` (override with ``MOTCUA_SHARED``) and are read in place, never copied:
the shared-refs file stores only references (file, line, index) and labels.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import unicodedata
from collections.abc import Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EVAL = REPO / "eval"
SHARED = Path(os.environ.get("MOTCUA_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus" / "dvc-procedures.jsonl.gz"
PACK = REPO / "knowledge" / "packs" / "core" / "pack.yaml"

DEV_SHARE = 70  # percent of split groups that go to "dev"; the rest are "heldout"


def split_for(group_key: str) -> str:
    """Deterministic split: the same group key always lands in the same split."""
    bucket = int(hashlib.sha256(group_key.encode("utf-8")).hexdigest()[:8], 16) % 100
    return "dev" if bucket < DEV_SHARE else "heldout"


def stratified_splits(groups: dict[str, str]) -> dict[str, str]:
    """Split group keys ~70/30 inside each stratum (group key -> stratum), ordering groups by their hash.

    Deterministic; used where a plain per-key hash would leave a stratum (e.g. a ward-police module) unbalanced.
    """
    by_stratum: dict[str, list[str]] = {}
    for key, stratum in groups.items():
        by_stratum.setdefault(stratum, []).append(key)
    out: dict[str, str] = {}
    for keys in by_stratum.values():
        keys.sort(key=lambda k: hashlib.sha256(k.encode("utf-8")).hexdigest())
        n_dev = round(len(keys) * DEV_SHARE / 100)
        for i, key in enumerate(keys):
            out[key] = "dev" if i < n_dev else "heldout"
    return out


def strip_diacritics(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn"))


def has_vietnamese_diacritics(text: str) -> bool:
    return strip_diacritics(text) != text


def corpus_codes() -> dict[str, dict]:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    return {row["ma_thu_tuc"]: row for row in rows}


def pack_codes() -> list[str]:
    import yaml

    data = yaml.safe_load(PACK.read_text(encoding="utf-8"))
    return [str(code) for code in data["procedures"]]


def write_jsonl(path: Path, rows: Iterable[dict]) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    return count
