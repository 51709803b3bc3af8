"""Optional LLM answers through LangChain (any OpenAI-compatible server: vLLM, Ollama, llama.cpp server).

The model writes only from the procedure's chunks. A grounding check rejects an answer with a number, a procedure
code, an instrument number or a quoted/official document name that is not in that text; the caller then falls
back to the composed answer.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import Any

from knowledge.model import Procedure
from knowledge.settings import Settings
from knowledge.store import KnowledgeIndex
from knowledge.text import fold, strip_diacritics

log = logging.getLogger(__name__)

LANGUAGE_NAMES = {"vi": "Vietnamese", "en": "English", "ar": "Arabic", "zh": "Chinese", "ko": "Korean"}
SYSTEM_PROMPT = (
    "You are the assistant of a Vietnamese one-stop public service center. Answer the citizen's question using "
    "ONLY the procedure text between <context> tags. Do not add documents, fees, times, codes or laws that are "
    "not in the context. When you name a document in a language other than Vietnamese, add its Vietnamese name in "
    "quotes. If the context does not answer the question, say so and suggest asking the counter staff. Answer in "
    "{language}, briefly (at most 8 short lines)."
)
_NUMBER = re.compile(r"\d[\d.,]*\d|\d")
_CODE = re.compile(r"\b\d\.\d{6}\b|\b\d+/\d{4}/[\w\-Đđ]+")
_QUOTED = re.compile(r"[\"“«]([^\"”»]{4,120})[\"”»]")
_VI_DOCUMENT = re.compile(r"\b(?:Giấy|Tờ khai|Đơn|Bản sao|Sổ|Văn bản|Quyết định|Phiếu|Hợp đồng|Trích lục)"
                          r"(?:\s+[^\s,.;:()]+){1,5}")


def _plain(text: str) -> str:
    return " ".join(strip_diacritics(fold(text)).split())


def _numbers(text: str) -> set[str]:
    return {n.replace(",", "").replace(".", "").lstrip("0") or "0" for n in _NUMBER.findall(text)}


def ungrounded(answer: str, context: str) -> list[str]:
    """What the answer states that the context does not contain (empty: grounded)."""
    problems = []
    context_numbers = _numbers(context)
    problems += [f"number {n}" for n in sorted(_numbers(answer) - context_numbers)]
    problems += [f"code {c}" for c in _CODE.findall(answer) if c not in context]
    plain_context = _plain(context)
    for name in [*_QUOTED.findall(answer), *_VI_DOCUMENT.findall(answer)]:
        if _plain(name) not in plain_context:
            problems.append(f"document {name!r}")
    return problems


def procedure_context(procedure: Procedure, index: KnowledgeIndex) -> str:
    return "\n\n".join(chunk.text for chunk in index.chunks_of(procedure.group_key))


class LlmAnswerer:
    """Writes answers with a LangChain chat model; returns ``None`` when the answer fails the grounding check."""

    def __init__(self, chat_model: Any) -> None:
        self.chat_model = chat_model

    @classmethod
    def from_settings(cls, settings: Settings) -> LlmAnswerer | None:
        if not settings.llm_base_url or not settings.llm_model:
            return None
        from langchain_openai import ChatOpenAI

        model = ChatOpenAI(
            base_url=settings.llm_base_url, model=settings.llm_model, api_key=settings.llm_api_key or "not-needed",
            timeout=settings.llm_timeout_s, max_retries=0, temperature=0,
        )
        return cls(model)

    def _messages(self, question: str, language: str, context: str) -> list[tuple[str, str]]:
        system = SYSTEM_PROMPT.format(language=LANGUAGE_NAMES.get(language, "English"))
        return [("system", system), ("human", f"<context>\n{context}\n</context>\n\nQuestion: {question}")]

    def answer(self, question: str, language: str, procedure: Procedure, index: KnowledgeIndex,
               intent: str | None = None) -> str | None:
        context = procedure_context(procedure, index)
        try:
            reply = self.chat_model.invoke(self._messages(question, language, context))
        except Exception as exc:  # the LLM is optional: any failure falls back to the composed answer
            log.warning("LLM call failed, using the composed answer: %s", exc)
            return None
        text = str(getattr(reply, "content", reply)).strip()
        return self.checked(text, context)

    def stream(self, question: str, language: str, procedure: Procedure, index: KnowledgeIndex) -> Iterator[str]:
        """Yield text pieces as the model writes them (the caller checks the whole text at the end)."""
        context = procedure_context(procedure, index)
        for piece in self.chat_model.stream(self._messages(question, language, context)):
            content = getattr(piece, "content", "")
            if content:
                yield str(content)

    @staticmethod
    def checked(text: str, context: str) -> str | None:
        problems = ungrounded(text, context)
        if not text or problems:
            log.info("LLM answer rejected by the grounding check: %s", problems[:5])
            return None
        return text
