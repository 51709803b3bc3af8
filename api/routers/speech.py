"""Answers read aloud (WAV from espeak-ng) for kiosks without a browser voice for the language."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel, Field

from api.deps import SpeakerDep
from assistant.speech import MAX_CHARACTERS, SpeechUnavailable

router = APIRouter(prefix="/api/v1", tags=["speech"])


class SpeechRequest(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_CHARACTERS)
    language: str = Field(default="vi", max_length=8)


@router.post("/speech", summary="An answer as speech (audio/wav)", response_class=Response,
             responses={200: {"content": {"audio/wav": {}}}, 503: {"description": "no speech engine installed"}})
async def speech(body: SpeechRequest, speaker: SpeakerDep) -> Response:
    try:
        audio = await run_in_threadpool(speaker.speak, body.text, body.language)
    except SpeechUnavailable as exc:
        raise HTTPException(503, str(exc)) from exc
    return Response(audio, media_type="audio/wav", headers={"Cache-Control": "private, max-age=3600"})
