"""The real `ringkas run` process polling a fake Bot API: a reader's whole session, with faults."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_bot_api import FakeBotApi
from fake_telegram import JSON, Reader, buttons, page
from ringkas_process import ringkas_run

pytestmark = pytest.mark.e2e

REPO_ROOT = Path(__file__).resolve().parents[2]
WAIT_SECONDS = 20.0


class BotProcess:
    """The child process and the fake API it talks to."""

    def __init__(self, api: FakeBotApi, process: subprocess.Popen[str]) -> None:
        self.api = api
        self.process = process

    def wait_for(self, what: str, condition: Callable[[], Any]) -> Any:
        """Poll until `condition()` is truthy; fail with the child's state when it never is."""
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            result = condition()
            if result:
                return result
            if self.process.poll() is not None:
                pytest.fail(f"ringkas run exited ({self.process.returncode}) waiting for {what}")
            time.sleep(0.05)
        pytest.fail(f"timed out waiting for {what}; sent: {self.api.state.texts()[-3:]}")

    def reply_containing(self, fragment: str, after: int = 0) -> JSON:
        """Wait for a sent message (from index `after`) whose text contains `fragment`."""

        def found() -> JSON | None:
            for message in self.api.state.sent[after:]:
                if fragment in message["html"]:
                    return self.api.state.message(message["chat"]["id"], message["message_id"])
            return None

        result: JSON = self.wait_for(repr(fragment), found)
        return result

    def say(self, update: JSON, expect: str) -> JSON:
        """Send one update and wait for the reply containing `expect`."""
        before = len(self.api.state.sent)
        self.api.inject(update)
        return self.reply_containing(expect, before)


@pytest.fixture
def bot_process(tmp_path: Path) -> Iterator[BotProcess]:
    """`python -m bot run` against a fresh fake Bot API; always stopped afterwards."""
    api = FakeBotApi()
    api.start()
    env = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'e2e.db'}",
        "MERGE_WINDOW_SECONDS": "0.6",
        "WEBHOOK_URL": "",
    }
    try:
        with ringkas_run(api, [], env, tmp_path / "ringkas.log") as process:
            yield BotProcess(api, process)
    finally:
        api.stop()


def test_a_reader_session_survives_faults(bot_process: BotProcess) -> None:
    bot, api = bot_process, bot_process.api
    bot.wait_for("setMyCommands", lambda: len(api.state.calls_of("setMyCommands")) == 2)
    bot.wait_for("polling", lambda: api.state.calls_of("getUpdates") or True)
    reader = Reader(user_id=501, language_code="id")

    bot.say(reader.message("/start"), "Saya Ringkas")
    summary = bot.say(reader.message(page("rmol_banjir.txt")), "Banjir Rendam Ribuan Rumah")
    assert "dari" in summary["html"]
    assert "kalimat" in summary["html"]
    assert "sendChatAction" in api.state.methods()

    long_page = page("long_prioritas.txt")
    cut = long_page.rfind(" ", 0, 4000)
    before = len(api.state.sent)
    api.inject(reader.message(long_page[:cut]), reader.message(long_page[cut + 1 :]))
    bot.reply_containing("Pemerintah Paparkan Prioritas", before)
    time.sleep(1.0)  # a second article would have arrived by now
    assert len(api.state.sent) == before + 1

    answer = bot.say(reader.reply("berapa pompa mobile yang dikerahkan?", summary), "<blockquote>")
    assert "150 pompa mobile" in answer["html"]

    listing = bot.say(reader.message("/latest 3"), "Judul terbaru")
    edits = len(api.state.calls_of("editMessageText"))
    api.inject(reader.press(listing, buttons(listing)["Berikutnya ▶"]))
    bot.wait_for("next page", lambda: len(api.state.calls_of("editMessageText")) > edits)
    opener = next(data for data in buttons(listing).values() if data.startswith("open:"))
    bot.say(reader.press(listing, opener), "kalimat")
    bot.say(reader.message("/popular"), "Judul terpopuler")

    content = page("english_rail.txt").encode()
    api.state.add_file("doc1", "rail.txt", content)
    bot.say(reader.document("doc1", "rail.txt", len(content)), "Light Rail")
    api.state.add_file("doc2", "junk.txt", b"\x00\x01\x02binary junk")
    bot.say(
        reader.document("doc2", "junk.txt", 17), "biner"
    )  # the reason, in the reader's Indonesian

    faults_from = len(api.state.sent)
    api.state.fail_next("sendMessage", 429, retry_after=1)
    bot.say(reader.message("/help"), "Cara memakai Ringkas")
    api.state.fail_next("sendMessage", 502, count=2)
    bot.say(reader.message("/ask siapa kepala BPBD DKI Jakarta?"), "<blockquote>")

    time.sleep(0.5)
    after_faults = api.state.texts()[faults_from:]
    assert len(after_faults) == 2, after_faults  # each reply once: none lost, none doubled
    assert "Cara memakai Ringkas" in after_faults[0]
    assert "Isnawa" in after_faults[1]
    refused = 1 + 2
    assert len(api.state.calls_of("sendMessage")) == len(api.state.sent) + refused
