"""What the person wants to know about a procedure: documents, fee, time, steps, place, law, eligibility, result.

Rules over the folded text in Vietnamese (with and without diacritics), English, Arabic, Chinese, Korean and French.
``None`` means no specific question (the answer is an overview).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.understanding.phrases import phrase_tokens
from knowledge.text import comparison_form, index_terms

INTENTS = ("documents", "fee", "time", "steps", "where", "legal", "eligibility", "result", "overview")

# Patterns match the plain (no diacritics) folded text; Arabic patterns match normalized Arabic.
_PATTERNS: dict[str, tuple[str, ...]] = {
    "documents": (
        r"giay to", r"ho so (gom|gi|j|nhung|can|ra sao)", r"(can|chuan bi|mang) (nhung )?ho so",
        r"can (chuan bi )?(nhung )?(gi|j)\b", r"mang (theo )?gi", r"thanh phan",
        r"chuan bi gi", r"\bdocuments?\b", r"\bpapers?\b", r"what do i need", r"what (do i|should i) bring",
        r"\brequired\b.*\b(documents?|papers?)", r"\bbring\b", r"وثائق", r"مستندات", r"اوراق", r"ماذا احتاج",
        r"الاوراق المطلوبه", r"ما المطلوب",
        r"材料", r"文件", r"证件", r"需要(准备|带)?什么", r"要带什么", r"서류", r"준비물", r"필요한 (것|게)",
        r"(무엇|뭐)(이|가)? 필요",
        r"\bpapiers?\b", r"\bpieces\b", r"que faut[ -]il (fournir|apporter|preparer)", r"quels documents",
    ),
    "fee": (
        r"le phi", r"\bphi\b", r"bao nhieu tien", r"mat tien", r"ton bao nhieu", r"\btien\b", r"\bfees?\b",
        r"\bcosts?\b", r"how much", r"\bprice\b", r"\bpay\b", r"\bcharge", r"رسوم", r"رسم", r"تكلفه", r"كم يكلف",
        r"السعر", r"بكم",
        r"费用", r"多少钱", r"收费", r"手续费", r"수수료", r"비용", r"얼마(?!나)",
        r"\bcombien\b(?! de (temps|jours|semaines|mois))", r"\bfrais\b", r"\bprix\b", r"\btarifs?\b", r"\bcoute",
    ),
    "time": (
        r"bao lau", r"may ngay", r"bao nhieu ngay", r"thoi gian", r"thoi han giai quyet", r"khi nao (co|nhan)",
        r"bao gio (co|nhan|xong)", r"how long", r"how many days", r"processing time", r"\btakes?\b", r"\bwhen\b",
        r"كم يستغرق", r"المده", r"مده", r"متي", r"كم يوم", r"وقت",
        r"多久", r"多长时间", r"几天", r"얼마나 걸", r"기간", r"며칠",
        r"combien de (temps|jours|semaines|mois)", r"\bdelais?\b", r"\bquand\b",
    ),
    "steps": (
        r"cac buoc", r"trinh tu", r"quy trinh", r"lam (the )?nao", r"nhu the nao", r"lam sao", r"cach (lam|thuc)",
        r"thu tuc (ra )?sao", r"\bhow (do|can|to)\b", r"\bsteps?\b", r"\bprocess\b", r"\bprocedure for\b",
        r"خطوات", r"كيف", r"الاجراءات", r"طريقه",
        r"怎么办", r"流程", r"步骤", r"如何", r"怎么(做|申请|办理|办)", r"절차", r"방법", r"어떻게",
        r"\bcomment\b", r"\betapes?\b", r"\bdemarches?\b",
    ),
    "where": (
        r"o dau", r"noi nop", r"nop (o|tai) dau", r"co quan nao", r"online", r"truc tuyen",
        r"\bwhere\b", r"which office", r"\bonline\b", r"اين", r"مكان", r"الجهه", r"عبر الانترنت",
        r"在哪", r"哪里", r"去哪", r"什么地方", r"网上", r"어디", r"온라인",
        r"\bou (deposer|faire|aller|s'adresser|dois|doit|faut|puis|peut)", r"quel (bureau|service|guichet)",
        r"\ben ligne\b",
    ),
    "legal": (
        r"\bcan cu\b", r"phap ly", r"\bluat\b", r"nghi dinh", r"thong tu", r"van ban", r"quy dinh (tai|o) dau",
        r"legal basis", r"\blaws?\b", r"\bdecree\b", r"\bregulations?\b", r"الاساس القانوني", r"قانون", r"مرسوم",
        r"法律依据", r"法规", r"법적 근거", r"법률",
        r"base juridique", r"\bdecret\b", r"quelle loi",
    ),
    "eligibility": (
        r"dieu kien", r"\bai (duoc|co the)\b", r"co duoc (khong|ko|k)\b", r"doi tuong", r"yeu cau",
        r"\beligib", r"\bwho can\b", r"\bcan i\b", r"\brequirements?\b", r"\bconditions?\b", r"شروط", r"من يحق",
        r"هل يمكنني", r"هل يحق",
        r"条件", r"谁可以", r"자격", r"조건", r"누가",
        r"qui peut", r"ai[ -]je le droit", r"puis[ -]je", r"est[ -]ce que je peux", r"\bdois[ -]je\b",
    ),
    "result": (
        r"ket qua", r"nhan (duoc )?gi", r"duoc cap gi", r"\bresult\b", r"what do i (get|receive)", r"النتيجه",
        r"ماذا احصل",
        r"得到什么", r"拿到什么", r"결과", r"무엇을 받",
    ),
}
_COMPILED = {intent: [re.compile(p) for p in patterns] for intent, patterns in _PATTERNS.items()}
# When several match, the more specific question wins ("bao nhiêu tiền, làm như thế nào" -> fee).
_PRIORITY = ("fee", "time", "documents", "where", "legal", "eligibility", "result", "steps")


def _prepare(text: str) -> str:
    return comparison_form(text)


def _asking_spans(text: str) -> Iterator[str]:
    """The spans of ``text`` (in comparison form) that ask what to know ("lam the nao", "o dau")."""
    plain = _prepare(text)
    for patterns in _COMPILED.values():
        for pattern in patterns:
            for match in pattern.finditer(plain):
                yield match.group(0)


def asking_words(text: str) -> set[str]:
    """Every word (plain, as typed) inside a span that asks what to know."""
    return {word for span in _asking_spans(text) for word in span.split()}


def asking_tokens(text: str) -> set[str]:
    """``asking_words`` as phrase tokens: plain unigrams, and single characters in Chinese and Korean."""
    return {token for span in _asking_spans(text) for token in phrase_tokens(span)}


def detect_intents(text: str) -> list[str]:
    """All intents the text asks about, most specific first."""
    plain = _prepare(text)
    found = [intent for intent in _PRIORITY if any(p.search(plain) for p in _COMPILED[intent])]
    return found


def detect_intent(text: str) -> str | None:
    """The main intent, or ``None`` for a general question."""
    found = detect_intents(text)
    return found[0] if found else None


def intent_words(text: str) -> set[str]:
    """The words of ``text`` that only express the intent (used to tell a follow-up from a new question)."""
    return {t for span in _asking_spans(text) for t in index_terms(span, exact=False) if "_" not in t}
