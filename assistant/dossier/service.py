"""The dossier check, stage by stage: read files into pages -> OCR scanned pages -> split pages into documents ->
match documents to the procedure's components -> compare people across documents -> decide statuses and verdict
-> summarize. Files live in memory for the length of one call; nothing of their content is kept.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from assistant.dossier.consistency import check_consistency
from assistant.dossier.declared import declared
from assistant.dossier.errors import DossierInputError
from assistant.dossier.matching import Matcher
from assistant.dossier.messages import say, summary_language
from assistant.dossier.ocr import OcrEngine, TesseractOcr, ocr_pages
from assistant.dossier.pages import Limits, Page, PageBudget, SubmittedFile
from assistant.dossier.reading import check_sizes, read_file
from assistant.dossier.requirements import build_requirements
from assistant.dossier.schemas import (
    DossierCheckRequest,
    DossierCheckResult,
    DossierWarning,
    ReadingReport,
    SubmissionChannel,
)
from assistant.dossier.scoring import WordWeights
from assistant.dossier.semantic import EmbeddingSimilarity
from assistant.dossier.splitting import Document, split_documents
from assistant.dossier.summary import summarize, verdict_of, with_official_name
from assistant.dossier.verdict import CheckOptions, decide
from knowledge.embeddings import Embedder
from knowledge.model import Procedure
from knowledge.settings import Settings
from knowledge.store import KnowledgeIndex

ProgressFn = Callable[[str, int, int], None]
IndexProvider = Callable[[], KnowledgeIndex]


def limits_from(settings: Settings) -> Limits:
    megabyte = 1024 * 1024
    return Limits(max_file_bytes=int(settings.dossier_max_file_mb * megabyte),
                  max_total_bytes=int(settings.dossier_max_total_mb * megabyte),
                  max_pages=settings.dossier_max_pages, max_pixels=settings.dossier_max_pixels, dpi=settings.ocr_dpi)


class DossierChecker:
    """Checks dossiers against the procedures of the current index."""

    def __init__(self, index: IndexProvider, settings: Settings, ocr: OcrEngine | None = None,
                 embedder: Callable[[], Embedder] | None = None) -> None:
        self._index = index
        self.settings = settings
        self.similarity = EmbeddingSimilarity(embedder) if embedder is not None else None
        self.limits = limits_from(settings)
        self.ocr: OcrEngine = ocr or TesseractOcr(settings.ocr_languages, settings.tesseract_cmd)
        self._weights: tuple[Path | None, int, WordWeights] | None = None
        self._lock = threading.Lock()

    def _weights_for(self, index: KnowledgeIndex) -> WordWeights:
        with self._lock:
            if self._weights is None or self._weights[:2] != (index.path, id(index)):
                names = [c.name for p in index.records.values() for c in p.components]
                self._weights = (index.path, id(index), WordWeights(names))
            return self._weights[2]

    def procedure(self, code: str) -> Procedure:
        procedure = self._index().procedure(code.strip())
        if procedure is None:
            raise DossierInputError(f"no procedure {code.strip()!r} in the index", 404)
        return procedure

    def check_files(self, code: str, files: list[SubmittedFile], *, language: str | None = "vi",
                    submission: SubmissionChannel = "in_person", cases: list[str] | None = None,
                    progress: ProgressFn | None = None) -> DossierCheckResult:
        """Check uploaded files; raises ``DossierInputError`` (a 4xx) for anything that cannot be read safely."""
        started = time.perf_counter()
        procedure = self.procedure(code)
        if not files:
            raise DossierInputError("no files were sent", 422)
        check_sizes(files, self.limits)
        budget = PageBudget(self.limits)
        readings = [read_file(item, self.limits, budget) for item in files]
        pages: list[Page] = [page for reading in readings for page in reading.pages]
        scanned = sum(page.image is not None for page in pages)
        if progress is not None and scanned:
            progress("ocr", 0, scanned)
        ocr_pages(pages, self.ocr, self.settings.ocr_workers,
                  (lambda done, total: progress("ocr", done, total)) if progress else None)
        documents: list[Document] = []
        reports: list[ReadingReport] = []
        for reading in readings:
            found = split_documents(reading.pages)
            documents.extend(found)
            reports.append(ReadingReport(
                file=reading.file, kind=reading.kind, pages=len(reading.pages),
                ocr_pages=sum(p.source == "ocr" for p in reading.pages),
                unread_pages=sum(p.source == "unread" for p in reading.pages), documents=len(found)))
        return self._decide(procedure, documents, reports, language, submission, cases or [], started)

    def check_declared(self, request: DossierCheckRequest) -> DossierCheckResult:
        """Check documents the request names (and may transcribe) instead of files."""
        started = time.perf_counter()
        procedure = self.procedure(request.procedure_code)
        documents = [declared(d.name, d.text) for d in request.documents]
        reports = [ReadingReport(file=d.name, kind="declared", pages=0, documents=1) for d in request.documents]
        return self._decide(procedure, documents, reports, request.language, request.submission, request.cases,
                            started)

    def _decide(self, procedure: Procedure, documents: list[Document], reports: list[ReadingReport],
                language: str | None, submission: SubmissionChannel, cases: list[str],
                started: float) -> DossierCheckResult:
        lang = summary_language(language)
        index = self._index()
        requirements = build_requirements(procedure)
        matcher = Matcher(requirements, self._weights_for(index), self.similarity)
        matches = [matcher.match(doc) for doc in documents]
        unread = sum(r.unread_pages for r in reports)
        options = CheckOptions(channel=submission, cases=cases, language=lang, unread_pages=unread)
        decisions = decide(procedure, requirements, matches, options)
        warnings = check_consistency([d for d in documents if d.source != "unread"], lang)
        if decisions.undetermined_cases:
            warnings.append(DossierWarning(kind="case_undetermined", message=say(
                lang, "warn_case", cases="; ".join(decisions.undetermined_cases))))
        if unread:
            warnings.append(DossierWarning(kind="unreadable_pages", message=say(lang, "warn_unread", count=unread)))
        verdict = verdict_of(decisions.components, decisions.undetermined_cases, decisions.required_count,
                             decisions.document_count)
        name = with_official_name(procedure.name_in(lang), procedure.name)
        summary = summarize(name, verdict, decisions.components, decisions.missing, decisions.unmatched, warnings,
                            decisions.required_count, lang, decisions.document_count)
        return DossierCheckResult(
            procedure_code=procedure.code or procedure.uid, procedure_name=procedure.name_in(lang),
            procedure_name_vi=procedure.name, language=lang, submission=submission,
            complete=verdict == "complete", verdict=verdict, components=decisions.components,
            missing=decisions.missing, unmatched_files=decisions.unmatched, warnings=warnings, summary=summary,
            files=reports, pages=sum(r.pages for r in reports), ocr_pages=sum(r.ocr_pages for r in reports),
            duration_ms=int((time.perf_counter() - started) * 1000),
        )

