"""A backup of a populated site restores into a fresh database and buckets that answer the same."""

import difflib
import json
import subprocess
import sys

import pytest

from tests.deploy.stack import ROOT

# Marked so pytest-django makes the test database, which the source site is copied from.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def site_env(stack, database_url: str, prefix: str) -> dict:
    for bucket in (f"{prefix}-media", f"{prefix}-private"):
        stack.s3().create_bucket(Bucket=bucket)
    return {
        **stack.env,
        "DATABASE_URL": database_url,
        "AWS_STORAGE_BUCKET_NAME": f"{prefix}-media",
        "AWS_PRIVATE_STORAGE_BUCKET_NAME": f"{prefix}-private",
        # Its own Redis database: restore.sh clears the cache, which must not be another site's.
        "REDIS_URL": f"redis://127.0.0.1:{stack.ports['redis']}/{3 if prefix == 'restored' else 2}",
        "PYTHON": sys.executable,
    }


def run(args: list[str], env: dict, timeout: float = 300) -> str:
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)  # noqa: S603
    assert result.returncode == 0, f"{' '.join(args)}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result.stdout


def difference(before: str, after: str) -> str:
    lines = difflib.unified_diff(
        before.splitlines(), after.splitlines(), "backed up", "restored", lineterm=""
    )
    return "\n".join(list(lines)[:40])


def site_answers(env: dict) -> dict:
    return json.loads(run([sys.executable, "tests/deploy/site_answers.py"], env))


def test_a_restored_backup_serves_the_same_pages_and_verifications(stack, databases, tmp_path):
    from django.db import connection

    name = connection.settings_dict["NAME"]
    source = site_env(stack, databases.create(f"{name}_source", copy_of=name), "source")
    run([sys.executable, "manage.py", "load_demo_content", "--force", "-v0"], source, timeout=600)
    before = site_answers(source)
    assert len(before["pages"]) > 10 and before["certificates"], "the demo site has pages and a certificate"
    assert all(status == 200 for status, _ in before["pages"].values()), before["pages"].keys()

    run(["deploy/backup.sh", str(tmp_path / "backup")], source)
    restored = site_env(stack, databases.create(f"{name}_restored"), "restored")
    run(["deploy/restore.sh", str(tmp_path / "backup")], restored)
    after = site_answers(restored)

    assert after["pages"].keys() == before["pages"].keys()
    for url, answer in before["pages"].items():
        assert after["pages"][url] == answer, f"{url}:\n{difference(answer[1], after['pages'][url][1])}"
    assert after["certificates"] == before["certificates"]
    assert all(certificate["identical"] for certificate in after["certificates"].values())
    s3 = stack.s3()
    for kind in ("media", "private"):
        keys = {
            bucket: sorted(item["Key"] for item in s3.list_objects_v2(Bucket=bucket).get("Contents", []))
            for bucket in (f"source-{kind}", f"restored-{kind}")
        }
        assert keys[f"source-{kind}"] and keys[f"source-{kind}"] == keys[f"restored-{kind}"], kind
