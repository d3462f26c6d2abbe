"""Duplicate keys of rows whose agent_email has capitals, as rowstore now computes them: an email in
any case is one address (rowresults.compared), so a retyped BEN@EXAMPLE.COM row is a duplicate of ben@....
Only those rows' keys change; the items themselves are untouched."""

import hashlib
import json

from django.db import migrations


def _keys(item: dict) -> tuple[str, str]:
    compared = {**item, "agent_email": item["agent_email"].lower()}
    item_key = hashlib.sha1(json.dumps(compared, sort_keys=True).encode()).hexdigest()
    agent = item.get("agent_id") or compared["agent_email"] or ""
    parts = [str(item.get(name, "")) for name in ("ticket_id", "submitted_at", "score")] + [agent]
    return item_key, hashlib.sha1("\x1f".join(parts).encode()).hexdigest()


def rekey(apps, schema_editor):
    Row = apps.get_model("uploads", "Row")
    changed = []
    for row in Row.objects.filter(item__has_key="agent_email").only("id", "item").iterator(chunk_size=2000):
        email = row.item.get("agent_email")
        if isinstance(email, str) and email != email.lower():
            row.item_key, row.match_key = _keys(row.item)
            changed.append(row)
        if len(changed) >= 1000:
            Row.objects.bulk_update(changed, ["item_key", "match_key"])
            changed = []
    Row.objects.bulk_update(changed, ["item_key", "match_key"])


class Migration(migrations.Migration):
    dependencies = [("uploads", "0007_resend_request")]
    operations = [migrations.RunPython(rekey, migrations.RunPython.noop)]
