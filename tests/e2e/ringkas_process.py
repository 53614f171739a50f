"""Start the real `ringkas run` process for end-to-end tests, and always stop it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from fake_bot_api import FakeBotApi
from fake_telegram import TOKEN

REPO_ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def ringkas_run(
    api: FakeBotApi, arguments: Sequence[str], env: dict[str, str], log_path: Path
) -> Iterator[subprocess.Popen[str]]:
    """Run `python -m bot run ARGUMENTS` against the fake API; stop it and check its log."""
    environment = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_BASE_URL": f"http://127.0.0.1:{api.port}/bot",
        "TELEGRAM_BASE_FILE_URL": f"http://127.0.0.1:{api.port}/file/bot",
        "LOG_LEVEL": "INFO",
        **env,
    }
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "run", *arguments],
            cwd=REPO_ROOT,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            yield process
        finally:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
    output = log_path.read_text()
    assert TOKEN not in output, "the bot token leaked into the logs"
    assert "Traceback" not in output, output[-3000:]
