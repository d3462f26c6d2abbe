"""Saved preset names are unique in any case (presets are found by name in any case). A database that
already holds two names differing only in case keeps the first saved; the later ones are renamed
"<name> (2)", "<name> (3)", ... so the constraint can be created and no preset is lost."""

import django.db.models.functions.text
from django.db import migrations, models


def free_names(names: list[str]) -> list[str]:
    """`names` in saving order, each later one that equals an earlier one in any case suffixed " (2)",
    " (3)", ... (cut to stay within the field's 100 characters), never taking a name another preset holds."""
    firsts = {}
    for index, name in enumerate(names):
        firsts.setdefault(name.lower(), index)
    taken, free = set(firsts), []
    for index, name in enumerate(names):
        candidate, number = name, 1
        while firsts.get(candidate.lower()) != index and candidate.lower() in taken:
            number += 1
            candidate = f"{name[:94]} ({number})"
        taken.add(candidate.lower())
        free.append(candidate)
    return free


def rename_clashes(apps, schema_editor):
    presets = list(apps.get_model("uploads", "SavedPreset").objects.order_by("created_at", "pk"))
    for preset, name in zip(presets, free_names([preset.name for preset in presets])):
        if name != preset.name:
            preset.name = name
            preset.save(update_fields=["name"])


class Migration(migrations.Migration):

    dependencies = [
        ("uploads", "0008_email_case_keys"),
    ]

    operations = [
        migrations.RunPython(rename_clashes, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="savedpreset",
            constraint=models.UniqueConstraint(
                django.db.models.functions.text.Lower("name"), name="uploads_savedpreset_name_any_case"),
        ),
    ]
