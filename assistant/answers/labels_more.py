"""Answer labels and time units in Chinese, Korean and French, kept in ``labels_*.yaml`` beside this module (one
file per group of languages; same keys as the tables in ``labels.py``)."""

from __future__ import annotations

from pathlib import Path

import yaml

LABELS_MORE: dict[str, dict[str, str]] = {}
UNITS_MORE: dict[str, dict[str, str]] = {}
for _path in sorted(Path(__file__).parent.glob("labels_*.yaml")):
    _data = yaml.safe_load(_path.read_text("utf-8"))
    LABELS_MORE.update(_data["labels"])
    UNITS_MORE.update(_data["units"])
