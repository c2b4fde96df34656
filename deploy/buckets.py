"""Copy a bucket to a folder and back, for deploy/backup.sh and deploy/restore.sh.

    python deploy/buckets.py download BUCKET FOLDER
    python deploy/buckets.py upload FOLDER BUCKET

Credentials and endpoint come from the same variables the app reads (AWS_ACCESS_KEY_ID,
AWS_SECRET_ACCESS_KEY, S3_ENDPOINT_URL, S3_REGION_NAME). The folder gets one file per object
plus manifest.json with each key's size, content type and SHA-256, which upload reads back and
checks, so a restore puts back exactly what was backed up.
"""

import argparse
import hashlib
import json
import os
import sys
from pathlib import Path

import boto3

MANIFEST = "manifest.json"
OBJECTS = "objects"


def client():
    return boto3.client(
        "s3",
        endpoint_url=os.environ.get("S3_ENDPOINT_URL") or None,
        region_name=os.environ.get("S3_REGION_NAME") or None,
    )


def safe_path(root: Path, key: str) -> Path:
    path = (root / key).resolve()
    if not path.is_relative_to(root.resolve()) or key.endswith("/"):
        raise ValueError(f"Refusing an object key that leaves the folder: {key!r}")
    return path


def download(bucket: str, folder: Path, s3=None) -> dict:
    s3 = s3 or client()
    root = folder / OBJECTS
    root.mkdir(parents=True, exist_ok=True)
    manifest = {}
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        for item in page.get("Contents", []):
            key = item["Key"]
            response = s3.get_object(Bucket=bucket, Key=key)
            body = response["Body"].read()
            path = safe_path(root, key)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(body)
            manifest[key] = {
                "size": len(body),
                "content_type": response.get("ContentType", "application/octet-stream"),
                "sha256": hashlib.sha256(body).hexdigest(),
            }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
    return manifest


def upload(folder: Path, bucket: str, s3=None) -> int:
    s3 = s3 or client()
    manifest = json.loads((folder / MANIFEST).read_text())
    root = folder / OBJECTS
    for key, meta in sorted(manifest.items()):
        body = safe_path(root, key).read_bytes()
        if hashlib.sha256(body).hexdigest() != meta["sha256"]:
            raise ValueError(f"{key} does not match its checksum in {MANIFEST}; the backup is damaged")
        s3.put_object(Bucket=bucket, Key=key, Body=body, ContentType=meta["content_type"])
    return len(manifest)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    down = commands.add_parser("download")
    down.add_argument("bucket")
    down.add_argument("folder", type=Path)
    up = commands.add_parser("upload")
    up.add_argument("folder", type=Path)
    up.add_argument("bucket")
    args = parser.parse_args(argv)
    if args.command == "download":
        count = len(download(args.bucket, args.folder))
        print(f"{args.bucket}: {count} objects -> {args.folder}")
    else:
        count = upload(args.folder, args.bucket)
        print(f"{args.folder}: {count} objects -> {args.bucket}")


if __name__ == "__main__":
    main(sys.argv[1:])
