"""Reading an answer aloud on the server, for kiosks whose browser has no voice for the language (kiosk Chromium
has none offline). Debian's espeak-ng speaks Vietnamese, English, Arabic, Mandarin and Korean; the audio is WAV.
Recent renderings are kept in memory: the same answer is often read twice."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import threading
from collections import OrderedDict

VOICES = {"vi": "vi", "en": "en", "ar": "ar", "zh": "cmn", "ko": "ko", "fr": "fr"}
MAX_CHARACTERS = 3000


class SpeechUnavailable(RuntimeError):
    """espeak-ng is not installed, or failed."""


class Speaker:
    def __init__(self, command: str = "espeak-ng", cache_size: int = 64, timeout_s: float = 20) -> None:
        self.command = command
        self.timeout_s = timeout_s
        self._cache: OrderedDict[str, bytes] = OrderedDict()
        self._size = cache_size
        self._lock = threading.Lock()

    def available(self) -> bool:
        return shutil.which(self.command) is not None

    def speak(self, text: str, language: str) -> bytes:
        """WAV audio of ``text`` in ``language`` (vi, en, ar, zh, ko; others are read with the Vietnamese voice)."""
        voice = VOICES.get(language, "vi")
        key = hashlib.sha256(f"{voice}\n{text}".encode()).hexdigest()
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        audio = self._render(text, voice)
        with self._lock:
            self._cache[key] = audio
            while len(self._cache) > self._size:
                self._cache.popitem(last=False)
        return audio

    def _render(self, text: str, voice: str) -> bytes:
        if not self.available():
            raise SpeechUnavailable("espeak-ng is not installed on the server")
        try:
            done = subprocess.run([self.command, "-v", voice, "-s", "150", "--stdout", "--stdin"],
                                  input=text.encode("utf-8"), capture_output=True, timeout=self.timeout_s, check=True)
        except (subprocess.SubprocessError, OSError) as exc:
            raise SpeechUnavailable(f"speech failed ({type(exc).__name__})") from exc
        return done.stdout
