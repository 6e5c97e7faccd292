from django.db import migrations

from dangjian.oversight.terms import ensure_default_terms


def add_terms(apps, schema_editor):
    ensure_default_terms(apps.get_model("oversight", "Term"))


class Migration(migrations.Migration):
    dependencies = [("oversight", "0006_finding_withdrawn_progress_correction")]
    operations = [migrations.RunPython(add_terms, migrations.RunPython.noop)]
