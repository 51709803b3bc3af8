"""The product database: SQLAlchemy models (``models.py``), engines tuned per backend (``engine.py``) and Alembic
migrations (``migrations/``, applied by ``migrate.upgrade``; ``motcua db upgrade``)."""
