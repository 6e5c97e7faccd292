from django.db import migrations

from dangjian.oversight.terms import DEFAULT_TERMS, ensure_default_terms


def add_terms(apps, schema_editor):
    ensure_default_terms(apps.get_model("oversight", "Term"))


def remove_terms(apps, schema_editor):
    term = apps.get_model("oversight", "Term")
    for kind, names in DEFAULT_TERMS.items():
        term.objects.filter(kind=kind, name__in=names).delete()


class Migration(migrations.Migration):
    dependencies = [("oversight", "0001_oversight_initial")]
    operations = [migrations.RunPython(add_terms, remove_terms)]
