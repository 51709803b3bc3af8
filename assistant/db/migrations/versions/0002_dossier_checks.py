"""Aggregates of dossier checks (no content), and indexes for the statistics and for retention by date.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if "dossier_checks" not in sa.inspect(bind).get_table_names():  # made directly by an earlier version
        op.create_table(
            "dossier_checks",
            sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("created_at", sa.DateTime(timezone=True)),
            sa.Column("channel", sa.String(16), nullable=False),
            sa.Column("procedure_code", sa.String(64), nullable=False),
            sa.Column("verdict", sa.String(16), nullable=False),
            sa.Column("complete", sa.Boolean, nullable=False),
            sa.Column("components", sa.Integer, nullable=False),
            sa.Column("present", sa.Integer, nullable=False),
            sa.Column("missing", sa.Integer, nullable=False),
            sa.Column("uncertain", sa.Integer, nullable=False),
            sa.Column("warnings", sa.Integer, nullable=False),
            sa.Column("files", sa.Integer, nullable=False),
            sa.Column("pages", sa.Integer, nullable=False),
            sa.Column("ocr_pages", sa.Integer, nullable=False),
            sa.Column("duration_ms", sa.Integer, nullable=False),
        )
        op.create_index("ix_dossier_checks_created_at", "dossier_checks", ["created_at"])
        op.create_index("ix_dossier_checks_procedure_code", "dossier_checks", ["procedure_code"])
    op.create_index("ix_chat_sessions_created_at", "chat_sessions", ["created_at"])
    op.create_index("ix_feedback_created_at", "feedback", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_feedback_created_at", "feedback")
    op.drop_index("ix_chat_sessions_created_at", "chat_sessions")
    op.drop_table("dossier_checks")
