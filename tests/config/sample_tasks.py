"""Module-level tasks for the retry tests (django-tasks refuses functions defined in a test)."""

from config.task_retry import retrying_task

# How many more calls of `flaky` fail before one succeeds; the tests set it.
FAILURES_LEFT = {"flaky": 0}


class Unavailable(Exception):
    """Stands in for an SMTP server or storage that is down for a moment."""


@retrying_task(max_attempts=3, backoff_seconds=30)
def flaky(value: int) -> int:
    if FAILURES_LEFT["flaky"] > 0:
        FAILURES_LEFT["flaky"] -= 1
        raise Unavailable("try again later")
    return value * 2


@retrying_task(max_attempts=3, backoff_seconds=30)
def always_fails(value: int) -> None:
    raise Unavailable(f"down for {value}")
