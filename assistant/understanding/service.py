"""Questions about the service itself, not a procedure: a dossier's status or return, an office's hours, logging in
and paying online, safety advice, reporting an incident, fines, an emergency.

"Tra cứu tình trạng hồ sơ đăng ký xe ở đâu?" shares every word of substance with vehicle registration, and retrieval
finds that procedure with confidence; but no record says how far someone's own dossier has got, when the ward office
opens or whom to call when a house is on fire. Such a question gets ``no_match``: a reply that says where the answer
is (``knowledge/service_questions.yaml``) and the closest procedures, instead of a procedure nobody asked about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

import knowledge
from knowledge.text import comparison_form, comparison_patterns

SERVICE_FILE = Path(knowledge.__file__).parent / "service_questions.yaml"


@dataclass(frozen=True)
class ServiceTopic:
    """One kind of service question: how it is asked and what the assistant replies, per language."""

    name: str
    patterns: tuple[re.Pattern[str], ...]
    replies: dict[str, str]
    #: Procedure questions that share the topic's words ("thẩm duyệt thiết kế PCCC"): never the topic's.
    unless: tuple[re.Pattern[str], ...] = ()

    def asked_in(self, plain: str) -> bool:
        """Whether a question in comparison form asks this topic's question."""
        return any(p.search(plain) for p in self.patterns) and not any(p.search(plain) for p in self.unless)

    def reply(self, language: str) -> str:
        """The reply in ``language``, or in Vietnamese when none is written for it."""
        return self.replies.get(language) or self.replies["vi"]


def load_topics(path: Path = SERVICE_FILE) -> tuple[ServiceTopic, ...]:
    """The topics of ``path``; each needs patterns and a Vietnamese reply."""
    data = yaml.safe_load(path.read_text("utf-8"))
    topics = []
    for name, topic in data["topics"].items():
        if not topic.get("patterns") or "vi" not in topic.get("reply", {}):
            raise ValueError(f"{path}: topic {name!r} needs patterns and a Vietnamese reply")
        patterns = comparison_patterns(topic["patterns"])
        unless = comparison_patterns(topic.get("unless") or ())
        topics.append(ServiceTopic(name, patterns, {k: str(v) for k, v in topic["reply"].items()}, unless))
    return tuple(topics)


@lru_cache(maxsize=1)
def bundled_topics() -> tuple[ServiceTopic, ...]:
    return load_topics()


def service_topic(question: str) -> ServiceTopic | None:
    """The service question ``question`` asks, if it asks one."""
    plain = comparison_form(question)
    return next((t for t in bundled_topics() if t.asked_in(plain)), None)
