"""Answer labels and time units in Chinese and Korean, kept in ``labels_cjk.yaml`` beside this module."""

from __future__ import annotations

from pathlib import Path

import yaml

_DATA = yaml.safe_load((Path(__file__).parent / "labels_cjk.yaml").read_text("utf-8"))
LABELS_CJK: dict[str, dict[str, str]] = _DATA["labels"]
UNITS_CJK: dict[str, dict[str, str]] = _DATA["units"]
