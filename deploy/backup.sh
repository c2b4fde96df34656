#!/usr/bin/env bash
# Back up Praxis into a new folder: the database (pg_dump custom format) and both buckets
# (or, without buckets, the MEDIA_ROOT and PRIVATE_MEDIA_ROOT folders).
#   deploy/backup.sh /srv/praxis/backups/2026-12-03
# Reads the app's own environment (DATABASE_URL, AWS_*, S3_*); restore with deploy/restore.sh.
# The folder holds personal data (CPD evidence, certificates): keep it as safe as the database.
set -euo pipefail
cd "$(dirname "$0")/.."
dest="${1:?usage: deploy/backup.sh FOLDER}"
python="${PYTHON:-.venv/bin/python}"
umask 077
mkdir -p "$dest"
if [ -n "$(ls -A "$dest")" ]; then
    echo "$dest is not empty; back up into a new folder" >&2
    exit 1
fi

pg_dump --format=custom --no-owner --no-privileges --file "$dest/database.dump" "${DATABASE_URL:?set DATABASE_URL}"

if [ -n "${AWS_STORAGE_BUCKET_NAME:-}" ]; then
    "$python" deploy/buckets.py download "$AWS_STORAGE_BUCKET_NAME" "$dest/media"
    "$python" deploy/buckets.py download "${AWS_PRIVATE_STORAGE_BUCKET_NAME:?set AWS_PRIVATE_STORAGE_BUCKET_NAME}" "$dest/private"
else
    mkdir -p "$dest/media-folder" "$dest/private-folder"
    cp -a "${MEDIA_ROOT:-media}/." "$dest/media-folder/" 2>/dev/null || true
    cp -a "${PRIVATE_MEDIA_ROOT:-private_media}/." "$dest/private-folder/" 2>/dev/null || true
fi
echo "Backed up to $dest"
