"""Items the meeting records now prove (orglife's 党组（党委）会议 议题 tags): lists already kept
name the provider, as a new list copies it from the catalogue. An item a clerk pointed elsewhere
is left alone."""

from django.db import migrations

PROVIDERS = {
    "org.study": "orglife.party_group.discipline",
    "sec.ask": "orglife.party_group.reports",
    "mem.guide": "orglife.party_group.reports",
}


def name_providers(apps, schema_editor):
    Item = apps.get_model("duties", "ResponsibilityItem")
    for key, provider in PROVIDERS.items():
        Item.objects.filter(template_key=key, provider="").update(provider=provider)


def unname_providers(apps, schema_editor):
    Item = apps.get_model("duties", "ResponsibilityItem")
    for key, provider in PROVIDERS.items():
        Item.objects.filter(template_key=key, provider=provider).update(provider="")


class Migration(migrations.Migration):
    dependencies = [("duties", "0004_responsibility_templates")]

    operations = [migrations.RunPython(name_providers, unname_providers)]
