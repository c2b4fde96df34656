"""/healthz answers 200 when the database, cache and storages work, 503 naming only what fails."""

import boto3
import pytest
from moto import mock_aws

from django.db import OperationalError

from config import health
from config.settings.cache import caches
from config.settings.object_storage import s3_storages
from tests.config.test_object_storage import ENV

pytestmark = pytest.mark.django_db


def test_all_well(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405


def test_a_database_that_is_down_is_named_and_nothing_more(client, monkeypatch, caplog):
    class Unreachable:
        def cursor(self):
            raise OperationalError('connection to server at "db.internal.example" (10.1.2.3) refused')

    monkeypatch.setattr(health, "connections", {"default": Unreachable()})

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "failing": ["database"]}
    assert b"db.internal" not in response.content and b"10.1.2.3" not in response.content
    assert "db.internal.example" in caplog.text, "the reason goes to the server log"


def test_a_cache_server_that_is_down(client, settings):
    # Nothing listens on port 1: a real connection refused from the Redis client.
    settings.CACHES = caches("redis://127.0.0.1:1")  # the production configuration

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "failing": ["cache"]}


def test_buckets_are_checked_when_files_live_in_object_storage(client, settings):
    with mock_aws():
        boto3.client("s3", region_name="eu-west-2").create_bucket(
            Bucket=ENV["AWS_STORAGE_BUCKET_NAME"],
            CreateBucketConfiguration={"LocationConstraint": "eu-west-2"},
        )
        settings.STORAGES = {**settings.STORAGES, **s3_storages(ENV)}

        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "failing": ["private_storage"]}
    assert b"praxis-private" not in response.content
