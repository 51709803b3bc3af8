"""Signing in to the pages: a session cookie (HttpOnly) and a CSRF token (readable cookie, sent back as a header)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from api.deps import AccessDep, SettingsDep
from api.metrics import LOGINS
from api.security import CSRF_HEADER, SESSION_COOKIE, LoginRateLimited, PrincipalDep

router = APIRouter(prefix="/api/v1/auth", tags=["auth"])
CSRF_COOKIE = "motcua_csrf"


class LoginRequest(BaseModel):
    name: str = Field(max_length=64, examples=["lan.nguyen"])
    password: str = Field(max_length=1024)


class Me(BaseModel):
    role: str = Field(description="public, staff or admin")
    name: str | None = None
    via: str = Field(description="anonymous, key or session")
    csrf_token: str | None = Field(default=None, description=f"Send it back in {CSRF_HEADER} on writes.")


@router.post("/login", response_model=Me, dependencies=[LoginRateLimited], summary="Sign in (staff, admin)")
async def login(body: LoginRequest, response: Response, access: AccessDep, settings: SettingsDep) -> Me:
    """Starts a page session. After the configured number of failures in a row the account locks for a while; the
    answer to a failure never says whether the name exists."""
    principal = await run_in_threadpool(access.users.authenticate, body.name, body.password)
    if principal is None:
        LOGINS.labels(result="refused").inc()
        raise HTTPException(401, f"wrong name or password (after {settings.login_max_failures} failures in a row an "
                                 f"account locks for {settings.login_lock_minutes} minutes)")
    LOGINS.labels(result="ok").inc()
    started = await run_in_threadpool(access.sessions.start, body.name)
    max_age = int(settings.session_hours * 3600)
    response.set_cookie(SESSION_COOKIE, started.token, max_age=max_age, httponly=True, samesite="strict",
                        secure=settings.cookie_secure, path="/")
    response.set_cookie(CSRF_COOKIE, started.csrf_token, max_age=max_age, httponly=False, samesite="strict",
                        secure=settings.cookie_secure, path="/")
    return Me(role=principal.role, name=principal.name, via="session", csrf_token=started.csrf_token)


@router.post("/logout", status_code=204, summary="Sign out")
def logout(request: Request, access: AccessDep, principal: PrincipalDep) -> Response:
    """Ends the page session (a signed-in write: it needs the CSRF header) and clears both cookies."""
    token = request.cookies.get(SESSION_COOKIE)
    if token and principal.via == "session":
        access.sessions.end(token)
    response = Response(status_code=204)
    response.delete_cookie(SESSION_COOKIE, path="/")
    response.delete_cookie(CSRF_COOKIE, path="/")
    return response


@router.get("/me", response_model=Me, summary="Who the caller is")
def me(principal: PrincipalDep) -> Me:
    return Me(role=principal.role, name=principal.name, via=principal.via)
