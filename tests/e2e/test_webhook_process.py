"""The real `ringkas run --webhook-url URL --port N`: updates arrive by HTTP with a secret."""

from __future__ import annotations

import json
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from fake_bot_api import FakeBotApi
from fake_telegram import Reader
from ringkas_process import ringkas_run

pytestmark = pytest.mark.e2e

REPO_ROOT = Path(__file__).resolve().parents[2]
SECRET = "s3cret-token_for-tests"
WAIT_SECONDS = 20.0


def free_port() -> int:
    """A port nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def post_update(port: int, update: dict[str, object], secret: str | None) -> int:
    """POST one update to the bot's webhook and return the HTTP status."""
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/hook",
        data=json.dumps(update).encode(),
        headers=headers,
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)
    except urllib.error.URLError:
        return 0  # nothing listening yet


def wait_until(what: str, condition: object, process: subprocess.Popen[str]) -> None:
    """Poll a condition until it holds, failing if the child exits or time runs out."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return
        if process.poll() is not None:
            pytest.fail(f"ringkas run exited ({process.returncode}) waiting for {what}")
        time.sleep(0.05)
    pytest.fail(f"timed out waiting for {what}")


@pytest.fixture
def webhook_bot(tmp_path: Path) -> Iterator[tuple[FakeBotApi, subprocess.Popen[str], int]]:
    """`python -m bot run --webhook-url ... --port N` against a fake Bot API."""
    api = FakeBotApi()
    api.start()
    port = free_port()
    env = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'webhook.db'}",
        "WEBHOOK_SECRET": SECRET,
        "WEBHOOK_LISTEN": "127.0.0.1",
    }
    arguments = ["--webhook-url", f"http://127.0.0.1:{port}/hook", "--port", str(port)]
    log_path = tmp_path / "webhook.log"
    try:
        with ringkas_run(api, arguments, env, log_path) as process:
            yield api, process, port
    finally:
        api.stop()
    assert SECRET not in log_path.read_text(), "the webhook secret leaked into the logs"


def test_webhook_checks_the_secret_and_answers(
    webhook_bot: tuple[FakeBotApi, subprocess.Popen[str], int],
) -> None:
    api, process, port = webhook_bot
    wait_until("setWebhook", lambda: api.state.calls_of("setWebhook"), process)
    registered = api.state.calls_of("setWebhook")[-1].params
    assert registered["url"] == f"http://127.0.0.1:{port}/hook"
    assert registered["secret_token"] == SECRET
    reader = Reader(user_id=777, language_code="en")

    wait_until("the webhook server", lambda: post_update(port, {}, None) == 403, process)
    assert post_update(port, reader.message("/start"), "wrong") == 403
    assert not api.state.texts()

    assert post_update(port, reader.message("/start"), SECRET) == 200
    wait_until("the /start reply", lambda: any("Ringkas" in t for t in api.state.texts()), process)
    assert len(api.state.calls_of("sendMessage")) == 1
