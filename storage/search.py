"""Full-text index over every stored passage: SQLite FTS5 or PostgreSQL GIN, kept by triggers.

The database index holds the lower-cased words of each passage exactly as stored (no
stemming in the database) and is the one every worker reads. Each process also keeps a
`VocabularyCache` per engine: term → passage count plus a spelling structure, derived from
that index and kept in step cheaply (new passages are read by id, deletions trigger a full
reload). Answering expands a question's words into stored words (other forms, typos)
through that cache. See docs/answering.md.
"""

from __future__ import annotations

import bisect
import itertools
import re
import threading
import time
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import ClassVar

from rapidfuzz import process
from rapidfuzz.distance import OSA
from sqlalchemy import Connection, Engine, bindparam, text
from sqlmodel import Session

# Deleted or rewritten passages leave their old text in search_removed (the newest
# REMOVAL_LOG_ROWS rows are kept): each process's vocabulary cache reads what was removed
# since its last look and takes those words off its counts. Additions are read by id.
REMOVAL_LOG_ROWS = 50_000

_SQLITE_SETUP = (
    """CREATE VIRTUAL TABLE IF NOT EXISTS passage_fts USING fts5(
        text, content='passage', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0', detail=none)""",
    "CREATE VIRTUAL TABLE IF NOT EXISTS passage_fts_vocab USING fts5vocab(passage_fts, row)",
    """CREATE TABLE IF NOT EXISTS search_removed (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, passage_id INTEGER NOT NULL, text TEXT NOT NULL)""",
    "DROP TABLE IF EXISTS search_state",
    "DROP TRIGGER IF EXISTS passage_fts_insert",
    """CREATE TRIGGER passage_fts_insert AFTER INSERT ON passage BEGIN
        INSERT INTO passage_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    "DROP TRIGGER IF EXISTS passage_fts_delete",
    f"""CREATE TRIGGER passage_fts_delete AFTER DELETE ON passage BEGIN
        INSERT INTO passage_fts(passage_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO search_removed(passage_id, text) VALUES (old.id, old.text);
        DELETE FROM search_removed WHERE seq <= last_insert_rowid() - {REMOVAL_LOG_ROWS};
    END""",
    "DROP TRIGGER IF EXISTS passage_fts_update",
    f"""CREATE TRIGGER passage_fts_update AFTER UPDATE OF text ON passage BEGIN
        INSERT INTO passage_fts(passage_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO passage_fts(rowid, text) VALUES (new.id, new.text);
        INSERT INTO search_removed(passage_id, text) VALUES (old.id, old.text);
        DELETE FROM search_removed WHERE seq <= last_insert_rowid() - {REMOVAL_LOG_ROWS};
    END""",
)

# Words are runs of letters and digits, the same split as SQLite's unicode61 tokenizer. The
# tsvector is a stored generated column: GIN rechecks read it instead of re-tokenising, and
# inserts pay for tokenising once (no vocabulary table to keep: the caches derive it).
_POSTGRES_SETUP = (
    # The first design: an expression index and a trigger-kept vocabulary table (dropped).
    "DROP TRIGGER IF EXISTS passage_vocabulary_insert ON passage",
    "DROP TRIGGER IF EXISTS passage_vocabulary_delete ON passage",
    "DROP TRIGGER IF EXISTS passage_vocabulary_update ON passage",
    "DROP FUNCTION IF EXISTS ringkas_vocabulary_add()",
    "DROP FUNCTION IF EXISTS ringkas_vocabulary_remove()",
    "DROP FUNCTION IF EXISTS ringkas_vocabulary_update()",
    "DROP TABLE IF EXISTS search_vocabulary",
    "DROP INDEX IF EXISTS passage_search_idx",
    "DROP FUNCTION IF EXISTS ringkas_search_vector(text)",
    """ALTER TABLE passage ADD COLUMN IF NOT EXISTS search tsvector
        GENERATED ALWAYS AS (to_tsvector('simple'::regconfig,
            regexp_replace(lower(text), '[^[:alnum:]]+', ' ', 'g'))) STORED""",
    "CREATE INDEX IF NOT EXISTS passage_search_gin ON passage USING gin (search)"
    " WITH (fastupdate = off)",
    # GIN's pending list (fastupdate) is scanned linearly by every query until a vacuum
    # merges it: measured 6 ms against 0.14 ms for one query on a freshly imported 10k store.
    "ALTER INDEX passage_search_gin SET (fastupdate = off)",
    "SELECT gin_clean_pending_list('passage_search_gin'::regclass)",
    """CREATE TABLE IF NOT EXISTS search_removed (
        seq bigserial PRIMARY KEY, passage_id bigint NOT NULL, text text NOT NULL)""",
    f"""CREATE OR REPLACE FUNCTION ringkas_search_removed() RETURNS trigger
        LANGUAGE plpgsql AS $$
        DECLARE newest bigint;
        BEGIN
            INSERT INTO search_removed (passage_id, text)
            SELECT o.id, o.text FROM gone_passages AS o ORDER BY o.id;
            IF FOUND THEN
                SELECT max(seq) INTO newest FROM search_removed;
                DELETE FROM search_removed WHERE seq <= newest - {REMOVAL_LOG_ROWS};
            END IF;
            RETURN NULL;
        END $$""",
    "DROP TRIGGER IF EXISTS passage_search_delete ON passage",
    """CREATE TRIGGER passage_search_delete AFTER DELETE ON passage
        REFERENCING OLD TABLE AS gone_passages
        FOR EACH STATEMENT EXECUTE FUNCTION ringkas_search_removed()""",
    f"""CREATE OR REPLACE FUNCTION ringkas_search_rewritten() RETURNS trigger
        LANGUAGE plpgsql AS $$
        DECLARE newest bigint;
        BEGIN
            INSERT INTO search_removed (passage_id, text)
            SELECT o.id, o.text FROM gone_passages AS o JOIN new_passages AS n USING (id)
            WHERE o.text IS DISTINCT FROM n.text ORDER BY o.id;
            IF FOUND THEN
                SELECT max(seq) INTO newest FROM search_removed;
                DELETE FROM search_removed WHERE seq <= newest - {REMOVAL_LOG_ROWS};
            END IF;
            RETURN NULL;
        END $$""",
    "DROP TRIGGER IF EXISTS passage_search_update ON passage",
    """CREATE TRIGGER passage_search_update AFTER UPDATE ON passage
        REFERENCING OLD TABLE AS gone_passages NEW TABLE AS new_passages
        FOR EACH STATEMENT EXECUTE FUNCTION ringkas_search_rewritten()""",
    "DROP TABLE IF EXISTS search_state",
)

_HIT_COLUMNS = (
    "p.id, p.text, p.kind, p.article_id, a.headline, a.published "
    "FROM passage AS p LEFT JOIN article AS a ON a.id = p.article_id"
)
_STATE = text("SELECT (SELECT max(id) FROM passage), (SELECT max(seq) FROM search_removed)")
_REMOVED = text(
    "SELECT passage_id, text FROM search_removed WHERE seq > :low AND seq <= :high ORDER BY seq"
)
_PASSAGES_BY_ID = text("SELECT text FROM passage WHERE id IN :ids").bindparams(
    bindparam("ids", expanding=True)
)
_PREVIOUS_SENTENCES = text(
    "SELECT p.id, b.text FROM passage AS p JOIN passage AS b "
    "ON b.article_id = p.article_id AND b.position = p.position - 1 AND b.kind = 'sentence' "
    "WHERE p.id IN :ids AND p.kind = 'sentence'"
).bindparams(bindparam("ids", expanding=True))
_LEAD_SENTENCES = text(
    "SELECT article_id, text FROM passage "
    "WHERE article_id IN :ids AND kind = 'sentence' AND position = 0"
).bindparams(bindparam("ids", expanding=True))
_OLDEST_REMOVED = text("SELECT min(seq) FROM search_removed")
_SQLITE_VOCABULARY = text("SELECT term, doc FROM passage_fts_vocab")
_PG_VOCABULARY = text("SELECT word, ndoc FROM ts_stat('SELECT search FROM passage')")
_NEW_PASSAGES = text("SELECT text FROM passage WHERE id > :low AND id <= :high")
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
    """Create the index, its removal log and triggers for this engine's dialect (idempotent)."""
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            for statement in _POSTGRES_SETUP:
                connection.execute(text(statement))
        return
    from storage.database import SQLITE_WRITE_OPTION  # storage.database imports this module

    # BEGIN IMMEDIATE: installers in parallel take turns, and the later ones find it done.
    writer = engine.connect().execution_options(**{SQLITE_WRITE_OPTION: True})
    with writer as connection, connection.begin():
        trigger = connection.execute(
            text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = :name"),
            {"name": "passage_fts_delete"},
        ).scalar()
        if trigger is not None and "search_removed" in str(trigger):
            return  # installed, current version
        existed = connection.execute(
            text("SELECT 1 FROM sqlite_master WHERE name = 'passage_fts'")
        ).first()
        for statement in _SQLITE_SETUP:
            connection.execute(text(statement))
        if existed is None:
            connection.execute(text("INSERT INTO passage_fts(passage_fts) VALUES ('rebuild')"))


def compact_search_index(connection: Connection) -> None:
    """Merge the index into one segment after a bulk import (SQLite; PostgreSQL needs none).

    FTS5 keeps each insert's words in a new segment and merges them only in steps, so a
    bulk-built store is left with many; one merge makes its queries about 25% faster
    (measured at 1M sentences: 1.3 ms against 1.7 ms per candidate query, 0.6 s to merge).
    """
    if connection.dialect.name == "sqlite":
        connection.execute(text("INSERT INTO passage_fts(passage_fts) VALUES ('optimize')"))


def index_words(body: str) -> list[str]:
    """Return the words of body as the index stores them (lower-cased letter/digit runs)."""
    return [word.lower() for word in _WORD.findall(body)]


class VocabularyCache:
    """One process's copy of a database's vocabulary: term → passages holding it.

    Derived from the database index (FTS5 `fts5vocab`, PostgreSQL `ts_stat` over the stored
    tsvectors), which stays the authority every worker shares. `sync` runs once per
    `SearchIndex` (one indexed query for max(passage.id) and max(search_removed.seq)):
    passages with an id above the last one seen are tokenised and counted; removed or
    rewritten passages are read back from `search_removed` and taken off (a rewritten or
    reused id is read again). A full reload happens on first use, when the removal log has
    moved on past what was seen, after a gap of more than MAX_INCREMENT new passages, and on
    PostgreSQL hourly (ids from a sequence may commit out of order, so a passage committed
    late is only weighted from the next reload; the database index finds it regardless once
    the word is known). Document counts only weight words: slightly stale counts are
    harmless. One instance per engine (`for_engine`, a weak mapping); thread-safe.
    """

    MAX_INCREMENT = 50_000  # new passages read one by one; beyond that a full reload
    MAX_AGE_SECONDS = 3_600.0  # PostgreSQL only

    _by_engine: ClassVar[weakref.WeakKeyDictionary[Engine, VocabularyCache]] = (
        weakref.WeakKeyDictionary()
    )
    _registry_lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: dict[str, int] = {}
        self._sorted: list[str] = []
        self._unsorted: list[str] = []  # terms added since _sorted was last merged
        self._spelling: dict[tuple[str, int], list[str]] = {}
        self._last_id = 0
        self._removed_seq = 0
        self._loaded = False
        self._loaded_at = 0.0
        self.reloads = 0
        self.reload_seconds = 0.0

    @classmethod
    def for_engine(cls, engine: Engine) -> VocabularyCache:
        """Return the cache of this engine's database, creating an empty one on first use."""
        with cls._registry_lock:
            cache = cls._by_engine.get(engine)
            if cache is None:
                cache = cls._by_engine[engine] = cls()
            return cache

    def sync(self, session: Session, *, postgres: bool) -> int:
        """Bring the cache in step with the database; return the highest passage id."""
        highest_row, removed_row = session.execute(_STATE).one()
        highest, removed = int(highest_row or 0), int(removed_row or 0)
        with self._lock:
            aged = postgres and time.monotonic() - self._loaded_at >= self.MAX_AGE_SECONDS
            if not self._loaded or aged or highest - self._last_id > self.MAX_INCREMENT:
                self._reload(session, postgres=postgres, highest=highest, removed=removed)
                return highest
            if removed > self._removed_seq and not self._take_removed(session, removed):
                self._reload(session, postgres=postgres, highest=highest, removed=removed)
                return highest
            if highest > self._last_id:
                rows = session.execute(_NEW_PASSAGES, {"low": self._last_id, "high": highest})
                for (body,) in rows:
                    self._count(str(body), 1)
            self._last_id = highest
        return highest

    def _take_removed(self, session: Session, removed: int) -> bool:
        """Take removed passages off the counts; False when the log no longer has them."""
        oldest = session.execute(_OLDEST_REMOVED).scalar()
        if (
            oldest is None
            or int(oldest) > self._removed_seq + 1
            or removed - self._removed_seq > self.MAX_INCREMENT
        ):
            return False
        rows = session.execute(_REMOVED, {"low": self._removed_seq, "high": removed})
        again: set[int] = set()
        for passage_id, body in rows:
            # A passage added and removed since the last look was never counted.
            if int(passage_id) <= self._last_id:
                self._count(str(body), -1)
                again.add(int(passage_id))
        # A rewritten passage, or a new one that reused a deleted id (SQLite rowids), sits
        # below the last id seen: count what those ids hold now.
        ordered = sorted(again)
        for start in range(0, len(ordered), 500):
            for (body,) in session.execute(_PASSAGES_BY_ID, {"ids": ordered[start : start + 500]}):
                self._count(str(body), 1)
        self._removed_seq = removed
        return True

    def _count(self, body: str, change: int) -> None:
        for term in set(index_words(body)):
            self._add(term, change)

    def _reload(self, session: Session, *, postgres: bool, highest: int, removed: int) -> None:
        started = time.monotonic()
        self._counts = {}
        self._sorted, self._unsorted, self._spelling = [], [], {}
        rows = session.execute(_PG_VOCABULARY if postgres else _SQLITE_VOCABULARY)
        for term, documents in rows:
            self._add(str(term), int(documents))
        self._sorted = sorted(self._unsorted)
        self._unsorted = []
        self._last_id, self._removed_seq, self._loaded = highest, removed, True
        self._loaded_at = time.monotonic()
        self.reload_seconds = self._loaded_at - started
        self.reloads += 1

    def _add(self, term: str, documents: int) -> None:
        known = self._counts.get(term)
        if known is None:
            if documents <= 0:
                return
            self._unsorted.append(term)
            self._spelling.setdefault(_spelling_key(term, len(term)), []).append(term)
        # A term counted down to nothing stays listed (its count says 0) until a reload.
        self._counts[term] = max(0, (known or 0) + documents)

    def frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        """Return the document count of each known term."""
        counts = self._counts
        return {term: counts[term] for term in terms if counts.get(term, 0) > 0}

    def with_prefix(self, prefix: str, limit: int) -> list[tuple[str, int]]:
        """Return (term, passages) for terms starting with prefix, in term order."""
        with self._lock:
            if self._unsorted:
                self._sorted = sorted(self._sorted + self._unsorted)
                self._unsorted = []
            ordered = self._sorted
        found: list[tuple[str, int]] = []
        for term in itertools.islice(ordered, bisect.bisect_left(ordered, prefix), None):
            if not term.startswith(prefix) or len(found) == limit:
                break
            if self._counts.get(term, 0) > 0:
                found.append((term, self._counts[term]))
        return found

    def near(self, word: str, max_distance: int) -> list[tuple[str, int, int]]:
        """Return (term, edit distance, passages) for terms within max_distance of word.

        The distance counts a swap of two neighbouring letters as one edit (optimal string
        alignment): "kouta" is one slip from "kuota", as readers type it.

        Terms are bucketed by their first letter(s) and length, so a typo in the first letter
        (the first two, for words of 8+ letters) is not found.
        """
        candidates: list[str] = []
        for length in range(len(word) - max_distance, len(word) + max_distance + 1):
            candidates.extend(self._spelling.get(_spelling_key(word, length), ()))
        close = process.extract(
            word, candidates, scorer=OSA.distance, score_cutoff=max_distance, limit=None
        )
        counts = self._counts
        return [
            (term, int(distance), counts[term])
            for term, distance, _ in close
            if counts.get(term, 0) > 0
        ]


def _spelling_key(term: str, length: int) -> tuple[str, int]:
    return (term[:2] if length >= 8 else term[:1], length)


class SearchIndex:
    """The stored passages' search index, read through one session (a PassageIndex)."""

    def __init__(self, session: Session) -> None:
        self._session = session
        bind = session.get_bind()
        engine = bind.engine if isinstance(bind, Connection) else bind
        self._postgres = engine.dialect.name == "postgresql"
        self._vocabulary = VocabularyCache.for_engine(engine)
        self._passage_count: int | None = None

    def passage_count(self) -> int:
        """Return the highest passage id: the passage count, up to deleted rows."""
        return self._synced()

    def _synced(self) -> int:
        if self._passage_count is None:
            self._passage_count = self._vocabulary.sync(self._session, postgres=self._postgres)
        return self._passage_count

    def document_frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        """Return how many passages hold each term, for the terms the vocabulary has."""
        self._synced()
        return self._vocabulary.frequencies(terms)

    def vocabulary_with_prefix(self, prefix: str, limit: int) -> list[tuple[str, int]]:
        """Return (term, passages) for vocabulary terms that start with prefix."""
        self._synced()
        return self._vocabulary.with_prefix(prefix, limit)

    def vocabulary_near(self, word: str, max_distance: int) -> list[tuple[str, int, int]]:
        """Return (term, edit distance, passages) for vocabulary terms close to word."""
        self._synced()
        return self._vocabulary.near(word, max_distance)

    def candidates(
        self, groups: Sequence[Sequence[str]], *, minimum_match: int, limit: int
    ) -> list[PassageHit]:
        """Return passages holding a term of at least minimum_match of the groups."""
        groups = [group for group in groups if group]
        if not groups or minimum_match < 1:
            return []
        minimum = min(minimum_match, len(groups))
        # Callers give the rarest group first; the rarest groups repeat most in the formula.
        if self._postgres:
            query = _at_least(minimum, [_pg_group(group) for group in reversed(groups)], "&", "|")
            statement = (
                f"SELECT {_HIT_COLUMNS} WHERE p.id IN (SELECT id FROM passage WHERE "
                "search @@ to_tsquery('simple', :query) LIMIT :limit)"
            )
            # With a LIMIT the planner may bet on a sequential scan finding enough rows
            # early; for rare words the GIN index is always the faster path.
            self._session.execute(text("SET LOCAL enable_seqscan = off"))
        else:
            fts = [_fts_group(group) for group in reversed(groups)]
            query = _at_least(minimum, fts, " AND ", " OR ")
            statement = (
                f"SELECT {_HIT_COLUMNS} WHERE p.id IN "
                "(SELECT rowid FROM passage_fts WHERE passage_fts MATCH :query LIMIT :limit)"
            )
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

    def previous_sentences(self, passage_ids: Sequence[int]) -> dict[int, str]:
        """Return, for each of these sentences, the sentence before it in its article."""
        if not passage_ids:
            return {}
        rows = self._session.execute(_PREVIOUS_SENTENCES, {"ids": sorted(set(passage_ids))})
        return {int(passage_id): str(body) for passage_id, body in rows}

    def lead_sentences(self, article_ids: Sequence[int]) -> dict[int, str]:
        """Return, for each of these articles, its first sentence."""
        if not article_ids:
            return {}
        rows = self._session.execute(_LEAD_SENTENCES, {"ids": sorted(set(article_ids))})
        return {int(article_id): str(body) for article_id, body in rows}

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


def _at_least(count: int, groups: Sequence[str], conjunction: str, disjunction: str) -> str:
    """Return a query matching at least count of groups (1 <= count <= len(groups)).

    Factored as (first AND at least count-1 of the rest) OR (at least count of the rest):
    each group appears fewer times than in an OR of every combination, so the engine
    reads fewer posting lists (3 of 4 groups: 7 group reads instead of 12).
    """
    if count == len(groups):
        return "(" + conjunction.join(groups) + ")"
    if count == 1:
        return "(" + disjunction.join(groups) + ")"
    first, rest = groups[0], groups[1:]
    with_first = f"({first}{conjunction}{_at_least(count - 1, rest, conjunction, disjunction)})"
    return f"({with_first}{disjunction}{_at_least(count, rest, conjunction, disjunction)})"


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
