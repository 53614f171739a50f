"""Search index over stored passages (placeholder until the answering work lands)."""

from sqlalchemy import Engine


def install_search_index(engine: Engine) -> None:
    """Create the search index structures for this engine's dialect (idempotent)."""
