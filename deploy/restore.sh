#!/usr/bin/env bash
# Restore a deploy/backup.sh folder into the database and buckets this environment names.
#   DATABASE_URL=postgres://…/praxis_restored AWS_STORAGE_BUCKET_NAME=… deploy/restore.sh FOLDER
# The database should be new and empty (createdb); objects with the same keys are overwritten.
# Then clears the cache, whose pages and cache generation belong to the site before the restore.
set -euo pipefail
cd "$(dirname "$0")/.."
src="${1:?usage: deploy/restore.sh FOLDER}"
python="${PYTHON:-.venv/bin/python}"
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-config.settings.production}"
test -f "$src/database.dump" || { echo "$src has no database.dump" >&2; exit 1; }

pg_restore --no-owner --no-privileges --exit-on-error --single-transaction \
    --dbname "${DATABASE_URL:?set DATABASE_URL}" "$src/database.dump"

if [ -n "${AWS_STORAGE_BUCKET_NAME:-}" ]; then
    "$python" deploy/buckets.py upload "$src/media" "$AWS_STORAGE_BUCKET_NAME"
    "$python" deploy/buckets.py upload "$src/private" "${AWS_PRIVATE_STORAGE_BUCKET_NAME:?set AWS_PRIVATE_STORAGE_BUCKET_NAME}"
else
    mkdir -p "${MEDIA_ROOT:-media}" "${PRIVATE_MEDIA_ROOT:-private_media}"
    cp -a "$src/media-folder/." "${MEDIA_ROOT:-media}/"
    cp -a "$src/private-folder/." "${PRIVATE_MEDIA_ROOT:-private_media}/"
fi

"$python" manage.py shell -c "from django.core.cache import cache; cache.clear()"
echo "Restored from $src"
