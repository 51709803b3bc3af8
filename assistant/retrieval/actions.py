"""Families of procedures that differ only by their action, ordered by the action the question asks for.

"Cấp giấy phép lái xe", "Đổi giấy phép lái xe", "Cấp lại giấy phép lái xe" share every word but the first ones, so
retrieval scores them alike and the order among them is close to chance. The action is read from the first words
of each name (``knowledge/name_actions/actions.yaml``) and from the question's words ("mất" asks for a re-issue,
"hết hạn" for an exchange or an extension); the member whose action is asked goes first, and when the question asks
for none, the first issue does: a person who does not say "lost" or "expired" is most often applying for the first
time. Nothing is listed per procedure: every family in the index is found by its names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import yaml
from rapidfuzz import fuzz

import knowledge
from assistant.retrieval.abroad import abroad_words
from assistant.retrieval.hybrid import ProcedureHit
from assistant.retrieval.ranking import base_name
from knowledge.model import Procedure
from knowledge.text import fold, nfc, script_of, strip_diacritics

ACTIONS_FILE = Path(knowledge.__file__).parent / "name_actions" / "actions.yaml"
#: How many of the top results are looked at.
DEPTH = 6
#: A member further down joins its family from this deep when its action is the one the question names ("so với
#: thiết kế được duyệt" asks to amend a permit; the long amendment name often ranks below unrelated procedures).
ASKED_DEPTH = 12
#: A member is moved up only when it scored at least this share of the family's best member.
MIN_SCORE_RATIO = 0.4
#: Objects this similar (rapidfuzz token-sort ratio) belong to one family; "giấy phép lái xe" and "giấy phép lái
#: xe quốc tế" (80) do not.
SAME_OBJECT = 90
_PREFIX = re.compile(r"^thủ tục\s+")
#: What may follow an action word in a name: the object, or the next action of a list ("Cấp, cấp lại ...").
_WORD_END = " ,;/"
_LIST_JOINER = re.compile(r"^(?:[,;/]\s*|(?:và|hoặc)\s+)")


class NameSplit(NamedTuple):
    """What a procedure name does (its leading actions, first named first) and to what."""

    actions: tuple[str, ...]
    object: str


@dataclass(frozen=True)
class NameAction:
    """One action: its name prefixes and the question patterns that ask for it."""

    key: str
    prefixes: tuple[str, ...]
    asks: re.Pattern[str] | None
    asks_plain: re.Pattern[str] | None


def _pattern(words: list[str]) -> re.Pattern[str] | None:
    # longest first: at one position the longest phrase matches ("bao mat ho chieu" before "bao mat")
    parts = [re.escape(w) if script_of(w) in ("cjk", "hangul") else rf"\b{re.escape(w)}\b"
             for w in sorted(words, key=len, reverse=True)]
    return re.compile("|".join(parts)) if parts else None


def _overtaken(span: tuple[int, int], other: tuple[int, int]) -> bool:
    """Whether ``other`` overlaps ``span`` and reaches further (or as far, from earlier)."""
    (start, end), (other_start, other_end) = span, other
    overlap = other_start < end and start < other_end
    return overlap and (other_end > end or (other_end == end and other_start < start))


@dataclass(frozen=True, eq=False)  # hashed by identity: the caches below take it as a key on every call
class ActionRules:
    actions: tuple[NameAction, ...]
    default: str
    not_asking: re.Pattern[str] | None = None
    #: (words, context): a word on its own asks for nothing in a question that holds the context ("mất" is died in
    #: a question about a death)
    alone_not_asking: tuple[tuple[frozenset[str], re.Pattern[str]], ...] = ()
    #: An asked action -> the one that does it where a family has no member for it ("correct" -> "exchange": a card
    #: with a wrong detail is exchanged)
    stand_ins: tuple[tuple[str, str], ...] = ()

    @classmethod
    def load(cls, path: Path = ACTIONS_FILE) -> ActionRules:
        data = yaml.safe_load(path.read_text("utf-8"))
        actions = tuple(
            NameAction(key, tuple(sorted((fold(p) for p in spec["name"]), key=len, reverse=True)),
                       _pattern([fold(w) for w in spec.get("asks", [])]),
                       _pattern([strip_diacritics(fold(w)) for w in spec.get("asks_plain", [])]))
            for key, spec in data["actions"].items()
        )
        if data["default"] not in {a.key for a in actions}:
            raise ValueError(f"{path}: default action {data['default']!r} is not one of the actions")
        alone = tuple((frozenset(fold(w) for w in rule["words"]), context)
                      for rule in data.get("alone_not_asking", [])
                      if (context := _pattern([fold(w) for w in rule["when"]])) is not None)
        stand_ins = tuple((str(asked), str(doer)) for asked, doer in data.get("stand_ins", {}).items())
        unknown = {key for pair in stand_ins for key in pair} - {a.key for a in actions}
        if unknown:
            raise ValueError(f"{path}: stand_ins name unknown actions {sorted(unknown)}")
        return cls(actions, data["default"], _pattern([fold(w) for w in data.get("not_asking", [])]), alone,
                   stand_ins)

    def standing_in(self, asked: set[str] | frozenset[str]) -> set[str]:
        """The actions that stand in for the ``asked`` ones in a family that has none of them."""
        return {doer for wanted, doer in self.stand_ins if wanted in asked}

    def _leading(self, text: str) -> tuple[str, str] | None:
        """(action, rest) for the longest action prefix ``text`` starts with (as a whole word)."""
        best: tuple[str, str] | None = None
        best_length = 0
        for action in self.actions:
            for prefix in action.prefixes:
                if (len(prefix) > best_length and text.startswith(prefix)
                        and (len(text) == len(prefix) or text[len(prefix)] in _WORD_END)):
                    best, best_length = (action.key, text[len(prefix):].strip()), len(prefix)
        return best

    def split_name(self, name: str) -> NameSplit | None:
        """The actions and the object of a procedure name, or ``None`` when it starts with no known action.
        Leading actions may be listed ("Cấp, cấp lại Phù hiệu ...", "Gia hạn, điều chỉnh giấy phép ..."); a first
        issue followed by another action is that action ("Đăng ký thay đổi nội dung ..." amends)."""
        return _split_name(self, name)

    def _split(self, name: str) -> NameSplit | None:
        best = self._leading(_PREFIX.sub("", " ".join(fold(nfc(name)).split())))
        if best is None:
            return None
        if best[0] == self.default and (then := self._leading(best[1])) is not None:
            best = then
        actions, rest = [best[0]], best[1]
        while (joined := _LIST_JOINER.match(rest)) and (then := self._leading(rest[joined.end():])) is not None:
            actions.append(then[0])
            rest = then[1]
        obj = base_name(rest)
        return NameSplit(tuple(dict.fromkeys(actions)), obj) if obj else None

    def asked(self, question: str) -> set[str]:
        """Actions the question's words ask for. Of two phrases of different actions that overlap, the one that
        reaches further counts: later words qualify earlier ones ("xin cấp lại" asks for a re-issue, not for the
        "xin cấp" of a first issue)."""
        return set(_asked(self, question))

    def _read_asked(self, question: str) -> frozenset[str]:
        text = fold(question)
        if self.not_asking is not None:
            text = self.not_asking.sub(" ", text)
        plain = strip_diacritics(text)
        aligned = len(plain) == len(text)  # marks removed one for one (not so for Arabic vowel signs)
        alone = frozenset().union(*(words for words, context in self.alone_not_asking if context.search(text)))
        spans: list[tuple[int, int, str]] = []
        for action in self.actions:
            for pattern, where in ((action.asks, text), (action.asks_plain, plain)):
                if pattern is not None:
                    spans += [(m.start(), m.end() if aligned else -1, action.key) for m in pattern.finditer(where)
                              if m.group(0) not in alone]
        return frozenset(key for start, end, key in spans if not any(_overtaken((start, end), (s, e)) and k != key
                                                                     for s, e, k in spans))


@lru_cache(maxsize=64)
def _asked(rules: ActionRules, question: str) -> frozenset[str]:
    return rules._read_asked(question)  # read per question for the ranking features, order_by_action and contrast


@lru_cache(maxsize=32768)
def _split_name(rules: ActionRules, name: str) -> NameSplit | None:
    return rules._split(name)  # every candidate of every question is split: names repeat across questions


@lru_cache(maxsize=1)
def bundled_rules() -> ActionRules:
    return ActionRules.load()


def _family_of(obj: str, families: dict[str, list[int]]) -> str:
    """The family an object joins: one whose object reads nearly the same ("giấy phép xây dựng mới đối với ..." and
    "giấy phép xây dựng đối với ... sửa chữa, cải tạo ..."), else its own."""
    return next((known for known in families if _reads_the_same(obj, known)), obj)


def _reads_the_same(obj: str, other: str) -> bool:
    """Objects alike but for where the applicant is: "Trình báo mất hộ chiếu phổ thông" is about the passport of
    "Cấp hộ chiếu phổ thông ở trong nước"."""
    return fuzz.token_sort_ratio(_without_place(obj), _without_place(other)) >= SAME_OBJECT


def _without_place(obj: str) -> str:
    """``obj`` without the whole words "ở trong nước" / "ở nước ngoài" (not "...o trong nuoc" inside "cho trong
    nuoc"), matched with spaces around as ``abroad.counterpart`` matches them."""
    place, padded = abroad_words(), f" {obj} "
    for qualifier in (place.domestic, place.abroad):
        padded = padded.replace(f" {qualifier} ", " ")
    return padded.strip()


def same_object(name: str, other: str, rules: ActionRules | None = None) -> bool:
    """Whether two procedure names differ only by their level or their action ("Cấp giấy phép lái xe" and "Đổi
    giấy phép lái xe"): versions of one procedure rather than rivals to it."""
    if base_name(name) == base_name(other):
        return True
    rules = rules or bundled_rules()
    split, other_split = rules.split_name(name), rules.split_name(other)
    return split is not None and other_split is not None and _reads_the_same(split.object, other_split.object)


def action_evidence(question: str, rules: ActionRules | None = None) -> Callable[[str], dict[str, float]]:
    """For a question, a function giving a procedure name's ranking features: ``action_asked`` when the name does
    what the question asks in so many words ("mất" and "Cấp lại ..."), ``action_unasked`` when it does something
    besides a first issue that the question does not ask for ("Thu hồi ..." for "bằng lái nộp ở đâu"). A first
    issue the question does not name is neither: most names start with "Cấp" or "Đăng ký"."""
    rules = rules or bundled_rules()
    asked = rules.asked(question)

    def evidence(name: str) -> dict[str, float]:
        split = rules.split_name(name)
        if split is None:
            return {}
        does = set(split.actions)
        return {"action_asked": float(bool(does & asked)),
                "action_unasked": float(not does & asked and rules.default not in does)}

    return evidence


def order_by_action(hits: list[ProcedureHit], question: str, rules: ActionRules | None = None) -> list[ProcedureHit]:
    """Reorder members of the same family among the top ``DEPTH`` hits: asked action first, else the default one.

    A family keeps the positions its members held; only who sits in them changes."""
    rules = rules or bundled_rules()
    named = rules.asked(question)
    head = hits[:ASKED_DEPTH] if named else hits[:DEPTH]
    families: dict[str, list[int]] = {}
    actions: dict[int, frozenset[str]] = {}
    for position, hit in enumerate(head):
        split = rules.split_name(hit.procedure.name)
        if split is None:
            continue
        family = _family_of(split.object, families)
        if position < DEPTH or (family in families and set(split.actions) & named):
            actions[position] = frozenset(split.actions)
            families.setdefault(family, []).append(position)
    asked = named or {rules.default}
    result = list(head)
    for positions in families.values():
        wanted = asked
        members = [head[p] for p in positions]
        if len({actions[p] for p in positions}) < 2:
            continue
        best_score = max(m.score for m in members)
        close = [(m, actions[p]) for m, p in zip(members, positions, strict=True)
                 if m.score >= MIN_SCORE_RATIO * best_score]
        if not any(actions[p] & wanted for p in positions):
            # the question asks for an action this family does not have: one that stands in for it, else the default
            stand_in = rules.standing_in(wanted)
            wanted = stand_in if any(actions[p] & stand_in for p in positions) else {rules.default}
        chosen = next((m for m, does in close if does & wanted), None)
        if chosen is None or chosen is members[0]:
            continue
        reordered = [chosen, *[m for m in members if m is not chosen]]
        scores = [m.score for m in members]
        for position, member, score in zip(positions, reordered, scores, strict=True):
            member.score = score
            result[position] = member
    return result + hits[len(head):]


def member_doing_asked(current: Procedure, candidates: Iterable[Procedure], question: str,
                       rules: ActionRules | None = None) -> Procedure | None:
    """The first of ``candidates`` that does to ``current``'s object the action a follow-up asks for, when
    ``current`` does not ("How do I extend it?" after "Đăng ký tạm trú" → "Gia hạn tạm trú"; "xây thêm một tầng so
    với giấy phép" after the building permit → its amendment). None when the question asks no action, or one the
    current procedure already does."""
    rules = rules or bundled_rules()
    asked = rules.asked(question)
    split = rules.split_name(current.name) if asked else None
    if split is None or set(split.actions) & asked:
        return None
    for other in candidates:
        other_split = rules.split_name(other.name)
        if (other_split is not None and other.group_key != current.group_key and set(other_split.actions) & asked
                and _reads_the_same(split.object, other_split.object)):
            return other
    return None
