"""Media and private files on S3-compatible object storage, chosen by environment variables.

With AWS_STORAGE_BUCKET_NAME set, public media (images, documents) go to that bucket and the
private storage (CPD evidence, certificate PDFs) to AWS_PRIVATE_STORAGE_BUCKET_NAME, a second
bucket that must never be public. Private files reach people only through the views that check
who is asking; a URL for one, if code ever asks for it, is signed and lasts minutes.
"""

import urllib.parse
from collections.abc import Mapping

from django.core.exceptions import ImproperlyConfigured

S3_BACKEND = "storages.backends.s3.S3Storage"
# Signed URLs for private files: long enough to start a download, too short to share usefully.
PRIVATE_URL_SECONDS_MIN, PRIVATE_URL_SECONDS_MAX = 60, 300


def s3_storages(env: Mapping[str, str]) -> dict[str, dict]:
    """The "default" and "private" STORAGES entries for S3, or {} when no bucket is configured."""
    public_bucket = env.get("AWS_STORAGE_BUCKET_NAME", "").strip()
    if not public_bucket:
        return {}
    private_bucket = env.get("AWS_PRIVATE_STORAGE_BUCKET_NAME", "").strip()
    if not private_bucket or private_bucket == public_bucket:
        raise ImproperlyConfigured(
            "Set AWS_PRIVATE_STORAGE_BUCKET_NAME to a second bucket, not public, for CPD evidence "
            "and certificates; they must not share the public media bucket."
        )
    expire = int(env.get("AWS_PRIVATE_URL_SECONDS", str(PRIVATE_URL_SECONDS_MAX)))
    if not PRIVATE_URL_SECONDS_MIN <= expire <= PRIVATE_URL_SECONDS_MAX:
        raise ImproperlyConfigured(
            f"AWS_PRIVATE_URL_SECONDS must be between {PRIVATE_URL_SECONDS_MIN} and "
            f"{PRIVATE_URL_SECONDS_MAX}."
        )
    connection = {
        key: value
        for key, value in {
            "endpoint_url": env.get("S3_ENDPOINT_URL", "").strip() or None,
            "region_name": env.get("S3_REGION_NAME", "").strip() or None,
            "access_key": env.get("AWS_ACCESS_KEY_ID", "").strip() or None,
            "secret_key": env.get("AWS_SECRET_ACCESS_KEY", "").strip() or None,
            "addressing_style": env.get("S3_ADDRESSING_STYLE", "").strip() or None,
        }.items()
        if value is not None
    }
    return {
        "default": {
            "BACKEND": S3_BACKEND,
            "OPTIONS": {
                **connection,
                "bucket_name": public_bucket,
                # Public media are read by anyone through the bucket's (or a CDN's) address.
                "querystring_auth": False,
                "custom_domain": env.get("AWS_S3_CUSTOM_DOMAIN", "").strip() or None,
                "file_overwrite": False,
            },
        },
        "private": {
            "BACKEND": S3_BACKEND,
            "OPTIONS": {
                **connection,
                "bucket_name": private_bucket,
                "default_acl": "private",
                "querystring_auth": True,
                "querystring_expire": expire,
                "custom_domain": None,
                "file_overwrite": False,
            },
        },
    }


def media_origins(env: Mapping[str, str]) -> tuple[str, ...]:
    """Where browsers fetch public media from when it lives in a bucket (for the CSP's img-src)."""
    bucket = env.get("AWS_STORAGE_BUCKET_NAME", "").strip()
    if not bucket:
        return ()
    if domain := env.get("AWS_S3_CUSTOM_DOMAIN", "").strip():
        return (f"https://{domain}",)
    if endpoint := env.get("S3_ENDPOINT_URL", "").strip():
        parts = urllib.parse.urlsplit(endpoint)
        # Virtual-hosted addressing puts the bucket in the host name.
        if env.get("S3_ADDRESSING_STYLE", "").strip() == "virtual":
            return (f"{parts.scheme}://{bucket}.{parts.netloc}",)
        return (f"{parts.scheme}://{parts.netloc}",)
    region = env.get("S3_REGION_NAME", "").strip()
    hosts = [f"{bucket}.s3.amazonaws.com"] + ([f"{bucket}.s3.{region}.amazonaws.com"] if region else [])
    return tuple(f"https://{host}" for host in hosts)
