"""Ingestion from the admin page: uploaded guides are kept under ``<data dir>/sources/`` and indexed in a background
thread; re-indexing reads every known source again. Each job's state is a small JSON file in ``<data dir>/jobs/``,
so any worker process can answer a progress poll."""

from __future__ import annotations

import json
import re
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from assistant.runtime import KnowledgeRuntime
from ingest.pipeline import Ingestor
from knowledge.pack_schema import bundled_pack_dir
from knowledge.settings import Settings
from knowledge.store import IndexStore

ACCEPTED_SUFFIXES = (".pdf", ".docx", ".json", ".jsonl", ".jsonl.gz", ".json.gz")
_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


class IngestRequestError(ValueError):
    pass


@dataclass
class IngestJob:
    id: str
    kind: str
    status: str = "queued"
    stage: str = ""
    done: int = 0
    total: int | None = None
    summary: dict[str, Any] | None = None
    error: str | None = None
    failures: list[str] = field(default_factory=list)
    started_at: float = field(default_factory=time.time)


class _JobProgress:
    """The ingest pipeline's progress callbacks, written to the job file at most twice a second."""

    def __init__(self, jobs: IngestJobs, job: IngestJob) -> None:
        self.jobs, self.job, self._last = jobs, job, 0.0

    def stage(self, name: str) -> None:
        self.job.stage, self.job.done, self.job.total = name, 0, None
        self.jobs.save(self.job)

    def advance(self, unit: str, done: int, total: int | None) -> None:
        self.job.done, self.job.total = done, total
        if time.monotonic() - self._last > 0.5 or done == total:
            self._last = time.monotonic()
            self.jobs.save(self.job)

    def failed(self, source: str, reason: str) -> None:
        self.job.failures.append(f"{Path(source).name}: {reason}"[:300])


class IngestJobs:
    def __init__(self, settings: Settings, runtime: KnowledgeRuntime) -> None:
        self.settings, self.runtime = settings, runtime
        self.sources_dir = settings.data_dir / "sources"
        self.jobs_dir = settings.data_dir / "jobs"
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ingest")
        self._lock = threading.Lock()

    def upload(self, files: list[tuple[str, bytes]]) -> IngestJob:
        """Keep the uploaded guides and index them (added to what the index already holds)."""
        if not files:
            raise IngestRequestError("send one or more files")
        self.sources_dir.mkdir(parents=True, exist_ok=True)
        paths = []
        for name, data in files:
            safe = _SAFE.sub("-", Path(name).name).strip("-.") or "source"
            if not safe.lower().endswith(ACCEPTED_SUFFIXES):
                raise IngestRequestError(f"{safe}: send PDF or DOCX guides, or portal exports (.json, .jsonl, .gz)")
            path = self.sources_dir / safe
            path.write_bytes(data)
            paths.append(path)
        return self._submit("upload", paths, force=False)

    def reindex(self) -> IngestJob:
        """Read every source again: the bundled pack, the uploaded guides, and the sources the index came from."""
        paths = [bundled_pack_dir()]
        if self.sources_dir.exists():
            paths += sorted(p for p in self.sources_dir.iterdir() if p.is_file())
        manifest = IndexStore(self.settings.index_root).manifest()
        for source in (manifest.sources if manifest else {}):
            candidate = Path(source)
            if candidate.exists() and candidate not in paths and not candidate.is_relative_to(bundled_pack_dir()):
                paths.append(candidate)
        return self._submit("reindex", paths, force=True)

    def get(self, job_id: str) -> IngestJob | None:
        if not re.fullmatch(r"[0-9a-f]{32}", job_id):
            return None
        path = self.jobs_dir / f"{job_id}.json"
        return IngestJob(**json.loads(path.read_text("utf-8"))) if path.exists() else None

    def save(self, job: IngestJob) -> None:
        self.jobs_dir.mkdir(parents=True, exist_ok=True)
        temporary = self.jobs_dir / f"{job.id}.tmp"
        temporary.write_text(json.dumps(asdict(job)), "utf-8")
        temporary.replace(self.jobs_dir / f"{job.id}.json")

    def _submit(self, kind: str, paths: list[Path], force: bool) -> IngestJob:
        job = IngestJob(id=uuid.uuid4().hex, kind=kind)
        self.save(job)
        self._pool.submit(self._run, job, paths, force)
        return job

    def _run(self, job: IngestJob, paths: list[Path], force: bool) -> None:
        job.status = "running"
        self.save(job)
        try:
            ingestor = Ingestor(IndexStore(self.settings.index_root), self.runtime.embedder, _JobProgress(self, job))
            summary = ingestor.run(paths, force=force)
            job.summary = {k: v for k, v in asdict(summary).items() if k not in ("published", "failures")}
            job.status = "done"
        except Exception as exc:  # a failed job is reported on the page; the index keeps its previous version
            message = str(exc).replace(str(self.settings.data_dir.resolve()), "<data dir>")
            job.status, job.error = "failed", message[:500]
        self.save(job)
