"""Persistence: SQLModel tables, engine and sessions, queries, and the search index."""
