"""Who may do what: staff and admin accounts (Argon2 passwords, lockout), API keys stored as hashes, signed-in page
sessions with CSRF tokens, and the audit log of administrative actions.

``Principal`` is what every request is resolved to; ``Principal.asker`` decides how a question is counted."""

from assistant.access.roles import ANONYMOUS, ROLES, Principal, role_at_least

__all__ = ["ANONYMOUS", "ROLES", "Principal", "role_at_least"]
