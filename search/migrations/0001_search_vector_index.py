"""Indexes that let PostgreSQL answer a site search without reading every index entry.

Wagtail's PostgreSQL search matches `(title || body) @@ query`. Its migrations index `title`
and `body` apart, which that expression cannot use, so every search read the whole
`wagtailsearch_indexentry` table. A GIN index on the same expression serves it; an index on
the page id as text serves the join from index entries back to pages (`object_id` is text).
Nothing to do on SQLite, which searches with its own FTS5 table.
"""

from django.db import migrations

INDEXES = {
    "praxis_search_vector_gin": "wagtailsearch_indexentry USING gin ((title || body))",
    "praxis_page_id_text": "wagtailcore_page (((id)::varchar(50)))",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, target in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {target}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("wagtailsearch", "0010_add_text_fields"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
