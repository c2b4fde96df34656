"""Tasks that are retried with backoff when they fail, and logged, instead of lost.

django-tasks records a failed run and stops there. `retrying_task` wraps the function so a
failure queues the next attempt for later (exponential backoff) on a backend that can defer,
such as the database backend the worker serves in production; the failed run still shows as
failed with its traceback. The immediate backend (tests, development) cannot defer, so there
the attempts run back to back inside the same call.
"""

import datetime
import functools
import logging
from collections.abc import Callable
from typing import Any

from django_tasks import task
from django_tasks.base import Task

from django.utils import timezone

logger = logging.getLogger("praxis.tasks")

# The keyword the wrapper passes to itself so each queued retry knows which attempt it is.
ATTEMPT_KWARG = "_praxis_attempt"


def backoff_delay(attempt: int, base_seconds: float) -> datetime.timedelta:
    """How long to wait before attempt `attempt + 1`: base, 2 x base, 4 x base, …"""
    return datetime.timedelta(seconds=base_seconds * 2 ** (attempt - 1))


def retrying_task(
    *, max_attempts: int = 5, backoff_seconds: float = 60, **task_options: Any
) -> Callable[[Callable], Task]:
    """Like `django_tasks.task`, but a failed attempt is logged and retried up to max_attempts."""
    if max_attempts < 1:
        raise ValueError("max_attempts must be at least 1")

    def decorator(func: Callable) -> Task:
        @functools.wraps(func)
        def run(*args: Any, **kwargs: Any) -> Any:
            attempt = int(kwargs.pop(ATTEMPT_KWARG, 1))
            while True:
                try:
                    return func(*args, **kwargs)
                except Exception as error:
                    final = attempt >= max_attempts
                    log_failure(the_task, attempt, max_attempts, error, final=final)
                    if final:
                        raise
                    if not the_task.get_backend().supports_defer:
                        attempt += 1
                        continue
                    delay = backoff_delay(attempt, backoff_seconds)
                    the_task.using(run_after=timezone.now() + delay).enqueue(
                        *args, **kwargs, **{ATTEMPT_KWARG: attempt + 1}
                    )
                    raise

        the_task = task(**task_options)(run)
        return the_task

    return decorator


def log_failure(the_task: Task, attempt: int, max_attempts: int, error: Exception, *, final: bool) -> None:
    logger.log(
        logging.ERROR if final else logging.WARNING,
        "Task %s failed on attempt %d of %d (%s)%s",
        the_task.module_path,
        attempt,
        max_attempts,
        type(error).__name__,
        "; giving up" if final else "; retrying",
        exc_info=error,
        extra={
            "task": the_task.module_path,
            "attempt": attempt,
            "max_attempts": max_attempts,
            "will_retry": not final,
        },
    )
