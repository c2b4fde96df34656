"""What production settings choose for tasks and storage, loaded in a fresh interpreter."""

import json
import os
import subprocess
import sys

from tests.test_settings import REQUIRED, ROOT

SHOW = (
    "import json, django; django.setup(); from django.conf import settings; "
    "print(json.dumps({'tasks': settings.TASKS['default']['BACKEND'], "
    "'default': settings.STORAGES['default'], 'private': settings.STORAGES['private'], "
    "'conn_max_age': settings.DATABASES['default']['CONN_MAX_AGE'], "
    "'health_checks': settings.DATABASES['default']['CONN_HEALTH_CHECKS']}))"
)


def production_settings(**env: str) -> subprocess.CompletedProcess:
    names = {*REQUIRED, "AWS_STORAGE_BUCKET_NAME", "AWS_PRIVATE_STORAGE_BUCKET_NAME", "S3_ENDPOINT_URL"}
    clean_env = {k: v for k, v in os.environ.items() if k not in names}
    clean_env.update(REQUIRED, **env, DJANGO_SETTINGS_MODULE="config.settings.production")
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", SHOW], cwd=ROOT, env=clean_env, capture_output=True, text=True, check=False
    )


def test_production_queues_tasks_for_the_worker_and_keeps_files_local_by_default():
    result = production_settings()
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["tasks"] == "django_tasks_db.DatabaseBackend"
    assert shown["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert shown["private"]["BACKEND"] == "learning_records.common.storage.PrivateFileSystemStorage"
    # A process keeps its database connection (checked before reuse) rather than one per request.
    assert (shown["conn_max_age"], shown["health_checks"]) == (60, True)


def test_production_puts_media_and_private_files_in_their_own_buckets():
    result = production_settings(
        AWS_STORAGE_BUCKET_NAME="media",
        AWS_PRIVATE_STORAGE_BUCKET_NAME="private",
        S3_ENDPOINT_URL="http://127.0.0.1:9000",
    )
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["default"]["OPTIONS"]["bucket_name"] == "media"
    assert shown["private"]["OPTIONS"]["bucket_name"] == "private"
    assert shown["private"]["OPTIONS"]["querystring_auth"] is True


def test_production_refuses_a_bucket_without_a_private_one():
    result = production_settings(AWS_STORAGE_BUCKET_NAME="media")
    assert result.returncode != 0
    assert "Set AWS_PRIVATE_STORAGE_BUCKET_NAME" in result.stderr
