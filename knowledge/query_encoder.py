"""One short question through a mean-pooling transformer, in the fastest precision that gives the same vector.

A kiosk question is a dozen tokens: sentence-transformers' ``encode`` spends milliseconds on batching machinery, so
the question goes straight through the tokenizer and the transformer. On CPUs with bfloat16 instructions (AVX-512
BF16, AMX) a bfloat16 copy of the weights answers in about two thirds of the time with a vector whose cosine to the
float32 one is above 0.9999 (``bench/profile_chat.py``); elsewhere bfloat16 is slower. ``precision="auto"`` measures
both on a few probe questions when first used and keeps bfloat16 only when it agrees and is clearly faster. Document
vectors are always float32: only the question's side changes.

The chosen weights then run as one TorchScript graph when that gives the same vectors (cosine above 0.9999 on the
probes) no slower: the Python of the transformer's dozens of nested modules costs about a third of a MiniLM
question here (the log line at first use gives both times). TorchScript is deprecated upstream; where tracing fails
or a later PyTorch drops it, the question goes through the module as before.
"""

from __future__ import annotations

import copy
import logging
import threading
import time
import warnings
from typing import Any, Literal

import numpy as np

log = logging.getLogger(__name__)

Precision = Literal["auto", "float32", "bfloat16"]

#: Probe questions timed when choosing the precision (a mix of lengths and scripts).
_PROBES = (
    "đăng ký khai sinh cho con cần giấy tờ gì",
    "How much does a passport cost and how long does it take?",
    "gia hạn tạm trú cho người nước ngoài ở đâu",
    "办理护照需要什么材料",
)
#: bfloat16 is kept only when its vectors agree this closely with float32 ones ...
MIN_AGREEMENT = 0.999
#: ... and it takes at most this share of the float32 time.
MAX_TIME_SHARE = 0.85
#: A traced graph is kept only when its vectors agree this closely with the module's own (same weights).
TRACE_AGREEMENT = 0.9999
#: A probe longer than the rest, so that a graph traced on one length is checked on another.
_LONG_PROBE = ("Tôi là người nước ngoài đang làm việc tại Hà Nội, muốn đăng ký kết hôn với công dân Việt Nam thì "
               "cần chuẩn bị những giấy tờ gì, nộp ở đâu, lệ phí bao nhiêu và mất bao lâu?")


def l2_normalise(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length, as float32 (zero rows stay zero)."""
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vectors / norms


class QueryEncoder:
    """Embeds one question with a tokenizer and a transformer whose output is mean-pooled (MiniLM, E5, BGE-m3...)."""

    def __init__(self, tokenizer: Any, transformer: Any, max_length: int, precision: Precision = "auto") -> None:
        self.tokenizer = tokenizer
        self.transformer = transformer
        self.max_length = max_length
        self.requested = precision
        self._chosen: Any = None
        self.precision: str | None = None
        #: Whether the chosen weights run as a traced graph (``None`` until first use).
        self.traced: bool | None = None
        self._inputs: tuple[str, ...] = ()
        self._lock = threading.Lock()

    def encode(self, text: str) -> np.ndarray:
        """The L2-normalised vector of ``text``."""
        return self._run(self._model(), text)

    def _run(self, model: Any, text: str) -> np.ndarray:
        import torch

        features = self.tokenizer([text], return_tensors="pt", truncation=True, max_length=self.max_length)
        with torch.inference_mode():
            if isinstance(model, torch.jit.ScriptModule):
                hidden = model(*(features[name] for name in self._inputs)).float()
            else:
                hidden = model(**features).last_hidden_state.float()
            mask = features["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        return l2_normalise(pooled.numpy())[0]

    def _model(self) -> Any:
        with self._lock:
            if self._chosen is None:
                chosen, self.precision = self._choose()
                self._chosen = self._graph_of(chosen) if _device_of(chosen) == "cpu" else chosen
                self.traced = self._chosen is not chosen
        return self._chosen

    def _graph_of(self, model: Any) -> Any:
        """``model`` traced into one graph when that gives the same vectors no slower; otherwise ``model``."""
        try:
            graph = self._trace(model)
            module_ms, own = self._timed(model)
            graph_ms, traced = self._timed(graph)
        except Exception as error:  # any failure to trace leaves the module as it is
            log.info("query encoder: not traced (%s: %s)", type(error).__name__, error)
            return model
        agreement = float(min((own * traced).sum(axis=1)))
        keep = agreement >= TRACE_AGREEMENT and graph_ms <= module_ms
        log.info("query encoder: module %.1f ms, traced %.1f ms, agreement %.6f -> %s",
                 module_ms, graph_ms, agreement, "traced" if keep else "module")
        return graph if keep else model

    def _trace(self, model: Any) -> Any:
        import torch

        example = self.tokenizer([_LONG_PROBE], return_tensors="pt", truncation=True, max_length=self.max_length)
        self._inputs = tuple(example.keys())
        # deprecation and "might not generalize" notes (the probes check it), and transformers' note on a loss
        # function that freezing reads off the model
        quiet = logging.getLogger("transformers.modeling_utils")
        level = quiet.level
        quiet.setLevel(logging.ERROR)
        try:
            with warnings.catch_warnings(), torch.inference_mode():
                warnings.simplefilter("ignore")
                traced = torch.jit.trace(_last_hidden_state(model, self._inputs).eval(),
                                         tuple(example[name] for name in self._inputs), strict=False)
                return torch.jit.freeze(traced)
        finally:
            quiet.setLevel(level)

    def _choose(self) -> tuple[Any, str]:
        if self.requested == "float32" or _device_of(self.transformer) != "cpu":
            return self.transformer, "float32"
        import torch

        reduced = copy.deepcopy(self.transformer).to(torch.bfloat16)
        if self.requested == "bfloat16":
            return reduced, "bfloat16"
        full_ms, full = self._timed(self.transformer)
        reduced_ms, short = self._timed(reduced)
        agreement = float(min((full * short).sum(axis=1)))
        keep = agreement >= MIN_AGREEMENT and reduced_ms <= MAX_TIME_SHARE * full_ms
        log.info("query encoder: float32 %.1f ms, bfloat16 %.1f ms, agreement %.5f -> %s",
                 full_ms, reduced_ms, agreement, "bfloat16" if keep else "float32")
        return (reduced, "bfloat16") if keep else (self.transformer, "float32")

    def _timed(self, model: Any, rounds: int = 3) -> tuple[float, np.ndarray]:
        """Milliseconds per probe (best of ``rounds`` after a warm-up) and the probes' vectors."""
        vectors = np.stack([self._run(model, probe) for probe in (*_PROBES, _LONG_PROBE)])
        best = float("inf")
        for _ in range(rounds):
            start = time.perf_counter()
            for probe in _PROBES:
                self._run(model, probe)
            best = min(best, (time.perf_counter() - start) * 1000 / len(_PROBES))
        return best, vectors


def _device_of(model: Any) -> str:
    try:
        return str(next(model.parameters()).device.type)
    except (StopIteration, AttributeError):
        return "cpu"


def _last_hidden_state(model: Any, names: tuple[str, ...]) -> Any:
    import torch

    class LastHiddenState(torch.nn.Module):
        """The transformer taking its inputs by position and returning only the last hidden state (traceable)."""

        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, *tensors: Any) -> Any:
            return self.model(**dict(zip(names, tensors, strict=True))).last_hidden_state

    return LastHiddenState()
