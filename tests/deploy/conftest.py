"""The multi-process tests start real services; each test here is marked `deploy`.

They need PostgreSQL (the processes share one database: a copy of the test database) and the
binaries in stack.BINARIES. Without a binary they skip locally; CI sets PRAXIS_REQUIRE_DEPLOY=1
so they fail instead.
"""

import os
import time
from pathlib import Path

import psycopg
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tests.deploy.stack import Stack, missing_binaries


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

    def __init__(self, settings: dict):
        self.settings = settings
        self.made: list[str] = []

    def admin(self):
        return psycopg.connect(postgres_url(self.settings, "postgres"), autocommit=True)

    def create(self, name: str, *, template: str | None = None) -> str:
        from django.db import connections

        clause = f' TEMPLATE "{template}"' if template else ""
        if template:
            connections.close_all()  # a template database must have no sessions
        with self.admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            for attempt in range(20):
                try:
                    admin.execute(f'CREATE DATABASE "{name}"{clause}')
                    break
                except psycopg.errors.ObjectInUse:
                    # The template must have no sessions; a closing connection can linger a moment.
                    if attempt == 19:
                        raise
                    time.sleep(0.25)
        self.made.append(name)
        return postgres_url(self.settings, name)

    def drop_all(self) -> None:
        with self.admin() as admin:
            for name in self.made:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def databases(django_db_setup):
    from django.db import connection

    require_services(connection)
    made = Databases(connection.settings_dict)
    yield made
    made.drop_all()


@pytest.fixture(scope="session")
def signing_key() -> str:
    key = Ed25519PrivateKey.generate()
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


@pytest.fixture(scope="session")
def stack(databases, signing_key, tmp_path_factory, django_db_blocker):
    from django.db import connection

    name = f"{connection.settings_dict['NAME']}_deploy"
    running = Stack(tmp=tmp_path_factory.mktemp("stack"), database_url="")
    with django_db_blocker.unblock():
        running.database_url = databases.create(name, template=connection.settings_dict["NAME"])
    try:
        running.start(signing_key)
        yield running
    finally:
        running.stop()
