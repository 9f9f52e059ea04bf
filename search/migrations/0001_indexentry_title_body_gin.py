"""A GIN index on the expression PostgreSQL full-text search actually filters on.

Wagtail's database back end (modelsearch, PostgreSQL) searches ``title || body`` of
``wagtailsearch_indexentry``; the table only has GIN indexes on ``title`` and ``body`` apart,
which that expression cannot use. Without an index (and its statistics) the planner guesses one
matching row and joins every match against every page: 8 s for a two-word query on 5000 pages
in the benchmarks, 0.3 s with this index. SQLite (FTS5) needs nothing.
"""

from django.db import migrations

INDEX = "jcmi_indexentry_title_body_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "USING gin ((title || body))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create_index, drop_index)]
