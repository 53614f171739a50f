"""Full-text index over every stored passage: SQLite FTS5 or PostgreSQL GIN, kept by triggers.

The index holds the lower-cased words of each passage exactly as stored (no stemming in the
database), plus a vocabulary with document counts; answering expands a question's words
into stored words (other forms, typos) through that vocabulary. See docs/answering.md.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import Engine, text
from sqlmodel import Session

_SQLITE_SETUP = (
    """CREATE VIRTUAL TABLE IF NOT EXISTS passage_fts USING fts5(
        text, content='passage', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0', detail=none)""",
    "CREATE VIRTUAL TABLE IF NOT EXISTS passage_fts_vocab USING fts5vocab(passage_fts, row)",
    """CREATE TRIGGER IF NOT EXISTS passage_fts_insert AFTER INSERT ON passage BEGIN
        INSERT INTO passage_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    """CREATE TRIGGER IF NOT EXISTS passage_fts_delete AFTER DELETE ON passage BEGIN
        INSERT INTO passage_fts(passage_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END""",
    """CREATE TRIGGER IF NOT EXISTS passage_fts_update AFTER UPDATE OF text ON passage BEGIN
        INSERT INTO passage_fts(passage_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO passage_fts(rowid, text) VALUES (new.id, new.text);
    END""",
)

# Words are runs of letters and digits, the same split as SQLite's unicode61 tokenizer.
_POSTGRES_SETUP = (
    # A high cost steers the planner to the GIN index rather than tokenising every row.
    """CREATE OR REPLACE FUNCTION ringkas_search_vector(body text) RETURNS tsvector
        LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 5000 AS $$
        SELECT to_tsvector('simple'::regconfig,
                           regexp_replace(lower(body), '[^[:alnum:]]+', ' ', 'g'))
    $$""",
    """CREATE INDEX IF NOT EXISTS passage_search_idx ON passage
        USING gin (ringkas_search_vector(text))""",
    """CREATE TABLE IF NOT EXISTS search_vocabulary (
        term text COLLATE "C" PRIMARY KEY,
        documents integer NOT NULL)""",
    """CREATE OR REPLACE FUNCTION ringkas_vocabulary_add() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO search_vocabulary AS v (term, documents)
            SELECT lexeme, count(*) FROM new_passages,
                   unnest(ringkas_search_vector(new_passages.text)) AS u(lexeme)
            GROUP BY lexeme ORDER BY lexeme
            ON CONFLICT (term) DO UPDATE SET documents = v.documents + EXCLUDED.documents;
            RETURN NULL;
        END $$""",
    """CREATE OR REPLACE FUNCTION ringkas_vocabulary_remove() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE search_vocabulary AS v SET documents = v.documents - gone.documents
            FROM (SELECT lexeme, count(*) AS documents FROM old_passages,
                         unnest(ringkas_search_vector(old_passages.text)) AS u(lexeme)
                  GROUP BY lexeme ORDER BY lexeme) AS gone
            WHERE v.term = gone.lexeme;
            DELETE FROM search_vocabulary WHERE documents <= 0;
            RETURN NULL;
        END $$""",
    "DROP TRIGGER IF EXISTS passage_vocabulary_insert ON passage",
    """CREATE TRIGGER passage_vocabulary_insert AFTER INSERT ON passage
        REFERENCING NEW TABLE AS new_passages
        FOR EACH STATEMENT EXECUTE FUNCTION ringkas_vocabulary_add()""",
    "DROP TRIGGER IF EXISTS passage_vocabulary_delete ON passage",
    """CREATE TRIGGER passage_vocabulary_delete AFTER DELETE ON passage
        REFERENCING OLD TABLE AS old_passages
        FOR EACH STATEMENT EXECUTE FUNCTION ringkas_vocabulary_remove()""",
    "DROP TRIGGER IF EXISTS passage_vocabulary_update ON passage",
    """CREATE OR REPLACE FUNCTION ringkas_vocabulary_update() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO search_vocabulary AS v (term, documents)
            SELECT lexeme, 0 FROM new_passages,
                   unnest(ringkas_search_vector(new_passages.text)) AS u(lexeme)
            GROUP BY lexeme ORDER BY lexeme ON CONFLICT (term) DO NOTHING;
            UPDATE search_vocabulary AS v SET documents = v.documents + delta.documents
            FROM (SELECT lexeme, sum(change) AS documents FROM (
                    SELECT lexeme, 1 AS change FROM new_passages,
                           unnest(ringkas_search_vector(new_passages.text)) AS u(lexeme)
                    UNION ALL
                    SELECT lexeme, -1 FROM old_passages,
                           unnest(ringkas_search_vector(old_passages.text)) AS u(lexeme)
                  ) AS changes GROUP BY lexeme ORDER BY lexeme) AS delta
            WHERE v.term = delta.lexeme;
            DELETE FROM search_vocabulary WHERE documents <= 0;
            RETURN NULL;
        END $$""",
    """CREATE TRIGGER passage_vocabulary_update AFTER UPDATE ON passage
        REFERENCING OLD TABLE AS old_passages NEW TABLE AS new_passages
        FOR EACH STATEMENT EXECUTE FUNCTION ringkas_vocabulary_update()""",
)

_HIT_COLUMNS = (
    "p.id, p.text, p.kind, p.article_id, a.headline, a.published "
    "FROM passage AS p LEFT JOIN article AS a ON a.id = p.article_id"
)
_SQLITE_FREQUENCIES = text(
    "SELECT term, doc FROM passage_fts_vocab WHERE term IN (SELECT value FROM json_each(:terms))"
)
_PG_FREQUENCIES = text("SELECT term, documents FROM search_vocabulary WHERE term = ANY(:terms)")
_SQLITE_PREFIX = text(
    "SELECT term, doc FROM passage_fts_vocab WHERE term >= :low AND term < :high LIMIT :limit"
)
_PG_PREFIX = text(
    "SELECT term, documents FROM search_vocabulary WHERE term >= :low AND term < :high LIMIT :limit"
)
_SOURCE = text(
    "SELECT p.text, p.kind, a.id, a.headline, a.published, l.headline, l.published, l.article_id "
    "FROM passage AS p LEFT JOIN article AS a ON a.id = p.article_id "
    "LEFT JOIN listed_headline AS l ON l.id = p.listed_headline_id WHERE p.id = :passage"
)
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class PassageHit:
    """One stored headline or sentence found by the index."""

    passage_id: int
    text: str
    kind: str  # sentence | headline
    article_id: int | None
    headline: str | None = None  # the source article's headline (or the listed headline)
    published: str | None = None  # ISO date of the article, or of the list entry


def install_search_index(engine: Engine) -> None:
    """Create the index, its vocabulary and triggers for this engine's dialect (idempotent)."""
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            for statement in _POSTGRES_SETUP:
                connection.execute(text(statement))
            populated = connection.execute(text("SELECT count(*) FROM search_vocabulary"))
            if populated.scalar_one() == 0:
                connection.execute(text(_POSTGRES_REBUILD_VOCABULARY))
        return
    with engine.begin() as connection:
        existed = connection.execute(
            text("SELECT 1 FROM sqlite_master WHERE name = 'passage_fts'")
        ).first()
        for statement in _SQLITE_SETUP:
            connection.execute(text(statement))
        if existed is None:
            connection.execute(text("INSERT INTO passage_fts(passage_fts) VALUES ('rebuild')"))


_POSTGRES_REBUILD_VOCABULARY = """
    INSERT INTO search_vocabulary (term, documents)
    SELECT lexeme, count(*) FROM passage, unnest(ringkas_search_vector(passage.text)) AS u(lexeme)
    GROUP BY lexeme
"""


def index_words(body: str) -> list[str]:
    """Return the words of body as the index stores them (lower-cased letter/digit runs)."""
    return [word.lower() for word in _WORD.findall(body)]


class SearchIndex:
    """The stored passages' search index, read through one session (a PassageIndex)."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._postgres = session.get_bind().dialect.name == "postgresql"
        self._passage_count: int | None = None

    def passage_count(self) -> int:
        """Return the highest passage id: the passage count, up to deleted rows."""
        if self._passage_count is None:
            found = self._session.execute(text("SELECT max(id) FROM passage")).scalar()
            self._passage_count = int(found or 0)
        return self._passage_count

    def document_frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        """Return how many passages hold each term, for the terms the vocabulary has."""
        wanted = sorted(set(terms))
        if not wanted:
            return {}
        if self._postgres:
            statement = _PG_FREQUENCIES
            parameters: dict[str, object] = {"terms": wanted}
        else:
            statement = _SQLITE_FREQUENCIES
            parameters = {"terms": json.dumps(wanted)}
        rows = self._session.execute(statement, parameters)
        return {str(term): int(documents) for term, documents in rows}

    def vocabulary_with_prefix(self, prefix: str, limit: int) -> list[tuple[str, int]]:
        """Return (term, passages) for vocabulary terms that start with prefix."""
        rows = self._session.execute(
            _PG_PREFIX if self._postgres else _SQLITE_PREFIX,
            {"low": prefix, "high": prefix + "\uffff", "limit": limit},
        )
        return [(str(term), int(documents)) for term, documents in rows]

    def candidates(
        self, groups: Sequence[Sequence[str]], *, minimum_match: int, limit: int
    ) -> list[PassageHit]:
        """Return passages holding a term of at least minimum_match of the groups."""
        groups = [group for group in groups if group]
        if not groups or minimum_match < 1:
            return []
        combinations = list(
            itertools.combinations(range(len(groups)), min(minimum_match, len(groups)))
        )
        if self._postgres:
            query = " | ".join(
                "(" + " & ".join(_pg_group(groups[i]) for i in combo) + ")"
                for combo in combinations
            )
            statement = (
                f"SELECT {_HIT_COLUMNS} WHERE p.id IN (SELECT id FROM passage WHERE "
                "ringkas_search_vector(text) @@ to_tsquery('simple', :query) LIMIT :limit)"
            )
        else:
            query = " OR ".join(
                "(" + " AND ".join(_fts_group(groups[i]) for i in combo) + ")"
                for combo in combinations
            )
            statement = (
                f"SELECT {_HIT_COLUMNS} WHERE p.id IN "
                "(SELECT rowid FROM passage_fts WHERE passage_fts MATCH :query LIMIT :limit)"
            )
        if self._postgres:
            # With a LIMIT the planner may prefer scanning rows and tokenising each one (the
            # index is on an expression); the GIN index is always the faster path here.
            self._session.execute(text("SET LOCAL enable_seqscan = off"))
        rows = self._session.execute(text(statement), {"query": query, "limit": limit})
        return [_hit(row) for row in rows]

    def article_passages(self, article_id: int, limit: int) -> list[PassageHit]:
        """Return the headline and sentences of one stored article."""
        rows = self._session.execute(
            text(
                f"SELECT {_HIT_COLUMNS} WHERE p.article_id = :article "
                "ORDER BY p.position LIMIT :limit"
            ),
            {"article": article_id, "limit": limit},
        )
        return [_hit(row) for row in rows]

    def source(self, passage_id: int) -> PassageHit | None:
        """Return one passage with its source headline, date and article filled in."""
        row = self._session.execute(_SOURCE, {"passage": passage_id}).first()
        if row is None:
            return None
        body, kind, article_id, headline, published, listed, listed_published, listed_article = row
        hit = PassageHit(passage_id=passage_id, text=str(body), kind=str(kind), article_id=None)
        if article_id is not None:
            return replace(hit, article_id=int(article_id), headline=headline, published=published)
        return replace(
            hit, article_id=listed_article, headline=listed or hit.text, published=listed_published
        )


def _fts_group(terms: Sequence[str]) -> str:
    quoted = [f'"{term}"' for term in terms]
    return quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")"


def _pg_group(terms: Sequence[str]) -> str:
    quoted = [f"'{term}'" for term in terms]
    return quoted[0] if len(quoted) == 1 else "(" + " | ".join(quoted) + ")"


def _hit(row: Sequence[object]) -> PassageHit:
    passage_id, body, kind, article_id, headline, published = row
    return PassageHit(
        passage_id=int(str(passage_id)),
        text=str(body),
        kind=str(kind),
        article_id=None if article_id is None else int(str(article_id)),
        headline=None if headline is None else str(headline),
        published=None if published is None else str(published),
    )


def search_passages(*, session: Session, query: str, limit: int) -> list[PassageHit]:
    """Return headlines and sentences holding every word of query (else any), newest first."""
    index = SearchIndex(session)
    known = index.document_frequencies(index_words(query))
    if not known:
        return []
    groups = [[term] for term in sorted(known, key=known.__getitem__)]
    hits = index.candidates(groups, minimum_match=len(groups), limit=limit)
    if not hits:
        hits = index.candidates(groups, minimum_match=1, limit=limit)
    ordered = sorted(hits, key=lambda hit: (hit.kind != "headline", -hit.passage_id))
    return [found for hit in ordered if (found := index.source(hit.passage_id)) is not None]
