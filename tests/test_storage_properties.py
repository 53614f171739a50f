"""Property: any sequence of adds and deletes keeps listed-headline counts true to the listings."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlmodel import Session, SQLModel

from storage import repository
from storage.models import POPULAR_LIST_KINDS, headline_key
from storage.records import ArticleRecord, ListedRecord

ARTICLE = SQLModel.metadata.tables["article"]
PASSAGE = SQLModel.metadata.tables["passage"]
LISTED = SQLModel.metadata.tables["listed_headline"]
LISTING = SQLModel.metadata.tables["listing"]

# A small pool, so that pages share headlines and list each other's.
HEADLINES = ["Banjir Jakarta", "banjir jakarta!", "Harga Cabai", "Pemilu 2024", "Gempa Bumi"]
KINDS = ["popular", "latest", "related", "most_read"]

listed_records = st.builds(
    ListedRecord,
    headline=st.sampled_from(HEADLINES),
    published=st.none(),
    list_kind=st.sampled_from(KINDS),
)
add_operations = st.tuples(
    st.just("add"),
    st.integers(0, 7),  # page number: the same number is the same page (a duplicate)
    st.sampled_from([None, *HEADLINES]),
    st.lists(listed_records, max_size=4).map(tuple),
    st.sampled_from([1, 2]),  # submitting user
)
delete_operations = st.tuples(st.just("delete"), st.integers(0, 7))
forget_operations = st.tuples(st.just("forget"), st.sampled_from([1, 2]))
bulk_operations = st.tuples(st.just("bulk"), st.lists(add_operations, min_size=1, max_size=4))
operations = st.lists(
    st.one_of(add_operations, bulk_operations, delete_operations, forget_operations),
    min_size=1,
    max_size=12,
)


def page(
    number: int, headline: str | None, listed: tuple[ListedRecord, ...], user: int
) -> ArticleRecord:
    """A page whose identity (hash) is its number."""
    return ArticleRecord(
        content_hash=f"page-{number}",
        headline=headline,
        site="contoh.id",
        language="id",
        paragraphs=("Isi.",),
        sentences=("Satu.", "Dua."),
        listed_headlines=listed,
        submitted_by=user,
    )


def page_of(add: tuple[object, ...]) -> ArticleRecord:
    """The page a generated add operation stores."""
    _, number, headline, listed, user = add
    assert isinstance(number, int)
    assert isinstance(listed, tuple)
    assert isinstance(user, int)
    return page(number, headline if isinstance(headline, str) else None, listed, user)


def apply(session: Session, operation: tuple[object, ...]) -> None:
    """Run one generated operation through the repository."""
    match operation:
        case ("add", *_):
            repository.add_article(session=session, record=page_of(operation))
        case ("bulk", list(adds)):
            records = [page_of(add) for add in adds]
            repository.add_articles_bulk(session=session, records=records)
        case ("delete", int(number)):
            stored = repository.find_article_by_hash(session=session, content_hash=f"page-{number}")
            if stored is not None:
                repository.delete_article(session=session, article_id=stored.id)
        case ("forget", int(user)):
            repository.delete_articles_submitted_by(session=session, user_id=user)


def check_consistency(session: Session) -> None:
    """Counts, links and passages all agree with the listings and articles stored."""
    connection = session.connection()
    articles = {row.id: row for row in connection.execute(select(ARTICLE))}
    listings = connection.execute(select(LISTING)).all()
    listed = {row.id: row for row in connection.execute(select(LISTED))}
    own_passages = Counter(
        row.listed_headline_id
        for row in connection.execute(select(PASSAGE))
        if row.listed_headline_id is not None
    )
    pages = {
        lid: {row.article_id for row in listings if row.listed_headline_id == lid} for lid in listed
    }
    popular_pages = {
        lid: {
            row.article_id
            for row in listings
            if row.listed_headline_id == lid and row.list_kind in POPULAR_LIST_KINDS
        }
        for lid in listed
    }
    article_keys = {row.headline_key for row in articles.values() if row.headline_key}

    assert {row.article_id for row in listings} <= set(articles)
    for lid, row in listed.items():
        assert row.page_count == len(pages[lid]) > 0
        assert row.popular_count == len(popular_pages[lid])
        if row.article_id is None:
            assert row.headline_key not in article_keys
            assert own_passages[lid] == 1
        else:
            assert articles[row.article_id].headline_key == row.headline_key
            assert own_passages[lid] == 0
    expected_passages = sum(2 + (row.headline is not None) for row in articles.values())
    expected_passages += sum(1 for row in listed.values() if row.article_id is None)
    assert repository.count_passages(session=session) == expected_passages
    assert len(listed) == len({row.headline_key for row in listed.values()})
    assert all(headline_key(row.headline) == row.headline_key for row in listed.values())


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(sequence=operations)
def test_any_adds_and_deletes_keep_counts_consistent(
    session_factory: Callable[[], Session], sequence: list[tuple[object, ...]]
) -> None:
    with session_factory() as session:
        for number in range(8):  # start each example from an empty store
            apply(session, ("delete", number))
        for operation in sequence:
            apply(session, operation)
            check_consistency(session)
