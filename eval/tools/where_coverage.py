"""Where each record's "where to submit" comes from (``assistant.answers.places``): the record's own field, its
agency, the steps' "nộp hồ sơ ... tại" sentence, its level, or nothing. Records answered from the steps or the
level had an empty place before those two fallbacks.

Run: ``.venv/bin/python eval/tools/where_coverage.py --data-dir var-national``"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from assistant.answers.places import submission_place
from knowledge.settings import Settings
from knowledge.store import IndexStore

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument("--data-dir", type=Path, required=True)
index = IndexStore(Settings(data_dir=parser.parse_args().data_dir).index_root).load()
origins = Counter(submission_place(record)[1] for record in index.records.values())
print(f"{len(index.records)} records: {dict(origins.most_common())}")
print(f"empty with the record and agency alone: {origins['steps'] + origins['level'] + origins['none']}; "
      f"empty now: {origins['none']}")
