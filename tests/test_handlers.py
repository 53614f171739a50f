"""Every reader flow through `app.process_update` on the recording fake Bot API and a real desk."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Any

import pytest
from fake_telegram import (
    BOT_USERNAME,
    TOKEN,
    BotApiState,
    Harness,
    Reader,
    RecordingRequest,
    buttons,
    make_settings,
    page,
)

from bot.app import build_application


async def start_harness(sqlite_url: str, **overrides: Any) -> Harness:
    """An initialised application on a fresh database."""
    api = BotApiState()
    request = RecordingRequest(api)
    app = build_application(
        make_settings(sqlite_url, **overrides), request=request, get_updates_request=request
    )
    await app.initialize()
    return Harness(app=app, api=api)


@pytest.fixture
async def bot(sqlite_url: str) -> AsyncIterator[Harness]:
    """The bot with default test settings."""
    harness = await start_harness(sqlite_url)
    yield harness
    await harness.app.shutdown()
    await harness.app.post_shutdown(harness.app)  # type: ignore[misc]


@pytest.fixture
def reader() -> Reader:
    """An English-speaking reader in a private chat."""
    return Reader(user_id=111, language_code="en")


@pytest.fixture
def pembaca() -> Reader:
    """An Indonesian-speaking reader in a private chat."""
    return Reader(user_id=222, language_code="id")


async def paste(bot: Harness, reader: Reader, name: str = "rmol_banjir.txt") -> dict[str, Any]:
    """Paste a fixture page; return the summary message."""
    await bot.send(reader.message(page(name)))
    return bot.last()


# --- /start, /help, commands ----------------------------------------------------------------


async def test_start_in_english(bot: Harness, reader: Reader) -> None:
    await bot.send(reader.message("/start"))
    assert "I am Ringkas" in bot.replies()[-1]
    assert "/latest" in bot.replies()[-1]


async def test_start_and_help_in_indonesian(bot: Harness, pembaca: Reader) -> None:
    await bot.send(pembaca.message("/start"), pembaca.message("/help"))
    start, help_text = bot.replies()
    assert "Saya Ringkas" in start
    assert "Cara memakai Ringkas" in help_text
    assert "Saya Ringkas" not in help_text


async def test_commands_registered_in_both_languages(bot: Harness) -> None:
    await bot.app.post_init(bot.app)  # type: ignore[misc]
    calls = bot.api.calls_of("setMyCommands")
    languages = {call.params.get("language_code") for call in calls}
    assert languages == {None, "id"}
    indonesian = next(call for call in calls if call.params.get("language_code") == "id")
    names = [command["command"] for command in indonesian.params["commands"]]
    assert {"start", "help", "latest", "popular", "summary", "search", "settings", "forget"} <= set(
        names
    )


async def test_unknown_command_points_to_help(bot: Harness, reader: Reader) -> None:
    await bot.send(reader.message("/frobnicate"))
    assert "/help" in bot.replies()[-1]


# --- articles --------------------------------------------------------------------------------


async def test_paste_replies_with_summary_and_buttons(bot: Harness, pembaca: Reader) -> None:
    summary = await paste(bot, pembaca)
    text = summary["html"]
    assert "<b>Banjir Rendam Ribuan Rumah di Jakarta Timur" in text
    assert "15 Januari 2024 09:30 WIB" in text
    assert "dari" in text
    assert "kalimat" in text
    assert "Kata kunci" in text
    labels = buttons(summary)
    assert {"🔼 Lebih panjang", "🔽 Lebih pendek", "📄 Teks lengkap", "❓ Tanya soal ini"} == set(
        labels
    )
    assert "sendChatAction" in bot.api.methods()
    assert all(call.params.get("parse_mode") == "HTML" for call in bot.api.calls_of("sendMessage"))


async def test_english_page_in_english(bot: Harness, reader: Reader) -> None:
    summary = await paste(bot, reader, "english_rail.txt")
    assert "City Council Approves New Light Rail Line" in summary["html"]
    assert "sentences" in summary["html"]
    assert "Keywords" in summary["html"]


async def test_same_article_twice_is_not_stored_twice(bot: Harness, reader: Reader) -> None:
    first = await paste(bot, reader)
    bot.clear()
    again = await paste(bot, reader)
    duplicate_note, summary = bot.replies()
    assert "I already have this one" in duplicate_note
    assert "Banjir Rendam" in summary
    assert buttons(again) == buttons(first)


async def test_forwarded_post_is_read_as_article(bot: Harness, reader: Reader) -> None:
    await bot.send(reader.forward(page("english_rail.txt")))
    assert "Light Rail" in bot.replies()[-1]


async def test_forwarded_junk_gets_friendly_reason(bot: Harness, reader: Reader) -> None:
    await bot.send(reader.forward("\x00\x01\x02 ..."))
    assert "Sorry, I can't read that as a news article" in bot.replies()[-1]


async def test_split_paste_is_merged_into_one_article(bot: Harness, pembaca: Reader) -> None:
    text = page("long_prioritas.txt")
    cut = text.rfind(" ", 0, 4000)
    await bot.send_together(pembaca.message(text[:cut]), pembaca.message(text[cut + 1 :]))
    summaries = [reply for reply in bot.replies() if "Pemerintah Paparkan Prioritas" in reply]
    assert len(summaries) == 1
    assert len(bot.replies()) == 1
    desk = bot.app.bot_data["ringkas.deps"].desk
    article = desk.current_article(pembaca.user_id)
    assert article.paragraphs[-1].endswith("berjalan dengan baik dan transparan.")
    assert len(article.sentences) > 40


# --- documents ------------------------------------------------------------------------------


async def test_txt_file_is_summarized(bot: Harness, reader: Reader) -> None:
    content = page("english_rail.txt").encode()
    bot.api.add_file("f1", "rail.txt", content)
    await bot.send(reader.document("f1", "rail.txt", len(content)))
    assert "Light Rail" in bot.replies()[-1]


async def test_html_file_is_summarized(bot: Harness, reader: Reader) -> None:
    paragraphs = "".join(f"<p>{line}</p>" for line in page("english_rail.txt").split("\n\n"))
    content = f"<!doctype html><html><body>{paragraphs}</body></html>".encode()
    bot.api.add_file("f2", "rail.html", content)
    await bot.send(reader.document("f2", "rail.html", len(content)))
    assert "Light Rail" in bot.replies()[-1]


async def test_binary_file_gets_friendly_reason(bot: Harness, reader: Reader) -> None:
    bot.api.add_file("f3", "photo.txt", b"\x89PNG\x00\x00\x00binary")
    await bot.send(reader.document("f3", "photo.txt", 15))
    assert "binary" in bot.replies()[-1]
    assert "Traceback" not in bot.replies()[-1]


async def test_too_large_file_is_refused_without_download(bot: Harness, pembaca: Reader) -> None:
    await bot.send(pembaca.document("big", "besar.txt", 3_000_000))
    assert "terlalu besar" in bot.replies()[-1]
    assert "getFile" not in bot.api.methods()


async def test_other_file_kinds_are_refused(bot: Harness, reader: Reader) -> None:
    await bot.send(reader.document("pdf", "report.pdf", 1000))
    assert ".txt, .html and .md" in bot.replies()[-1]


# --- questions ------------------------------------------------------------------------------


async def test_plain_question_quotes_stored_sentence(bot: Harness, pembaca: Reader) -> None:
    await paste(bot, pembaca)
    await bot.send(pembaca.message("berapa pompa mobile yang dikerahkan?"))
    answer = bot.replies()[-1]
    assert "<blockquote>" in answer
    assert "150 pompa mobile" in answer
    assert "Banjir Rendam Ribuan Rumah" in answer


async def test_ask_command_and_reply_to_summary(bot: Harness, reader: Reader) -> None:
    summary = await paste(bot, reader, "english_rail.txt")
    await bot.send(reader.message("/ask how long will the line run?"))
    assert "18 kilometres" in bot.replies()[-1]
    await bot.send(reader.reply("when will construction begin?", summary))
    assert "next spring" in bot.replies()[-1]


async def test_ask_without_question_explains(bot: Harness, reader: Reader) -> None:
    await bot.send(reader.message("/ask"))
    assert "Write the question too" in bot.replies()[-1]


async def test_unknown_answer_says_so_and_offers_headlines(bot: Harness, reader: Reader) -> None:
    await paste(bot, reader)
    await bot.send(reader.message("zebra quantum violin?"))
    reply = bot.last()
    assert "I don't know that" in reply["html"]


# --- lists, summary, search -------------------------------------------------------------------


async def test_latest_and_popular_lists_with_buttons(bot: Harness, pembaca: Reader) -> None:
    await paste(bot, pembaca)
    await bot.send(pembaca.message("/latest 3"))
    latest = bot.last()
    assert "Judul terbaru" in latest["html"]
    assert "1. " in latest["html"]
    assert "3. " in latest["html"]
    assert "Berikutnya ▶" in buttons(latest)
    await bot.send(pembaca.press(latest, buttons(latest)["Berikutnya ▶"]))
    page_two = bot.api.message(latest["chat"]["id"], latest["message_id"])
    assert "4. " in page_two["html"]
    assert "◀ Sebelumnya" in buttons(page_two)
    await bot.send(pembaca.message("/popular"))
    assert "Judul terpopuler" in bot.replies()[-1]


async def test_open_button_sends_summary(bot: Harness, reader: Reader) -> None:
    await paste(bot, reader)
    await bot.send(reader.message("/latest 10"))
    listing = bot.last()
    openers = {label: data for label, data in buttons(listing).items() if data.startswith("open:")}
    assert openers
    await bot.send(reader.press(listing, next(iter(openers.values()))))
    assert "Banjir Rendam" in bot.replies()[-1]
    assert "answerCallbackQuery" in bot.api.methods()


async def test_empty_lists_are_friendly(bot: Harness, reader: Reader) -> None:
    await bot.send(reader.message("/latest"), reader.message("/popular"))
    assert all("No headlines yet" in reply for reply in bot.replies())


async def test_summary_command_and_buttons(bot: Harness, reader: Reader) -> None:
    await paste(bot, reader)
    await bot.send(reader.message("/summary 5"))
    summary = bot.last()
    assert summary["html"].count("• ") == 5
    await bot.send(reader.press(summary, buttons(summary)["🔼 More"]))
    assert bot.api.message(summary["chat"]["id"], summary["message_id"])["html"].count("• ") == 6
    await bot.send(reader.message("/summary 1"))
    short = bot.last()
    await bot.send(reader.press(short, buttons(short)["🔽 Fewer"]))
    answers = bot.api.calls_of("answerCallbackQuery")
    assert answers[-1].params.get("text") == "That is already the shortest."
    await bot.send(reader.press(short, buttons(short)["📄 Full text"]))
    assert "nomor darurat 112" in bot.replies()[-1]
    await bot.send(reader.press(short, buttons(short)["❓ Ask about this"]))
    assert "Ask me anything about: Banjir" in bot.replies()[-1]


async def test_summary_without_article(bot: Harness, pembaca: Reader) -> None:
    await bot.send(pembaca.message("/summary"))
    assert "Belum ada artikel" in bot.replies()[-1]


async def test_search_lists_matches_with_open_buttons(bot: Harness, reader: Reader) -> None:
    await paste(bot, reader)
    await bot.send(reader.message("/search pompa"))
    result = bot.last()
    assert "pompa" in result["html"]
    assert any(data.startswith("open:") for data in buttons(result).values())
    await bot.send(reader.message("/search"))
    assert "Write the words" in bot.replies()[-1]


# --- settings, forget ---------------------------------------------------------------------------


async def test_settings_buttons_change_length_and_language(bot: Harness, reader: Reader) -> None:
    await bot.send(reader.message("/settings"))
    panel = bot.last()
    assert "Summary length: 3 sentences" in panel["html"]
    await bot.send(reader.press(panel, buttons(panel)["5"]))
    await bot.send(reader.press(panel, buttons(panel)["Indonesian"]))
    updated = bot.api.message(panel["chat"]["id"], panel["message_id"])
    assert "Panjang ringkasan: 5 kalimat" in updated["html"]
    summary = await paste(bot, reader)
    assert summary["html"].count("• ") == 5
    assert "kalimat" in summary["html"]


async def test_forget_needs_confirmation(bot: Harness, reader: Reader) -> None:
    await paste(bot, reader)
    await bot.send(reader.message("/forget"))
    prompt = bot.last()
    await bot.send(reader.press(prompt, buttons(prompt)["Cancel"]))
    assert (
        "Nothing was deleted" in bot.api.message(prompt["chat"]["id"], prompt["message_id"])["html"]
    )
    await bot.send(reader.message("/forget"))
    prompt = bot.last()
    await bot.send(reader.press(prompt, buttons(prompt)["Yes, delete"]))
    done = bot.api.message(prompt["chat"]["id"], prompt["message_id"])["html"]
    assert "1 articles deleted" in done
    await bot.send(reader.message("/summary"))
    assert "There is no article yet" in bot.replies()[-1]


# --- groups ---------------------------------------------------------------------------------------


async def test_groups_answer_only_commands_mentions_and_replies(bot: Harness) -> None:
    member = Reader(user_id=333, language_code="en", chat_id=-100500, chat_type="supergroup")
    await bot.send(member.message("/start"))
    assert len(bot.replies()) == 1
    await bot.send(member.message(page("english_rail.txt")))
    await bot.send(member.message("who is the mayor?"))
    assert len(bot.replies()) == 1
    await bot.send(member.mention(page("english_rail.txt")))
    summary = bot.last()
    assert "Light Rail" in summary["html"]
    await bot.send(member.mention("how long will the line run?"))
    assert "18 kilometres" in bot.replies()[-1]
    await bot.send(member.reply("when will construction begin?", summary))
    assert "next spring" in bot.replies()[-1]
    bot.clear()
    await bot.send(member.message(f"/latest@{BOT_USERNAME}"), member.message("/latest@other_bot"))
    assert len(bot.replies()) == 1
    assert "Latest headlines" in bot.replies()[0]


# --- safety: escaping, errors, limits, logs ---------------------------------------------------


async def test_reader_text_is_escaped(bot: Harness, reader: Reader) -> None:
    hostile = page("english_rail.txt").replace("Mayor Daniel Okafor", "Mayor <b>Daniel</b> & <i>Co")
    await bot.send(reader.message(hostile))
    await bot.send(reader.message("/search <b>Daniel</b>"))
    assert "&lt;b&gt;Daniel&lt;/b&gt;" in bot.replies()[-1]
    await bot.send(reader.message("/summary 7"))
    assert "&lt;i&gt;Co" in bot.replies()[-1]


async def test_desk_failure_is_logged_and_apologised(
    bot: Harness, pembaca: Reader, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = bot.app.bot_data["ringkas.deps"].desk

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("database on fire")

    monkeypatch.setattr(desk, "receive", broken)
    with caplog.at_level(logging.ERROR):
        await bot.send(pembaca.message("siapa gubernurnya?"))
    assert "Maaf, ada yang salah" in bot.replies()[-1]
    assert "Traceback" not in bot.replies()[-1]
    record = next(record for record in caplog.records if record.name == "handlers.errors")
    assert record.exc_info is not None


async def test_slow_work_times_out_politely(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot = await start_harness(sqlite_url, work_timeout_seconds=0.05)
    desk = bot.app.bot_data["ringkas.deps"].desk

    def slow(*_args: object, **_kwargs: object) -> None:
        import time

        time.sleep(0.3)

    monkeypatch.setattr(desk, "ask", slow)
    await bot.send(Reader().message("/ask anything"))
    assert "took too long" in bot.replies()[-1]
    await bot.app.shutdown()


async def test_rate_limit_is_per_reader_and_friendly(sqlite_url: str) -> None:
    bot = await start_harness(sqlite_url, messages_per_minute=3)
    eager, calm = Reader(user_id=1), Reader(user_id=2)
    await bot.send(*(eager.message("/help") for _ in range(5)))
    notes = [reply for reply in bot.replies() if "I read up to 3 messages a minute" in reply]
    assert len(notes) == 1
    assert len(bot.replies()) == 4
    await bot.send(calm.message("/help"))
    assert "How to use Ringkas" in bot.replies()[-1]
    await bot.app.shutdown()


async def test_token_never_logged_at_info(
    bot: Harness, reader: Reader, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        await paste(bot, reader)
        await bot.send(reader.message("who is the mayor?"), reader.message("/latest"))
    assert all(TOKEN not in record.getMessage() for record in caplog.records)
