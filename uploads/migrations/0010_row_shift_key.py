"""Row.shift_key: the answer without the hour of its time, so that an upload of a file already sent, read in
another time zone, finds the rows created before (rowstore.shifted_notes). Existing rows with an item get
their key; the items themselves are untouched."""

import hashlib

from django.db import migrations, models


def _shift_key(item: dict) -> str:
    """rowstore.shift_key as of this migration."""
    agent = item.get("agent_id") or str(item.get("agent_email") or "").lower() or ""
    parts = [str(item.get(name, "")) for name in ("ticket_id", "score")] + [agent, str(item.get("submitted_at", ""))[14:]]
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()


def keep_search_index(apps, schema_editor):
    """SQLite adds the column by rebuilding uploads_row, which drops the search text's index that 0004_table_speed
    made outside Row.Meta (uploads/textsearch.py): made again here."""
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("CREATE INDEX IF NOT EXISTS row_search_idx ON uploads_row (upload_id, search_text, number)",
                              params=None)


def fill(apps, schema_editor):
    Row = apps.get_model("uploads", "Row")
    changed = []
    for row in Row.objects.exclude(match_key="").only("id", "item").iterator(chunk_size=2000):
        if isinstance(row.item, dict):
            row.shift_key = _shift_key(row.item)
            changed.append(row)
        if len(changed) >= 1000:
            Row.objects.bulk_update(changed, ["shift_key"])
            changed = []
    Row.objects.bulk_update(changed, ["shift_key"])


class Migration(migrations.Migration):
    dependencies = [("uploads", "0009_preset_name_any_case")]
    operations = [
        migrations.AddField(
            model_name="row",
            name="shift_key",
            field=models.CharField(blank=True, max_length=40, help_text=(
                "Hash of ticket_id, score, agent and submitted_at's minutes and seconds: finds an earlier send of the "
                "answer read in another time zone.")),
        ),
        migrations.AddIndex(
            model_name="row",
            index=models.Index(fields=["shift_key", "result"], name="row_shift_idx"),
        ),
        migrations.RunPython(keep_search_index, migrations.RunPython.noop),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
