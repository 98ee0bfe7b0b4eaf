"""Ship the built-in report forms (reports/definitions/*.json) with the database. Later changes to a
built-in form go through `manage.py load_forms`, which versions a form that already has submissions."""

import json
from pathlib import Path

from django.db import migrations

DEFINITIONS = Path(__file__).resolve().parent.parent / "definitions"


def load(apps, schema_editor):
    FormDefinition = apps.get_model("reports", "FormDefinition")
    for path in sorted(DEFINITIONS.glob("*.json")):
        spec = json.loads(path.read_text(encoding="utf-8"))
        spec.pop("source", None)
        code = spec.pop("code")
        if not FormDefinition.objects.filter(code=code).exists():
            FormDefinition.objects.create(code=code, version=1, is_builtin=True, **spec)


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
