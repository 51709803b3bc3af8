"""What a procedure's dossier must hold, read from its structured record: one ``Requirement`` per component.

Records say the same things in many shapes, curated or crawled: a case in its own field ("Khi ủy quyền...") or
inside the name ("Trường hợp trẻ em bị bỏ rơi thì phải có biên bản..."), a channel ("nếu ... nộp hồ sơ theo hình
thức trực tuyến"), alternatives in an ``alternative_group`` or in the name ("Giấy báo tử hoặc giấy tờ thay Giấy báo
tử", "Hộ chiếu/Thẻ căn cước/...", "...; trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng"),
a lookup the office does itself ("chỉ khi không tra cứu được..."), and notes that are not documents at all. This
module turns each into accepted document names (``options``), form codes, a condition and its kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from assistant.dossier.aliases import abbreviated_terms
from assistant.dossier.wording import FormCode, form_codes, plain, starts_with_head_noun
from knowledge.documents import DocumentKind, load_document_kinds
from knowledge.glossary import spelled_out_name
from knowledge.model import Component, Procedure

ConditionKind = Literal["none", "channel", "lookup", "case", "fallback"]
RequirementKind = Literal["document", "info", "note"]
Channel = Literal["in_person", "online", "postal"]
ALL_CHANNELS: frozenset[str] = frozenset({"in_person", "online", "postal"})

_CASE_OPENING = re.compile(r"^(?:đối với\s+)?(?:trường hợp|nếu|khi)\s+", re.IGNORECASE)
#: Where the paper starts after a case: "... thì phải có", "..., tổ chức phải gửi kèm trong bộ hồ sơ", "... nộp".
_CASE_VERB = re.compile(
    r"(?:(?:\s+thì|,)\s+(?:[^,;:]{0,60}?\s)?|\s+)(?:phải\s+)?(?:gửi kèm|nộp kèm|kèm theo|nộp thêm|nộp|có|"
    r"bổ sung|xuất trình|cung cấp)(?:\s+(?:trong|theo)\s+(?:bộ\s+)?hồ sơ)?\s+", re.IGNORECASE)
#: "Hồ sơ đề nghị ... gồm: Giấy đề nghị ..." — a list heading glued before the paper's name.
_LIST_HEADING = re.compile(r"^(?:(?:thành phần\s+)?hồ sơ|các giấy tờ)[^:]{0,200}?(?:gồm|bao gồm)\s*:\s*",
                           re.IGNORECASE)
_FOR_PARTY = re.compile(r"^đối với\s+(?P<cond>[^:]{3,80}):\s*(?P<doc>.+)$", re.IGNORECASE | re.DOTALL)
_PAREN_CASE = re.compile(r"\((?P<cond>(?:nếu|trong trường hợp|trường hợp|áp dụng|đối với|khi)[^()]*)\)",
                         re.IGNORECASE)
_TAIL_CASE = re.compile(r"[,;]?\s+(?:trong|đối với)\s+trường hợp\s+(?P<cond>.+)$", re.IGNORECASE | re.DOTALL)
_FALLBACK = re.compile(
    r"[;,.]\s*(?:trường hợp|nếu)\s+không\s+có\s+[^;]*?\s+thì\s+(?:phải\s+)?(?:nộp|có|xuất trình|cung cấp)?\s*"
    r"(?P<doc>[^;]+)", re.IGNORECASE)
_CLIP = re.compile(
    r"(?:\s+theo\s+(?:mẫu|quy định|khoản|điều|điểm)|\s+ban hành|\s+do\s+(?:cơ quan|tổ chức|ủy ban|ubnd|cấp)|"
    r"\s+được\s+(?:công chứng|chứng thực|cấp)|\s+còn\s+(?:giá trị|hiệu lực)|\s+trong đó|\s+có đủ|\s+kèm theo|"
    r"\s+đối với|\s+trong trường hợp|\s+để\s+|\s+sau đây|[;:(]|\.\s)", re.IGNORECASE)
_COPY_PHRASE = (r"(?:bản\s+(?:chính|gốc|chụp|photo|in|điện tử|chứng thực|"
                r"sao(?:\s+điện tử)?(?:\s*\(?(?:có\s+|được\s+)?chứng thực\)?)?(?:\s+từ\s+(?:bản chính|sổ gốc))?)"
                r"(?:\s+kèm(?:\s+theo)?\s+bản\s+chính(?:\s+để\s+đối\s+chiếu)?)?|"
                r"kèm(?:\s+theo)?\s+bản\s+chính(?:\s+để\s+đối\s+chiếu)?|biểu mẫu điện tử(?:\s+ký số)?|"
                r"\((?:bản chính|bản sao|có chứng thực|bản sao có chứng thực)\))")
#: "Bản chính hoặc bản sao có chứng thực hoặc bản sao kèm bản chính để đối chiếu ..." before the paper's name.
_LEADING_COPY = re.compile(
    rf"^(?:\d+\s+(?:bộ\s+)?)?(?:{_COPY_PHRASE}(?:\s*(?:,|hoặc|và|/)\s*{_COPY_PHRASE})*(?:\s+của)?\s*[,:]?\s+)?"
    r"(?=\S)", re.IGNORECASE)
#: Components that are not papers: rules about who answers for what, how an authorisation works, what to type
#: online. Everything else in a component list is taken as a document.
_NOTE = re.compile(
    r"chịu trách nhiệm trước pháp luật|thực hiện theo quy định tại (?:mục|điểm)|"
    r"^(?:người|cơ quan|tổ chức|cá nhân|nhân viên)\s+(?:được|có|phải|chịu|nộp|thực hiện|ủy quyền|uỷ quyền)\b|"
    r"^(?:trường hợp|nếu|khi)\b[^:]*\bthì\s+(?:việc|người|nhân viên|cơ quan|tổ chức)\b|"
    r"^(?:cung cấp|kê khai|khai)\s+(?:các\s+)?thông tin|^yêu cầu\s", re.IGNORECASE)
_CATCH_ALL = re.compile(
    r"^(?:cac )?(?:ho so|giay to|tai lieu|giay to tai lieu|ho so giay to)(?: khac)? (?:co )?lien quan|"
    r"^(?:cac )?(?:giay to|tai lieu|giay to tai lieu)(?: khac)? (?:lam can cu|chung minh cho)|"
    r"^(?:ban (?:sao|chinh|goc) )?(?:giay to van ban|giay to tai lieu|giay to|van ban|tai lieu)?\s*"
    r"(?:can|lam co so de|yeu cau|de) (?:chung thuc|dich|cong chung|hop phap hoa)|^ban sao can chung thuc|"
    r"^ban (?:chinh|sao) giay to van ban")
_GENERAL_HEADING = re.compile(
    r"^(?:(?:thành phần\s+)?hồ sơ|các giấy tờ|giấy tờ phải nộp|người có yêu cầu|người yêu cầu|"
    r"(?:các )?giấy tờ(?:,| và)? tài liệu)\b.*(?:gồm|sau|bao gồm)\s*:?\s*$", re.IGNORECASE | re.DOTALL)
_LOOKUP = re.compile(r"không\s+(?:thể\s+)?(?:tra cứu|khai thác|kiểm tra|xác minh)\s+(?:được)?", re.IGNORECASE)
_ONLINE = re.compile(r"trực tuyến|điện tử tương tác|dịch vụ công trực tuyến|cổng dịch vụ công", re.IGNORECASE)
_IN_PERSON = re.compile(r"trực tiếp", re.IGNORECASE)
_POSTAL = re.compile(r"bưu chính", re.IGNORECASE)
_POSTAL_SERVICE_CASE = re.compile(r"ủy quyền|uỷ quyền|doanh nghiệp|đơn vị cung cấp", re.IGNORECASE)
_MAX_OPTION_WORDS = 24


@dataclass
class Option:
    """One document name the component accepts (an alternative, or a member of a category it names)."""

    phrase: str
    via_kind: str | None = None
    prefix: bool = False


@dataclass
class Requirement:
    id: str
    name: str
    component: Component
    options: list[Option]
    forms: list[FormCode]
    show_only: bool
    kind: RequirementKind
    condition: str | None
    condition_kind: ConditionKind
    channels: frozenset[str] = ALL_CHANNELS
    alternative_group: str | None = None
    catch_all: bool = False
    fallback_options: list[Option] = field(default_factory=list)
    party: str | None = None

    def applies_to_channel(self, channel: str) -> bool:
        return channel in self.channels


def _channels(text: str) -> frozenset[str]:
    """Channels a condition names; all of them when it names none or names them all."""
    found: set[str] = set()
    if _ONLINE.search(text):
        found.add("online")
    if _IN_PERSON.search(text):
        found.add("in_person")
    if _POSTAL.search(text) and not _POSTAL_SERVICE_CASE.search(text):
        found.add("postal")
    return frozenset(found) if found and found != ALL_CHANNELS else ALL_CHANNELS


def classify_condition(text: str | None) -> tuple[ConditionKind, frozenset[str]]:
    """What kind of condition a case text is: a channel, a lookup by the office, a general heading (none) or a case."""
    if not text or not text.strip():
        return "none", ALL_CHANNELS
    if _LOOKUP.search(text):
        return "lookup", ALL_CHANNELS
    channels = _channels(text)
    if _GENERAL_HEADING.match(text.strip()) and channels == ALL_CHANNELS:
        return "none", ALL_CHANNELS
    if channels != ALL_CHANNELS:
        return "channel", channels
    if plain(text).startswith(("khong co", "truong hop khong co", "neu khong co")):
        return "fallback", ALL_CHANNELS
    return "case", ALL_CHANNELS


def _clip(phrase: str) -> str:
    """The document name at the head of a longer description."""
    text = " ".join(phrase.split())
    text = _LEADING_COPY.sub("", text)
    while True:
        match = _CLIP.search(text)
        if match is None:
            break
        head = text[: match.start()].strip(" ,")
        if len(head.split()) >= 2:
            text = head
            break
        text = head + " " + text[match.end():] if match.group(0).strip() in ",;:(" else text[match.end():]
        if len(text.split()) < 2:
            break
    parts = text.split(",")
    if len(parts) > 1 and len(parts[0].split()) >= 4:
        text = parts[0]
    return " ".join(text.split()[:_MAX_OPTION_WORDS]).strip(" ,.;")


def _split_alternatives(phrase: str) -> list[str]:
    """'A/B/C' and 'A hoặc B' where each part names a paper; otherwise the phrase itself. What is in brackets is
    a remark ("(văn bản phải được công chứng hoặc chứng thực)"), never an alternative."""
    phrase = re.sub(r"\([^()]*\)", " ", phrase).strip()
    for separator in ("/", " hoặc "):
        parts = [p.strip(" ,") for p in re.split(re.escape(separator), phrase, flags=re.IGNORECASE) if p.strip()]
        if len(parts) > 1 and sum(starts_with_head_noun(_LEADING_COPY.sub("", p)) for p in parts) >= len(parts) - 1:
            return [p for p in parts if starts_with_head_noun(_LEADING_COPY.sub("", p))]
    return [phrase]


_EXAMPLES = re.compile(r"\((?:như|ví dụ|chẳng hạn|gồm)\s*:?\s*([^()]+)\)", re.IGNORECASE)


def _examples(name: str) -> list[str]:
    """Papers a component gives as examples: "giấy tờ có thông tin về họ, tên (như Giấy chứng minh nhân dân, Thẻ
    căn cước công dân, Hộ chiếu; Sổ hộ khẩu ...)"."""
    found: list[str] = []
    for match in _EXAMPLES.finditer(" ".join(name.split())):
        for part in re.split(r"[,;]|\s+hoặc\s+|\s+và\s+", match.group(1)):
            phrase = _clip(_LEADING_COPY.sub("", part.strip(" .")))
            if phrase and starts_with_head_noun(phrase) and len(phrase.split()) <= 12:
                found.append(phrase)
    return found


def _kind_options(phrase: str, kinds: tuple[DocumentKind, ...]) -> list[Option]:
    key = plain(phrase)
    options: list[Option] = []
    for kind in kinds:
        if any(plain(cue) in key for cue in kind.cues):
            options.extend(Option(title, kind.kind, kind.prefixes) for title in kind.titles)
    return options


def _split_condition(name: str) -> tuple[str, str | None]:
    """(document part, embedded condition) of a component name."""
    text = _LIST_HEADING.sub("", " ".join(name.split()))
    opening = _CASE_OPENING.match(text)
    if opening:
        for verb in _CASE_VERB.finditer(text, opening.end()):
            document = _LIST_HEADING.sub("", text[verb.end():])
            if starts_with_head_noun(_LEADING_COPY.sub("", document)):
                return document, text[opening.end(): verb.start()].strip(" ,")
    party = _FOR_PARTY.match(text)
    if party and starts_with_head_noun(_LEADING_COPY.sub("", party.group("doc"))):
        return party.group("doc"), f"Đối với {party.group('cond')}"
    conditions: list[str] = []
    paren = _PAREN_CASE.search(text)
    if paren:
        conditions.append(paren.group("cond"))
        text = (text[: paren.start()] + text[paren.end():]).strip()
    tail = _TAIL_CASE.search(text)
    if tail:
        conditions.append(tail.group("cond"))
        text = text[: tail.start()].strip()
    return text, "; ".join(conditions) or None


def _party_of(name: str) -> str | None:
    """Who the paper comes from when the name says so first ("Đối với Công an nhân dân: Giấy giới thiệu ...")."""
    match = _FOR_PARTY.match(" ".join(name.split()))
    return match.group("cond") if match else None


def build_requirement(component: Component, kinds: tuple[DocumentKind, ...] | None = None) -> Requirement:
    kinds = load_document_kinds() if kinds is None else kinds
    doc_part, embedded = _split_condition(component.name)
    fallbacks = [m.group("doc").strip() for m in _FALLBACK.finditer(doc_part)]
    main = _FALLBACK.split(doc_part)[0] if fallbacks else doc_part
    main = re.split(r"[;]\s*(?:trường hợp|nếu)\s+không\s+có", main, flags=re.IGNORECASE)[0]
    phrases = [_clip(p) for p in _split_alternatives(_LEADING_COPY.sub("", " ".join(main.split())))]
    options = [Option(p) for p in phrases if p]
    options += [Option(p) for p in _examples(component.name) if p not in phrases]
    options += [Option(term) for p in phrases for term in abbreviated_terms(p)]  # "Sổ BHXH"
    options += [Option(spelled) for p in phrases if (spelled := spelled_out_name(p))]  # "... hưởng BHXH"
    options += _kind_options(main, kinds)
    fallback_options = [Option(_clip(p)) for p in fallbacks if _clip(p)]
    for fb in fallbacks:
        fallback_options += _kind_options(fb, kinds)
    forms = form_codes(component.name)
    if component.form and not any(f.key() == FormCode(component.form).key() for f in forms):
        forms += form_codes(component.form if "mẫu" in component.form.lower() else f"Mẫu {component.form}")
    case_text = component.case
    kind_of_case, channels = classify_condition(case_text)
    embedded_kind, embedded_channels = classify_condition(embedded)
    if _ONLINE.search(main) and "tương tác" in main.lower():
        embedded_kind, embedded_channels = "channel", frozenset({"online"})
    condition_kind, condition = _merge_conditions(kind_of_case, case_text, embedded_kind, embedded)
    channels = channels & embedded_channels
    catch_all = bool(_CATCH_ALL.search(plain(main)[:160])) or any(
        _CATCH_ALL.search(plain(o.phrase)) for o in options if o.via_kind is None)
    forms = list({f.key(): f for f in forms}.values())
    key = plain(main)
    if key.startswith("thong tin") and re.search(r"khai thac|co so du lieu|dinh danh", key):
        req_kind: RequirementKind = "info"
    elif catch_all or not _NOTE.search(" ".join(component.name.split())) or any(o.via_kind for o in options) or \
            any(starts_with_head_noun(o.phrase) for o in options if o.via_kind is None):
        req_kind = "document"
    else:
        req_kind = "note"
    return Requirement(
        id=component.id, name=component.name, component=component, options=options, forms=forms,
        show_only=component.group == "present", kind=req_kind, condition=condition, condition_kind=condition_kind,
        channels=channels or ALL_CHANNELS, alternative_group=component.alternative_group, catch_all=catch_all,
        fallback_options=fallback_options, party=_party_of(component.name),
    )


def _merge_conditions(case_kind: ConditionKind, case_text: str | None, embedded_kind: ConditionKind,
                      embedded: str | None) -> tuple[ConditionKind, str | None]:
    """The stronger of the case field and a condition written into the name (a real case beats a channel)."""
    order = {"none": 0, "channel": 1, "lookup": 2, "fallback": 3, "case": 4}
    if order[embedded_kind] > order[case_kind]:
        return embedded_kind, embedded
    if case_kind == "none":
        return "none", None
    return case_kind, case_text


def build_requirements(procedure: Procedure) -> list[Requirement]:
    """One requirement per component of the record, in the record's order."""
    kinds = load_document_kinds()
    requirements = [build_requirement(component, kinds) for component in procedure.components]
    documents = [r for r in requirements if r.kind == "document"]
    cases = {plain(r.condition or "") for r in documents if r.condition_kind == "case"}
    if len(cases) == 1 and all(r.condition_kind == "case" for r in documents):
        # one case over every document is a heading of the list ("Theo quy định tại Điều 33 ..."), not a condition
        for requirement in documents:
            requirement.condition_kind, requirement.condition = "none", None
    return requirements
