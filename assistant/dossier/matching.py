"""Documents matched to a procedure's components, with evidence and a margin over the runner-up.

Evidence, strongest first: the form code in the document's header ("Mẫu CT01", "Mẫu số 11/ĐK"), the title
against the names the component accepts (its own name, its alternatives and examples, the documents of a category
it names; ``scoring.phrase_score``), then the lines near the top when no title was found. Ties are settled by the
document's text; a paper no rule matches may get an embedding hint (``semantic``), never more than ``uncertain``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from assistant.dossier.requirements import Option, Requirement
from assistant.dossier.scoring import (
    Context,
    WordWeights,
    is_request,
    phrase_score,
)
from assistant.dossier.semantic import SEMANTIC_MARGIN, SEMANTIC_MIN, EmbeddingSimilarity
from assistant.dossier.splitting import Document
from assistant.dossier.wording import STOPWORDS, Word, bare_codes, content_words, form_codes, plain, word_pairs

Decision = Literal["matched", "uncertain", "unmatched"]
#: A document is taken as a component at this score, when it also beats every other component by ``MARGIN``.
MATCH_SCORE = 0.62
#: Below this a document does not match a component at all.
UNCERTAIN_SCORE = 0.42
MARGIN = 0.1
#: A title within MARGIN below MATCH_SCORE is taken when the text holds this much of the component's own name.
TEXT_AGREES = 0.8
#: When titles tie, each candidate's title score plus BODY_WEIGHT times how much of its own name the text holds
#: decides, by at least BODY_WEIGHT * BODY_MARGIN.
BODY_MARGIN = 0.15
BODY_WEIGHT = 0.5
_CATEGORY_FACTOR = 0.92
_HEAD_LINE_FACTOR = 0.9
#: A paper whose title begins with a category's word ("QUYẾT ĐỊNH ...") for a component that names the category.
PREFIX_SCORE = 0.7
#: A paper whose header names a form code other than the component's own.
FORM_CONTRADICTION = 0.6
#: How many lines of a document are read as its context.
CONTEXT_LINES = 25


@dataclass
class Candidate:
    requirement: Requirement
    score: float
    snippet: str
    via: str
    direct: float = 0.0


@dataclass
class DocumentMatch:
    document: Document
    decision: Decision
    best: Candidate | None
    runner_up: Candidate | None
    candidates: list[Candidate] = field(default_factory=list)

    @property
    def margin(self) -> float:
        if self.best is None:
            return 0.0
        return self.best.score - (self.runner_up.score if self.runner_up else 0.0)


def _form_score(requirement: Requirement, document: Document) -> tuple[float, str]:
    if not requirement.forms:
        return 0.0, ""
    head = "\n".join(document.head[:8])
    best, snippet = 0.0, ""
    codes = bare_codes(head)
    for wanted in requirement.forms:
        if wanted.distinctive and wanted.key() in codes:
            best, snippet = 0.85, wanted.code
    for found in form_codes(head):
        for wanted in requirement.forms:
            if found.key() != wanted.key():
                continue
            same_instrument = bool(found.instrument and wanted.instrument and
                                   plain(found.instrument) == plain(wanted.instrument))
            score = 0.9 if wanted.distinctive else (0.75 if same_instrument else 0.0)
            if score > best:
                best, snippet = score, f"Mẫu {found.code}" + (f" ({found.instrument})" if found.instrument else "")
    return best, snippet


@dataclass
class _OptionText:
    option: Option
    words: list[Word]
    pairs: list[tuple[Word, Word]]


def _option_text(option: Option) -> _OptionText:
    return _OptionText(option, content_words(option.phrase), word_pairs(option.phrase))


class Matcher:
    """Scores every document against every component of one procedure."""

    def __init__(self, requirements: list[Requirement], weights: WordWeights,
                 similarity: EmbeddingSimilarity | None = None) -> None:
        self.requirements = [r for r in requirements if r.kind == "document"]
        self.weights = weights
        self.similarity = similarity
        self._options = {r.id: [_option_text(o) for o in [*r.options, *r.fallback_options]]
                         for r in self.requirements}

    def _semantic_guess(self, document: Document) -> Candidate | None:
        """Embedding similarity of the title to each component's own names: a hint (``uncertain``) when one
        component stands out, for the paper no rule matched."""
        if self.similarity is None or not document.title or document.source == "unread":
            return None
        best: list[tuple[float, Requirement]] = []
        for requirement in self.requirements:
            phrases = [item.option.phrase for item in self._options[requirement.id] if not item.option.via_kind]
            if phrases:
                best.append((max(self.similarity.scores(document.title, phrases)), requirement))
        best.sort(key=lambda pair: pair[0], reverse=True)
        if not best or best[0][0] < SEMANTIC_MIN or (len(best) > 1 and best[0][0] - best[1][0] < SEMANTIC_MARGIN):
            return None
        return Candidate(best[0][1], round(min(best[0][0], MATCH_SCORE - MARGIN), 3), document.title,
                         "embedding similarity (last resort)")

    def _catch_all(self) -> Requirement | None:
        """The component that takes any paper (the copy to certify), a paper handed in before one only shown."""
        takers = [r for r in self.requirements if r.catch_all]
        takers.sort(key=lambda r: r.show_only)
        return takers[0] if takers else None

    def _title_score(self, requirement: Requirement, lines: list[tuple[str, float]],
                     ocr: bool, context: Context) -> tuple[float, str, str, float]:
        """(score, matched line, what it matched, score against the component's own words only)."""
        best, snippet, via, direct = 0.0, "", "", 0.0
        for line, factor in lines:
            line_words, line_pairs = content_words(line), word_pairs(line)
            for item in self._options[requirement.id]:
                if item.option.prefix:
                    # a kind of paper known by how its title begins ("QUYẾT ĐỊNH công nhận ...", "BẢN ÁN ...")
                    starts = (plain(line) + " ").startswith(plain(item.option.phrase) + " ")
                    score = PREFIX_SCORE * factor if starts else 0.0
                else:
                    scored = phrase_score(line_words, item.words, self.weights, (line_pairs, item.pairs), ocr,
                                          context)
                    score = scored.score * factor * (_CATEGORY_FACTOR if item.option.via_kind else 1.0)
                if item.option.via_kind is None:
                    direct = max(direct, score)
                if score > best:
                    best, snippet = score, line
                    option = item.option
                    via = f"category {option.via_kind}: {option.phrase}" if option.via_kind else option.phrase
        return best, snippet, via, direct

    def _lines_to_try(self, document: Document) -> list[tuple[str, float]]:
        lines: list[tuple[str, float]] = []
        if document.title:
            lines.append((document.title, 1.0))
        if document.title_main and document.title_main != document.title:
            lines.append((document.title_main, 1.0))
        if not document.title or document.declared:
            for line in document.head[:10]:
                if line != document.title and len([w for w in content_words(line) if w.exact not in STOPWORDS]) >= 2:
                    lines.append((line[:160], _HEAD_LINE_FACTOR))
        return lines

    def candidates(self, document: Document) -> list[Candidate]:
        lines = self._lines_to_try(document)
        context = Context(content_words("\n".join(document.text.splitlines()[:CONTEXT_LINES])))
        declared_forms = {f.key() for f in form_codes("\n".join(document.head[:8])) if f.distinctive}
        known_forms = {f.key() for r in self.requirements for f in r.forms if f.distinctive}
        found: list[Candidate] = []
        for requirement in self.requirements:
            title, snippet, via, direct = self._title_score(requirement, lines, document.source == "ocr", context)
            form, form_snippet = _form_score(requirement, document)
            if form and title >= UNCERTAIN_SCORE:
                score, via, snippet = min(1.0, max(form, title) + 0.1), f"form {form_snippet} + title", snippet
            elif form > title:
                score, via, snippet = form, f"form {form_snippet}", form_snippet
            else:
                score = title
            wanted = {f.key() for f in requirement.forms if f.distinctive}
            if wanted and declared_forms & (known_forms - wanted) and not declared_forms & wanted:
                score *= FORM_CONTRADICTION  # the paper says it is another form ("Mẫu 01-ĐN" against "Mẫu 02-ĐN")
            if score > 0:
                found.append(Candidate(requirement, round(score, 3), snippet, via, round(direct, 3)))
        found.sort(key=lambda c: (c.score, c.direct), reverse=True)
        return found

    def match(self, document: Document) -> DocumentMatch:
        found = self.candidates(document)
        if not found or found[0].score < UNCERTAIN_SCORE:
            catch_all = self._catch_all()
            request = is_request(content_words(document.title)) if document.title else False
            if catch_all is not None and document.source != "unread" and document.text.strip() and not request:
                taken = Candidate(catch_all, MATCH_SCORE, document.title or document.head[0] if document.head else "",
                                  "any paper (the component accepts any document)")
                return DocumentMatch(document, "matched", taken, None, [taken, *found])
            guess = self._semantic_guess(document)
            if guess is not None:
                return DocumentMatch(document, "uncertain", guess, None, [guess, *found])
            return DocumentMatch(document, "unmatched", found[0] if found else None, None, found)
        best = self._among_alternatives(document, found)
        rivals = [c for c in found if c is not best and not _alternatives(c.requirement, best.requirement)
                  and not same_paper(c, best)]
        runner_up = rivals[0] if rivals else None
        margin = best.score - (runner_up.score if runner_up else 0.0)
        if runner_up is not None and margin < MARGIN and best.via.startswith("category") \
                and runner_up.via.startswith("category"):
            # the same category title satisfies both: the component whose own words fit better takes it
            margin = best.direct - runner_up.direct
        by_text = False
        if runner_up is not None and margin < MARGIN:
            best, runner_up, margin, by_text = self._by_body(document, best, rivals)
        confident = best.score >= MATCH_SCORE or (best.score >= MATCH_SCORE - MARGIN and (by_text or self._text_agrees(
            document, best)))
        decision: Decision = "matched" if confident and margin >= MARGIN else "uncertain"
        return DocumentMatch(document, decision, best, runner_up, found)

    def _text_agrees(self, document: Document, candidate: Candidate) -> bool:
        """A title a little short of the mark is taken when the text holds the component's own name nearly whole
        (the key-phrase evidence)."""
        text = "\n".join(document.text.splitlines()[:60])
        return self._body_cover(candidate.requirement, content_words(text), word_pairs(text)) >= TEXT_AGREES

    def _among_alternatives(self, document: Document, found: list[Candidate]) -> Candidate:
        """The best candidate; where alternatives of one group score alike ("Giấy giới thiệu" of an army unit or
        of a police unit), the one whose own words the text holds."""
        best = found[0]
        close = [c for c in found[1:] if _alternatives(c.requirement, best.requirement)
                 and c.score >= best.score - MARGIN]
        if not close:
            return best
        text = "\n".join(document.text.splitlines()[:60])
        body, body_pairs = content_words(text), word_pairs(text)
        scored = sorted(((c.score + BODY_WEIGHT * self._body_cover(c.requirement, body, body_pairs), c)
                         for c in [best, *close]), key=lambda x: x[0], reverse=True)
        if scored[0][1] is not best and scored[0][0] - scored[1][0] >= BODY_WEIGHT * BODY_MARGIN:
            return scored[0][1]
        return best

    def _by_body(self, document: Document, best: Candidate,
                 rivals: list[Candidate]) -> tuple[Candidate, Candidate | None, float, bool]:
        """Titles too close to call ("VĂN BẢN ỦY QUYỀN" for a family's or an agent's authorisation): the text
        decides, when one component's own words are clearly more present in it than the other's."""
        close = [best, *(c for c in rivals if c.score >= best.score - MARGIN)]
        text = "\n".join(document.text.splitlines()[:60])
        body, body_pairs = content_words(text), word_pairs(text)
        scored = sorted(((c.score + BODY_WEIGHT * self._body_cover(c.requirement, body, body_pairs), c)
                         for c in close), key=lambda x: x[0], reverse=True)
        (top_total, top), (second_total, second) = scored[0], scored[1]
        if top_total - second_total >= BODY_WEIGHT * BODY_MARGIN and top.score >= MATCH_SCORE - MARGIN:
            return top, second, MARGIN, True
        return best, rivals[0] if rivals else None, best.score - (rivals[0].score if rivals else 0.0), False

    def _body_cover(self, requirement: Requirement, body: list[Word],
                    body_pairs: list[tuple[Word, Word]]) -> float:
        """How much of one of the component's own names the document's text holds: half its weighted words,
        half its word pairs ("thành viên", "gia đình", "làm chủ" say more than "thành", "viên", "chủ")."""
        best = 0.0
        exact_body = {w.exact for w in body}
        body_keys = {(a.exact, b.exact) for a, b in body_pairs}
        own = [item for item in self._options[requirement.id] if not item.option.via_kind and item.words]
        longest = max((len(item.words) for item in own), default=0)
        for item in own:
            if len(item.words) < min(3, longest):
                continue  # a two-word alternative says too little to tell papers apart by their text
            weights = [self.weights.weight(w) for w in item.words]
            hits = [1.0 if w.exact in exact_body else 0.0 for w in item.words]
            words_cover = sum(w * h for w, h in zip(weights, hits, strict=True)) / sum(weights)
            pairs_cover = (sum((a.exact, b.exact) in body_keys for a, b in item.pairs) / len(item.pairs)
                           if item.pairs else words_cover)
            best = max(best, (words_cover + pairs_cover) / 2)
        party = word_pairs(requirement.party or "")
        if party:
            # the name says who the paper comes from ("Đối với Công an nhân dân: Giấy giới thiệu ...")
            # the party's first pair names it ("công an", "quân đội"); the rest ("nhân dân") is shared
            best += 0.6 * ((party[0][0].exact, party[0][1].exact) in body_keys)
        return best


def _alternatives(a: Requirement, b: Requirement) -> bool:
    return a.alternative_group is not None and a.alternative_group == b.alternative_group


def same_paper(a: Candidate, b: Candidate) -> bool:
    """Two components that accept the same paper (the same form listed under two cases) do not compete."""
    return not a.via.startswith("category") and plain(a.via) == plain(b.via) and abs(a.score - b.score) < 1e-6
