"""The multi-process tests start real services; each test here is marked `deploy`.

They need PostgreSQL (the processes share one database: a copy of the test database) and the
binaries in stack.BINARIES. Without a binary they skip locally; CI sets PRAXIS_REQUIRE_DEPLOY=1
so they fail instead.
"""

import os
import subprocess
from pathlib import Path

import psycopg
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tests.deploy.stack import Stack, binary, missing_binaries


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if Path(item.fspath).is_relative_to(here) and item.fspath.basename != "test_deploy_files.py":
            item.add_marker(pytest.mark.deploy)


def require_services(connection) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("The multi-process tests share one PostgreSQL database: set DATABASE_URL (CI does).")
    missing = missing_binaries()
    if missing:
        message = f"The multi-process tests need {', '.join(missing)} (apt install redis-server nginx-light)."
        if os.environ.get("PRAXIS_REQUIRE_DEPLOY"):
            pytest.fail(message)
        pytest.skip(message)


def postgres_url(settings: dict, name: str) -> str:
    password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
    return f"postgres://{settings['USER']}{password}@{settings['HOST']}:{settings['PORT'] or 5432}/{name}"


class Databases:
    """Fresh databases on the test database's server, copied from it or empty."""

    def __init__(self, settings: dict, blocker):
        self.settings = settings
        self.blocker = blocker  # pytest-django's django_db_blocker
        self.made: list[str] = []

    def admin(self):
        return psycopg.connect(postgres_url(self.settings, "postgres"), autocommit=True)

    def create(self, name: str, *, copy_of: str | None = None) -> str:
        """An empty database, or a copy of `copy_of` made with pg_dump | pg_restore. Not
        CREATE DATABASE ... TEMPLATE: that needs the source to have no other session, and the
        test database has some (the browser tests' live server thread keeps one open)."""
        with self.admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{name}"')
        self.made.append(name)
        url = postgres_url(self.settings, name)
        if copy_of:
            from django.db import connection

            with self.blocker.unblock():
                restore_migrated_data(connection)
            dump = subprocess.run(  # noqa: S603 (our own arguments)
                [
                    binary("pg_dump"),
                    "--format=custom",
                    "--no-owner",
                    "--no-acl",
                    postgres_url(self.settings, copy_of),
                ],
                check=True,
                capture_output=True,
            )
            subprocess.run(  # noqa: S603
                [binary("pg_restore"), "--no-owner", "--no-acl", "--exit-on-error", "--dbname", url],
                input=dump.stdout,
                check=True,
                capture_output=True,
            )
        return url

    def drop_all(self) -> None:
        with self.admin() as admin:
            for name in self.made:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def databases(django_db_setup, django_db_blocker):
    from django.db import connection

    require_services(connection)
    made = Databases(connection.settings_dict, django_db_blocker)
    yield made
    made.drop_all()


@pytest.fixture(scope="session")
def signing_key() -> str:
    key = Ed25519PrivateKey.generate()
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


def restore_migrated_data(connection) -> None:
    """Put back the rows the migrations made (the site, its home page, the groups) if a
    transactional test in this worker flushed them, as serialized_rollback does before such a
    test: the copy for the processes must start from a migrated site whatever ran before."""
    from wagtail.models import Site

    contents = getattr(connection, "_test_serialized_contents", None)
    if contents and not Site.objects.exists():
        connection.creation.deserialize_db_from_string(contents)


@pytest.fixture(scope="session")
def stack(databases, signing_key, tmp_path_factory):
    from django.db import connection

    name = f"{connection.settings_dict['NAME']}_deploy"
    running = Stack(tmp=tmp_path_factory.mktemp("stack"), database_url="")
    running.database_url = databases.create(name, copy_of=connection.settings_dict["NAME"])
    try:
        running.start(signing_key)
        yield running
    finally:
        running.stop()
