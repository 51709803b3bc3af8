"""How many names of an index get a word-by-word glossary rendering (``knowledge.rendering``), per language, and
the glossary's size.

Run: ``.venv/bin/python eval/tools/rendering_coverage.py --data-dir var-national``"""

from __future__ import annotations

import argparse
from pathlib import Path

from knowledge.glossary import load_glossary
from knowledge.rendering import RENDERED_LANGUAGES, NameRenderer
from knowledge.settings import Settings
from knowledge.store import IndexStore

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument("--data-dir", type=Path, required=True)
index = IndexStore(Settings(data_dir=parser.parse_args().data_dir).index_root).load()
glossary = load_glossary()
renderer = NameRenderer(glossary)
names = sorted({record.code or record.uid: record.name for record in index.records.values()}.items())
print(f"glossary entries: {len(glossary)} (with French: {sum(1 for e in glossary if e.fr)})")
for language in RENDERED_LANGUAGES:
    rendered = sum(renderer.render(name, language) is not None for _, name in names)
    print(f"{language}: {rendered} of {len(names)} names rendered ({rendered / len(names):.3f})")
