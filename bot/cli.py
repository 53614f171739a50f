"""The `ringkas` command: serve Telegram, chat in a terminal, ingest, show, summarise, ask, eval."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from bot.config import Settings
from bot.desk import DeskLimits, NewsDesk, NothingStored, open_desk
from bot.fetching import is_link
from bot.news import NotAnArticle, ParsedArticle, published_iso
from bot.parsing import parse_body
from bot.summary_model import ALGORITHMS, Summary, UnknownAlgorithm
from bot.text.dates import parse_date
from storage.database import StoreUnavailable, ensure_database_exists, normalize_database_url
from storage.records import HeadlineRow, StoredArticle

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad input or usage: reported in one line on stderr, exit status 2."""


Handler = Callable[[argparse.Namespace, Settings], int]


def main(argv: Sequence[str] | None = None, settings: Settings | None = None) -> int:
    """Run the command line and return its exit status."""
    parser = build_parser()
    arguments = parser.parse_args(argv)
    settings = settings or Settings()
    if getattr(arguments, "database", None):
        settings = Settings.model_validate(
            {**settings.model_dump(), "database_url": arguments.database}
        )
    handler: Handler = arguments.handler
    try:
        return handler(arguments, settings)
    except (UsageError, NotAnArticle, NothingStored, UnknownAlgorithm, StoreUnavailable) as error:
        print(f"ringkas: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with every subcommand."""
    parser = _ExitTwoParser(prog="ringkas", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_ExitTwoParser)
    for add_command in (
        _add_run,
        _add_chat,
        _add_ingest,
        _add_show,
        _add_lists,
        _add_summarize,
        _add_ask,
        _add_eval,
        _add_bench,
    ):
        add_command(commands)
    return parser


class _ExitTwoParser(argparse.ArgumentParser):
    """An argument parser whose usage errors exit with status 2 and one line."""

    def error(self, message: str) -> Any:
        self.exit(EXIT_USAGE, f"ringkas: {message} (see `{self.prog} --help`)\n")


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--database", metavar="URL", help="database URL (default: DATABASE_URL)")


def _add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON")


# --- run and chat ----------------------------------------------------------------------------


def _add_run(commands: Any) -> None:
    parser = commands.add_parser("run", help="serve Telegram (long polling, or webhook)")
    _common(parser)
    parser.add_argument("--webhook-url", help="public HTTPS URL Telegram should call")
    parser.add_argument("--port", type=int, help="port the webhook server listens on")
    parser.set_defaults(handler=_run)


def _run(arguments: argparse.Namespace, settings: Settings) -> int:
    if arguments.webhook_url:
        settings = settings.model_copy(update={"webhook_url": arguments.webhook_url})
    if arguments.port:
        settings = settings.model_copy(update={"webhook_port": arguments.port})
    if settings.telegram_bot_token is None:
        print(_NO_TOKEN_HELP, file=sys.stderr)
        if sys.stdin.isatty():
            return _chat(arguments, settings)
        return EXIT_USAGE
    from bot.app import run_bot  # imported here: only `run` needs Telegram

    run_bot(settings)
    return EXIT_OK


_NO_TOKEN_HELP = """\
TELEGRAM_BOT_TOKEN is not set, so Ringkas cannot talk to Telegram.
To get a token: open Telegram, message @BotFather, send /newbot, pick a name and a username,
and copy the token it gives you into .env as TELEGRAM_BOT_TOKEN=... (see .env.example).
Meanwhile you can talk to Ringkas here in the terminal (`ringkas chat`)."""


def _add_chat(commands: Any) -> None:
    parser = commands.add_parser("chat", help="the same conversation in this terminal")
    _common(parser)
    parser.set_defaults(handler=_chat)


def _chat(arguments: argparse.Namespace, settings: Settings) -> int:
    from bot.console import run_console

    with _desk(settings) as desk:
        run_console(desk, input_stream=sys.stdin, output=sys.stdout)
    return EXIT_OK


# --- ingest, show, latest, popular -----------------------------------------------------------


def _add_ingest(commands: Any) -> None:
    parser = commands.add_parser("ingest", help="parse and store page dumps")
    _common(parser)
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help=".txt/.html files, http(s) links, - for stdin"
    )
    parser.add_argument(
        "--jsonl", type=Path, help="bulk-import {id?, title?, published?, url?, text}"
    )
    _add_json(parser)
    parser.set_defaults(handler=_ingest)


def _ingest(arguments: argparse.Namespace, settings: Settings) -> int:
    if not arguments.paths and not arguments.jsonl:
        raise UsageError("give one or more PATHs, - for stdin, or --jsonl FILE")
    status = EXIT_OK
    with _desk(settings) as desk:
        for path in arguments.paths:
            try:
                stored = _ingest_one(desk, path)
            except NotAnArticle as error:
                print(f"ringkas: {path}: {error}", file=sys.stderr)
                status = EXIT_USAGE
                continue
            _print_stored(stored, as_json=arguments.json)
        if arguments.jsonl:
            for stored in desk.submit_many(list(_jsonl_articles(arguments.jsonl))):
                _print_stored(stored, as_json=arguments.json)
    return status


def _ingest_one(desk: NewsDesk, path: str) -> StoredArticle:
    if is_link(path):
        return desk.submit_link(path)
    return desk.submit(_read_page(desk, path), source=_source_name(path))


def _print_stored(stored: StoredArticle, *, as_json: bool) -> None:
    if as_json:
        _print_json(article_json(stored))
        return
    state = "already stored as" if stored.duplicate else "stored as"
    headline = stored.headline or (stored.sentences[0][:80] if stored.sentences else "")
    print(f"{state} #{stored.id}: {headline} ({len(stored.sentences)} sentences)")


def _jsonl_articles(path: Path) -> Iterator[tuple[ParsedArticle, str | None]]:
    for number, record in enumerate(_read_jsonl(path), start=1):
        text = record.get("text")
        if not isinstance(text, str):
            raise UsageError(f"{path}:{number}: a record needs a string field 'text'")
        try:
            article = parse_body(text, headline=record.get("title") or None)
        except NotAnArticle as error:
            print(f"ringkas: {path}:{number}: {error}", file=sys.stderr)
            continue
        published = _record_date(record.get("published"))
        source = str(record["id"]) if record.get("id") is not None else f"{path.name}:{number}"
        yield _with_metadata(article, published=published, url=record.get("url")), source


def _with_metadata(article: ParsedArticle, **changes: Any) -> ParsedArticle:
    from dataclasses import replace

    return replace(article, **{key: value for key, value in changes.items() if value})


def _record_date(value: object) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        found = parse_date(value)
        return found if isinstance(found, datetime) else None
    return parsed if parsed.tzinfo else None


def _add_show(commands: Any) -> None:
    parser = commands.add_parser("show", help="one stored article")
    _common(parser)
    parser.add_argument("id", type=int, metavar="ID")
    _add_json(parser)
    parser.set_defaults(handler=_show)


def _show(arguments: argparse.Namespace, settings: Settings) -> int:
    with _desk(settings) as desk:
        stored = desk.article(arguments.id)
    if arguments.json:
        _print_json(article_json(stored))
    else:
        print(render_article(stored))
    return EXIT_OK


def _add_lists(commands: Any) -> None:
    for name, help_text in (("latest", "newest headlines first"), ("popular", "most listed first")):
        parser = commands.add_parser(name, help=help_text)
        _common(parser)
        parser.add_argument("--limit", type=_positive_int, default=10)
        _add_json(parser)
        parser.set_defaults(handler=_list_headlines, list_name=name)


def _list_headlines(arguments: argparse.Namespace, settings: Settings) -> int:
    with _desk(settings) as desk:
        method = desk.latest if arguments.list_name == "latest" else desk.popular
        rows = method(limit=arguments.limit)
    if arguments.json:
        print(json.dumps([headline_json(row) for row in rows], ensure_ascii=False))
    elif not rows:
        print("Nothing stored yet: ingest a page first.")
    for number, row in enumerate(rows if not arguments.json else [], start=1):
        when = published_iso(row.published) or "undated"
        where = f"  #{row.article_id}" if row.article_id is not None else ""
        print(f"{number:>3}. {row.headline}  ({when}){where}")
    return EXIT_OK


# --- summarize and ask -----------------------------------------------------------------------


def _add_summarize(commands: Any) -> None:
    parser = commands.add_parser("summarize", help="parse (and store) a page, print its summary")
    _common(parser)
    parser.add_argument("path", nargs="?", metavar="PATH", help="a page file, or - for stdin")
    parser.add_argument("--batch", type=Path, metavar="IN.jsonl", help="records {id, text, title?}")
    parser.add_argument("--sentences", type=_positive_int, help="summary length (default 3)")
    parser.add_argument("--ratio", type=_ratio, help="summary length as a share of the article")
    parser.add_argument("--algorithm", choices=ALGORITHMS, default=None)
    parser.add_argument("--no-store", action="store_true", help="do not store the article")
    _add_json(parser)
    parser.set_defaults(handler=_summarize)


def _summarize(arguments: argparse.Namespace, settings: Settings) -> int:
    if arguments.batch:
        return _summarize_batch(arguments)
    if not arguments.path:
        raise UsageError("give a PATH, - for stdin, or --batch IN.jsonl")
    with _desk(settings) as desk:
        text = _read_page(desk, arguments.path)
        article: StoredArticle | ParsedArticle
        if arguments.no_store:
            article = desk.parse(text)
        else:
            article = desk.submit(text, source=_source_name(arguments.path))
        summary = desk.summarize(
            article,
            sentences=arguments.sentences,
            ratio=arguments.ratio,
            algorithm=arguments.algorithm,
        )
    if arguments.json:
        _print_json(summary_json(article, summary))
    else:
        print(render_summary(article, summary))
    return EXIT_OK


def _summarize_batch(arguments: argparse.Namespace) -> int:
    from bot.evaluation.summaries import summarize_batch

    records = list(_read_jsonl(arguments.batch))
    for number, record in enumerate(records, start=1):
        if not isinstance(record.get("text"), str) or "id" not in record:
            raise UsageError(f"{arguments.batch}:{number}: a record needs 'id' and string 'text'")
    results = summarize_batch(
        records,
        sentences=arguments.sentences or 3,
        algorithm=arguments.algorithm or ALGORITHMS[0],
    )
    for result in results:
        _print_json(result)
    return EXIT_OK


def _add_ask(commands: Any) -> None:
    parser = commands.add_parser("ask", help="answer a question from the store")
    _common(parser)
    parser.add_argument("question", nargs="?", metavar="QUESTION")
    parser.add_argument("--article", type=int, metavar="ID", help="prefer this article")
    parser.add_argument("--batch", type=Path, metavar="IN.jsonl", help="records {id, question}")
    _add_json(parser)
    parser.set_defaults(handler=_ask)


def _ask(arguments: argparse.Namespace, settings: Settings) -> int:
    if arguments.batch:
        questions = [
            (str(r.get("id")), str(r.get("question", ""))) for r in _read_jsonl(arguments.batch)
        ]
    elif arguments.question and arguments.question.strip():
        questions = [(None, arguments.question)]  # type: ignore[list-item]
    else:
        raise UsageError("give a QUESTION or --batch IN.jsonl")
    with _desk(settings) as desk:
        desk.warm_up()  # elapsed_ms is the answer's time, not the word lists' loading
        for question_id, question in questions:
            answer = desk.ask(question, article_id=arguments.article)
            if arguments.json or arguments.batch:
                _print_json(answer.to_json(question_id))
            else:
                print(render_answer(answer))
    return EXIT_OK


# --- eval and bench --------------------------------------------------------------------------


def _add_eval(commands: Any) -> None:
    parser = commands.add_parser("eval", help="quality figures")
    kinds = parser.add_subparsers(dest="kind", required=True, parser_class=_ExitTwoParser)
    parsing = kinds.add_parser("parsing", help="per-field agreement with DIR/expected.json")
    parsing.add_argument("directory", type=Path, metavar="DIR")
    summaries = kinds.add_parser("summaries", help="ROUGE of every algorithm on a corpus")
    summaries.add_argument("data", type=Path, metavar="DATA.jsonl")
    summaries.add_argument("--sentences", type=_positive_int, default=3)
    summaries.add_argument("--algorithms", nargs="+", choices=ALGORITHMS)
    summaries.add_argument("--limit", type=_positive_int, help="only the first N records")
    answers = kinds.add_parser("answers", help="answer accuracy by question kind")
    answers.add_argument("pages", type=Path, metavar="PAGES_DIR")
    answers.add_argument("qa", type=Path, nargs="+", metavar="QA.jsonl")
    for sub in (parsing, summaries, answers):
        _common(sub)
        _add_json(sub)
        sub.set_defaults(handler=_eval)


def _eval(arguments: argparse.Namespace, settings: Settings) -> int:
    for path in _input_paths(arguments):
        if not path.exists():
            raise UsageError(f"{path}: no such file or directory")
    report = _eval_report(arguments, settings)
    if arguments.json:
        _print_json(report.to_json())
    else:
        print(report.to_table())
    return EXIT_OK


def _input_paths(arguments: argparse.Namespace) -> list[Path]:
    if arguments.kind == "parsing":
        return [arguments.directory]
    if arguments.kind == "summaries":
        return [arguments.data]
    return [arguments.pages, *arguments.qa]


def _eval_report(arguments: argparse.Namespace, settings: Settings) -> Any:
    if arguments.kind == "parsing":
        from bot.evaluation.parsing import evaluate_parsing

        return evaluate_parsing(arguments.directory)
    if arguments.kind == "summaries":
        from bot.evaluation.summaries import evaluate_summaries

        return evaluate_summaries(
            arguments.data,
            sentences=arguments.sentences,
            algorithms=arguments.algorithms,
            limit=arguments.limit,
        )
    from bot.evaluation.answers import evaluate_answers

    with tempfile.TemporaryDirectory(prefix="ringkas-eval-") as scratch:
        database = arguments.database or f"sqlite:///{scratch}/eval.db"
        with open_desk(database) as desk:
            desk.warm_up()
            return evaluate_answers(
                arguments.pages, arguments.qa, store_page=_page_storer(desk), ask=desk.ask
            )


def _page_storer(desk: NewsDesk) -> Callable[[str, str], None]:
    def store_page(text: str, source: str) -> None:
        desk.submit(text, source=source)

    return store_page


def _add_bench(commands: Any) -> None:
    parser = commands.add_parser("bench", help="speed and memory figures")
    kinds = parser.add_subparsers(dest="kind", required=True, parser_class=_ExitTwoParser)
    answers = kinds.add_parser("answers", help="answer latency over a synthetic store")
    answers.add_argument("--sentences", type=_positive_int, nargs="+", default=[10_000])
    answers.add_argument("--corpus", type=Path, nargs="+", help="corpus JSONL file(s) of articles")
    answers.add_argument("--questions", type=_positive_int, default=200)
    answers.add_argument("--no-scan", action="store_true", help="skip the full-scan baseline")
    summaries = kinds.add_parser("summaries", help="summary latency, short and long articles")
    summaries.add_argument("--corpus", type=Path, help="corpus JSONL of articles")
    for sub in (answers, summaries):
        _common(sub)
        _add_json(sub)
        sub.set_defaults(handler=_bench)


def _bench(arguments: argparse.Namespace, settings: Settings) -> int:
    if arguments.kind == "summaries":
        from bot.evaluation.summaries import bench_summaries

        reports: list[Any] = [bench_summaries(corpus=arguments.corpus)]
    else:
        reports = _bench_answers(arguments, settings)
    for report in reports:
        if arguments.json:
            _print_json(report.to_json())
        else:
            print(report.to_table())
    return EXIT_OK


def _bench_answers(arguments: argparse.Namespace, settings: Settings) -> list[Any]:
    from bot.evaluation.answer_bench import bench_answers

    corpus = arguments.corpus or _default_corpus()
    if not corpus or not all(path.is_file() for path in corpus):
        raise UsageError("give --corpus FILE... (JSONL articles with a 'text' field)")
    template = arguments.database
    if template and "{n}" not in template and len(arguments.sentences) > 1:
        raise UsageError("several sizes need one store each: put {n} in --database")
    return [
        bench_answers(
            database_url=_bench_database(arguments.database, count),
            sentences=count,
            corpus=corpus,
            questions=arguments.questions,
            scan_baseline=not arguments.no_scan,
            sqlite_cache_mb=settings.sqlite_cache_mb,
        )
        for count in arguments.sentences
    ]


def _bench_database(template: str | None, sentences: int) -> str:
    """One store per size: `{n}` in --database is the size; by default .ringkas-bench/N.db."""
    if template is None:
        folder = Path(".ringkas-bench")
        folder.mkdir(exist_ok=True)
        return f"sqlite:///{folder.resolve() / f'{sentences}.db'}"
    url = normalize_database_url(template.replace("{n}", str(sentences)))
    ensure_database_exists(url)
    return url


def _default_corpus() -> list[Path]:
    folder = Path.cwd().parent / "shared" / "data" / "corpus"
    names = ("id_news_raw_345.jsonl", "id_indosum_dev01.jsonl")
    return [folder / name for name in names if (folder / name).is_file()]


# --- rendering -------------------------------------------------------------------------------


def article_json(article: StoredArticle | ParsedArticle) -> dict[str, Any]:
    """The article object of CLI.md (id and source null for a page parsed but not stored)."""
    return {
        "id": article.id if isinstance(article, StoredArticle) else None,
        "duplicate": article.duplicate if isinstance(article, StoredArticle) else False,
        "source": article.source if isinstance(article, StoredArticle) else None,
        "headline": article.headline,
        "published": published_iso(article.published),
        "author": article.author,
        "category": article.category,
        "site": article.site,
        "language": article.language,
        "url": article.url,
        "paragraphs": list(article.paragraphs),
        "sentences": list(article.sentences),
        "listed_headlines": [
            {
                "headline": item.headline,
                "published": published_iso(item.published),
                "list": item.list_kind,
            }
            for item in article.listed_headlines
        ],
    }


def summary_json(article: StoredArticle | ParsedArticle, summary: Summary) -> dict[str, Any]:
    """The summary object of CLI.md."""
    return {
        "article": article_json(article),
        "summary": list(summary.sentences),
        "algorithm": summary.algorithm,
        "keywords": list(summary.keywords),
        "sentences_total": summary.sentences_total,
    }


def headline_json(row: HeadlineRow) -> dict[str, Any]:
    """One entry of `latest --json` / `popular --json`."""
    return {
        "headline": row.headline,
        "published": published_iso(row.published),
        "article_id": row.article_id,
        "site": row.site,
        "score": row.score,
    }


def render_article(stored: StoredArticle) -> str:
    """A stored article as plain text."""
    lines = [f"#{stored.id} {stored.headline or '(no headline)'}"]
    meta = [published_iso(stored.published), stored.author, stored.category, stored.site]
    lines.append(" · ".join(item for item in meta if item))
    lines.extend(["", *stored.paragraphs])
    return "\n".join(lines).strip()


def render_summary(article: StoredArticle | ParsedArticle, summary: Summary) -> str:
    """A summary as plain text, with its keywords and length."""
    title = article.headline or "(no headline)"
    total = summary.sentences_total
    lines = [title, "", *(f"• {sentence}" for sentence in summary.sentences), ""]
    lines.append(f"{len(summary.sentences)} of {total} sentences · {summary.algorithm}")
    if summary.keywords:
        lines.append("Keywords: " + ", ".join(summary.keywords))
    return "\n".join(lines)


def render_answer(answer: Any) -> str:
    """An answer as plain text, or an honest 'not known' with suggestions."""
    if answer.answer is None:
        lines = ["I don't know that from what I have read."]
        lines.extend(f"  maybe: {alt.answer}" for alt in answer.alternatives)
        return "\n".join(lines)
    source = answer.headline or ""
    when = f" ({answer.published})" if answer.published else ""
    return f"“{answer.answer}”\n— {source}{when} [score {answer.score:.0f}]"


# --- input helpers ---------------------------------------------------------------------------


def _desk(settings: Settings) -> Any:
    limits = DeskLimits(
        max_upload_bytes=settings.max_upload_bytes, default_sentences=settings.summary_sentences
    )
    return open_desk(settings.database_url, limits=limits, sqlite_cache_mb=settings.sqlite_cache_mb)


def _read_page(desk: NewsDesk, path: str) -> str:
    if path == "-":
        return desk.read_upload(sys.stdin.buffer.read())
    file = Path(path)
    if not file.is_file():
        raise UsageError(f"{path}: no such file")
    if file.stat().st_size > desk.limits.max_upload_bytes:
        raise UsageError(f"{path}: larger than {desk.limits.max_upload_bytes:,} bytes")
    return desk.read_upload(file.read_bytes(), filename=file.name)


def _source_name(path: str) -> str | None:
    return None if path == "-" else Path(path).name


def _read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    if not path.is_file():
        raise UsageError(f"{path}: no such file")
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise UsageError(f"{path}:{number}: not JSON ({error.msg})") from error
            if not isinstance(record, dict):
                raise UsageError(f"{path}:{number}: each line must be a JSON object")
            yield record


def _print_json(data: Any, stream: TextIO | None = None) -> None:
    print(json.dumps(data, ensure_ascii=False), file=stream or sys.stdout)


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _ratio(text: str) -> float:
    value = float(text)
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError("must be between 0 and 1")
    return value
