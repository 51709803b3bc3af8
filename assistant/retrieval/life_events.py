"""Browsing by life event (birth, marriage, residence, ...): each event is a few phrases people use
(``knowledge/life_events.yaml``), looked up in the published index, so the lists follow the index a site serves."""

from __future__ import annotations

import threading
from pathlib import Path

import yaml
from pydantic import BaseModel

import knowledge
from assistant.runtime import KnowledgeRuntime

EVENTS_FILE = Path(knowledge.__file__).parent / "life_events.yaml"
PER_PHRASE = 3
PER_EVENT = 8


class EventProcedure(BaseModel):
    code: str
    name: str
    name_vi: str


class LifeEvent(BaseModel):
    id: str
    procedures: list[EventProcedure]


def load_events(path: Path = EVENTS_FILE) -> dict[str, list[str]]:
    data: dict[str, list[str]] = yaml.safe_load(path.read_text("utf-8"))
    return data


class LifeEvents:
    """The procedures of each life event, computed once per index version and language."""

    def __init__(self, runtime: KnowledgeRuntime, events: dict[str, list[str]] | None = None) -> None:
        self.runtime = runtime
        self.events = events or load_events()
        self._cache: dict[tuple[str, str], list[LifeEvent]] = {}
        self._lock = threading.Lock()

    def listing(self, language: str) -> list[LifeEvent]:
        index = self.runtime.index()
        key = (str(index.path), language)
        with self._lock:
            if key not in self._cache:
                self._cache = {k: v for k, v in self._cache.items() if k[0] == key[0]}
                self._cache[key] = self._compute(language)
            return self._cache[key]

    def _compute(self, language: str) -> list[LifeEvent]:
        finder, index = self.runtime.finder(), self.runtime.index()
        events = []
        for event_id, phrases in self.events.items():
            codes: list[str] = []
            for phrase in phrases:
                for hit in finder.find(phrase, k=PER_PHRASE, language="vi").hits:
                    if hit.code not in codes:
                        codes.append(hit.code)
            procedures = []
            for code in codes[:PER_EVENT]:
                record = index.procedure(code)
                if record is not None:
                    procedures.append(EventProcedure(code=code, name=record.name_in(language), name_vi=record.name))
            events.append(LifeEvent(id=event_id, procedures=procedures))
        return events
