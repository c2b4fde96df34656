"""Build the demo site: `python manage.py load_demo_content`.

Each app with demo content declares its `demo` modules, each with `load(*, stdout) -> None`, and
their place in the order on its AppConfig (config/contributions.py), so cms never imports
learning_records or home and each app owns its own demo data. Every loader is
idempotent: running the command twice leaves one copy of everything.
"""

import logging
from contextlib import contextmanager

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from config.contributions import contributions

# They log a line per page published, task run and PDF step; -v 2 shows them.
NOISY_LOGGERS = ["wagtail", "django_tasks", "modelsearch", "weasyprint", "fontTools"]


@contextmanager
def quiet_loggers(*names: str):
    """Hide the INFO lines Wagtail and django-tasks log for every page and task while loading."""
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


class Command(BaseCommand):
    help = "Create (or refresh) the demo partnership site, demo members and their records."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even when DEBUG is off. Demo members have published passwords: never on a live site.",
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Refusing to load demo content with DEBUG off: demo logins have published passwords. "
                "Use --force only on a throwaway database."
            )
        noisy = NOISY_LOGGERS if options.get("verbosity", 1) < 2 else []
        with quiet_loggers(*noisy):
            for loader in contributions("demo"):
                label = apps.get_containing_app_config(loader.__name__).label
                self.stdout.write(f"Loading demo content for {label} ({loader.__name__})…")
                with transaction.atomic():
                    loader.load(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is ready. The README lists the demo logins."))
