"""The search index's GIN index takes each new entry at once (`fastupdate = off`).

With PostgreSQL's default (`fastupdate = on`) a GIN index puts new entries in a pending list,
merged into the index only by VACUUM, autoanalyze or once the list passes 4 MB. Every search
reads the whole list, and the planner charges for it, so as pages were published (or, in the
tests, indexed and rolled back) a selective search grew slower and the planner turned away from
the index: tests/search/test_search_index_plan.py failed after other tests and passed alone,
depending on whether autovacuum had merged the list in between. A site's search index is read
far more than it is written (one entry per publish), so each publish pays the small cost of
updating the index in place instead. The list left from before is merged here.
"""

from django.db import migrations

INDEX = "praxis_search_vector_gin"


def without_pending_list(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER INDEX {INDEX} SET (fastupdate = off)")
        schema_editor.execute(f"SELECT gin_clean_pending_list('{INDEX}'::regclass)")


def with_pending_list(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER INDEX {INDEX} RESET (fastupdate)")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_search_vector_index")]

    operations = [migrations.RunPython(without_pending_list, with_pending_list, elidable=False)]
