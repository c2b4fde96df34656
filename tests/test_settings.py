"""Production settings refuse to start without their secrets."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

ROOT = Path(__file__).resolve().parent.parent
THROWAWAY_SIGNING_KEY = (
    Ed25519PrivateKey.generate()
    .private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    .decode()
)
REQUIRED = {
    "SECRET_KEY": "a-long-random-production-secret-for-this-test-only",
    "ALLOWED_HOSTS": "praxis.example",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/postgres",
    "PRAXIS_SIGNING_KEY": THROWAWAY_SIGNING_KEY,
}


def load_production_settings(env: dict) -> subprocess.CompletedProcess:
    code = "import django; django.setup(); from django.conf import settings; print(settings.ALLOWED_HOSTS)"
    clean_env = {k: v for k, v in os.environ.items() if k not in REQUIRED}
    clean_env.update(env, DJANGO_SETTINGS_MODULE="config.settings.production")
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], cwd=ROOT, env=clean_env, capture_output=True, text=True, check=False
    )


def test_production_starts_with_every_secret():
    result = load_production_settings(REQUIRED)
    assert result.returncode == 0, result.stderr
    assert "praxis.example" in result.stdout


@pytest.mark.parametrize("missing", sorted(REQUIRED))
def test_production_refuses_to_start_without(missing):
    env = {k: v for k, v in REQUIRED.items() if k != missing}
    result = load_production_settings(env)
    assert result.returncode != 0
    assert f"Set the {missing} environment variable" in result.stderr
