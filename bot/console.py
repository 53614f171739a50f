"""`ringkas chat`: the Telegram conversation in a terminal, through the same desk, as plain text."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Final, TextIO

from bot.desk import NewsDesk, NothingStored, SummaryView
from bot.news import NotAnArticle
from handlers.replies import (
    PLAIN,
    render_answer,
    render_headlines,
    render_search,
    render_summary,
)
from handlers.texts import Lang, language_of, text

QUIT_COMMANDS: Final = frozenset({"/quit", "/exit", "/q"})
END_OF_PASTE: Final = "/done"
_LIST_SIZE: Final = 10
_MAX_SENTENCES: Final = 20


class ConsoleChat:
    """One reader's terminal conversation with the desk."""

    def __init__(
        self, desk: NewsDesk, *, input_stream: TextIO, output: TextIO, chat_id: int, user_id: int
    ) -> None:
        self._desk = desk
        self._input = input_stream
        self._output = output
        self._chat_id = chat_id
        self._user_id = user_id
        self._commands: dict[str, Callable[[str], None]] = {
            "/help": self._help,
            "/start": self._help,
            "/summary": self._summary,
            "/ask": self._ask,
            "/latest": lambda argument: self._headlines("latest", argument),
            "/popular": lambda argument: self._headlines("popular", argument),
            "/search": self._search,
            "/open": self._open,
            "/lang": self._language,
        }

    @property
    def lang(self) -> Lang:
        """The reply language: the chat's setting, English by default."""
        return language_of(None, self._desk.chat_state(self._chat_id).reply_language)

    def run(self) -> None:
        """Read and answer until /quit or the end of input."""
        self._say(text(self.lang, "console_welcome"))
        while (line := self._read_line()) is not None:
            stripped = line.strip()
            if not stripped or stripped == END_OF_PASTE:
                continue
            if stripped.split(maxsplit=1)[0].lower() in QUIT_COMMANDS:
                break
            self._guarded(self._handle, stripped)
        self._say(text(self.lang, "console_bye"))

    def _handle(self, line: str) -> None:
        if line.startswith("/"):
            self._command(line)
        elif is_question_line(line):
            self._ask(line)
        else:
            self._say(text(self.lang, "console_pasting"))
            self._receive(self._collect_paste(line))

    def _collect_paste(self, first_line: str) -> str:
        """Lines until two consecutive blank lines, a /done line, or the end of input."""
        lines = [first_line]
        blank_run = 0
        while (line := self._read_line()) is not None:
            if line.strip() == END_OF_PASTE:
                break
            blank_run = blank_run + 1 if not line.strip() else 0
            if blank_run >= 2:
                break
            lines.append(line.rstrip("\n"))
        return "\n".join(lines).strip()

    def _command(self, line: str) -> None:
        name, _, argument = line.partition(" ")
        handler = self._commands.get(name.lower())
        if handler is None:
            self._say(text(self.lang, "unknown_command"))
            return
        handler(argument.strip())

    def _guarded(self, action: Callable[[str], None], line: str) -> None:
        """Run one reader action; the desk's domain errors become friendly lines."""
        try:
            action(line)
        except NothingStored:
            self._say(text(self.lang, "nothing_stored"))
        except NotAnArticle as error:
            self._say(text(self.lang, "not_an_article", reason=str(error)))

    def _receive(self, page: str) -> None:
        reception = self._desk.receive(page, chat_id=self._chat_id, user_id=self._user_id)
        if reception.answer is not None:
            self._say(render_answer(reception.answer, self.lang, PLAIN))
        elif reception.article is not None and reception.summary is not None:
            if reception.article.duplicate:
                self._say(text(self.lang, "duplicate"))
            self._say(render_summary(reception.article, reception.summary, self.lang, PLAIN))

    def _ask(self, question: str) -> None:
        if not question:
            self._say(text(self.lang, "empty_question"))
            return
        answer = self._desk.ask(question, chat_id=self._chat_id)
        self._say(render_answer(answer, self.lang, PLAIN))

    def _summary(self, argument: str) -> None:
        article = self._desk.current_article(self._chat_id)
        self._show_summary(article.id, _count(argument))

    def _open(self, argument: str) -> None:
        if not argument.isdigit():
            raise NothingStored("no such article")
        self._show_summary(int(argument), None)

    def _show_summary(self, article_id: int, sentences: int | None) -> None:
        article = self._desk.open_article(article_id, chat_id=self._chat_id)
        state = self._desk.chat_state(self._chat_id)
        summary = self._desk.summarize(
            article, sentences=sentences or state.summary_sentences, algorithm=state.algorithm
        )
        view = SummaryView(article=article, summary=summary)
        self._say(render_summary(view.article, view.summary, self.lang, PLAIN))

    def _headlines(self, kind: str, argument: str) -> None:
        size = _count(argument) or _LIST_SIZE
        rows = self._desk.latest(size) if kind == "latest" else self._desk.popular(size)
        if not rows:
            self._say(text(self.lang, "list_empty"))
            return
        title = text(self.lang, f"{kind}_title")
        self._say(render_headlines(title, rows, self.lang, markup=PLAIN, open_command=True))

    def _search(self, words: str) -> None:
        if not words:
            self._say(text(self.lang, "search_usage"))
            return
        hits = self._desk.search(words, _LIST_SIZE)
        rendered = render_search(words, hits, self.lang, PLAIN)
        ids = sorted({hit.article_id for hit in hits if hit.article_id is not None})
        opener = "\n" + " ".join(f"/open {article_id}" for article_id in ids) if ids else ""
        self._say(rendered + opener)

    def _language(self, argument: str) -> None:
        state = self._desk.chat_state(self._chat_id)
        choice = argument.lower() if argument.lower() in ("id", "en") else None
        self._desk.save_chat_state(dataclasses.replace(state, reply_language=choice))
        self._say(text(self.lang, "settings_saved"))

    def _help(self, _argument: str) -> None:
        self._say(text(self.lang, "start") + "\n\n" + text(self.lang, "console_help"))

    def _read_line(self) -> str | None:
        if self._input.isatty():
            self._output.write("> ")
            self._output.flush()
        line = self._input.readline()
        return line if line else None

    def _say(self, message: str) -> None:
        self._output.write(message.rstrip() + "\n\n")
        self._output.flush()


def is_question_line(line: str) -> bool:
    """A one-line question is answered at once; anything else starts a paste."""
    return line.rstrip().endswith("?") and len(line) < 400


def _count(argument: str) -> int | None:
    return max(1, min(int(argument), _MAX_SENTENCES)) if argument.isdigit() else None


def run_console(
    desk: NewsDesk, *, input_stream: TextIO, output: TextIO, chat_id: int = 0, user_id: int = 0
) -> None:
    """Hold the Ringkas conversation in a terminal until /quit or the end of input."""
    ConsoleChat(
        desk, input_stream=input_stream, output=output, chat_id=chat_id, user_id=user_id
    ).run()
