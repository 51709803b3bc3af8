"""Who is calling, and may they: credentials → ``Principal``, role requirements (401/403), rate limits (429).

- ``Authorization: Bearer <key>``: an API key; a wrong or revoked key is a 401, never a silent downgrade.
- The ``motcua_session`` cookie: a signed-in page session; writes must carry ``X-CSRF-Token``.
- Nothing: an anonymous citizen (kiosk, public web), limited per client address."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, HTTPException, Request

from api.deps import get_access, get_rate_limiter
from assistant.access import ANONYMOUS, Principal, role_at_least
from assistant.access.services import Access
from assistant.access.web_sessions import csrf_matches

SESSION_COOKIE = "motcua_session"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_BEARER_CHALLENGE = {"WWW-Authenticate": "Bearer"}


def resolve_principal(request: Request) -> Principal:
    """The caller's principal (computed once per request)."""
    cached = getattr(request.state, "principal", None)
    if isinstance(cached, Principal):
        return cached
    principal = _from_credentials(request, get_access(request))
    request.state.principal = principal
    return principal


def _from_credentials(request: Request, access: Access) -> Principal:
    authorization = request.headers.get("authorization")
    if authorization:
        scheme, _, secret = authorization.partition(" ")
        if scheme.lower() != "bearer" or not secret.strip():
            raise HTTPException(401, "Authorization must be 'Bearer <API key>'", headers=_BEARER_CHALLENGE)
        principal = access.keys.resolve(secret.strip())
        if principal is None:
            raise HTTPException(401, "unknown or revoked API key", headers=_BEARER_CHALLENGE)
        return principal
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        return ANONYMOUS
    principal = access.sessions.resolve(token)
    if principal is None:
        return ANONYMOUS  # an expired session browses as the public; staff endpoints then answer 401
    if request.method not in SAFE_METHODS and not csrf_matches(principal, request.headers.get(CSRF_HEADER)):
        raise HTTPException(403, f"signed-in writes need the {CSRF_HEADER} header of the session")
    return principal


PrincipalDep = Annotated[Principal, Depends(resolve_principal)]


def require_role(needed: str) -> Callable[[Principal], Principal]:
    """A dependency admitting ``needed`` or a higher role: 401 without credentials, 403 with too few rights."""

    def check(principal: PrincipalDep) -> Principal:
        if principal.role == "public":
            raise HTTPException(401, "sign in or send an API key", headers=_BEARER_CHALLENGE)
        if not role_at_least(principal.role, needed):
            raise HTTPException(403, f"this needs the {needed} role")
        return principal

    return check


StaffDep = Annotated[Principal, Depends(require_role("staff"))]
AdminDep = Annotated[Principal, Depends(require_role("admin"))]


def enforce_limit(request: Request, limit: str, identity: str) -> None:
    retry_after = get_rate_limiter(request).hit(limit, identity)
    if retry_after is not None:
        raise HTTPException(429, f"too many requests; try again in {retry_after} s",
                            headers={"Retry-After": str(retry_after)})


def rate_limited(request: Request, principal: PrincipalDep) -> None:
    """The general limit: per key or signed-in user, otherwise per client address."""
    if principal.rate_key is not None:
        enforce_limit(request, "key", principal.rate_key)
    else:
        enforce_limit(request, "public", get_rate_limiter(request).client_address(request))


def dossier_rate_limited(request: Request, principal: PrincipalDep) -> None:
    """Anonymous dossier checks (OCR is costly) have a tighter limit of their own."""
    if principal.rate_key is None:
        enforce_limit(request, "dossier", get_rate_limiter(request).client_address(request))


def login_rate_limited(request: Request) -> None:
    enforce_limit(request, "login", get_rate_limiter(request).client_address(request))


RateLimited = Depends(rate_limited)
DossierRateLimited = Depends(dossier_rate_limited)
LoginRateLimited = Depends(login_rate_limited)
