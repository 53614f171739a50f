"""Entry point of the `ringkas` command: configure logging, then run the command line."""

import logging
import sys

from pydantic import ValidationError

from bot.cli import main as cli_main
from bot.config import Settings


def configure_logging(level: str) -> None:
    """Log to stderr; keep HTTP client chatter (which would show request URLs) quiet."""
    logging.basicConfig(
        level=level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    for noisy in ("httpx", "httpcore", "apscheduler"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def main() -> None:
    """Run `ringkas` with the process arguments and exit with its status."""
    try:
        settings = Settings()
    except ValidationError as error:
        fields = ", ".join(str(issue["loc"][0]).upper() for issue in error.errors())
        sys.exit(f"ringkas: invalid setting(s) {fields}; see .env.example")
    configure_logging(settings.log_level)
    sys.exit(cli_main(sys.argv[1:], settings=settings))


if __name__ == "__main__":
    main()
