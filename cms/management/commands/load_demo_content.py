"""Build the demo site: `python manage.py load_demo_content`.

Each app that has demo content provides a `demo` module (or package) with
`ORDER: int` and `load(*, stdout) -> None`; this command finds them through the app registry,
so cms never imports learning_records and each app owns its own demo data. Every loader is
idempotent: running the command twice leaves one copy of everything.
"""

import importlib
import importlib.util
import logging
from contextlib import contextmanager

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


def demo_loaders():
    loaders = []
    for app_config in apps.get_app_configs():
        module_name = f"{app_config.name}.demo"
        if importlib.util.find_spec(module_name) is None:
            continue
        module = importlib.import_module(module_name)
        loaders.append((module.ORDER, app_config.label, module.load))
    return sorted(loaders)


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
            for _order, label, load in demo_loaders():
                self.stdout.write(f"Loading demo content for {label}…")
                with transaction.atomic():
                    load(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is ready. The README lists the demo logins."))
