from typing import Any

from django.conf import settings
from django.db import migrations, models
from django.db.models import Count


def refuse_existing_duplicates(apps: Any, schema_editor: Any) -> None:
    """Meetings entered twice must be withdrawn (``meeting_delete``, audited) by hand before
    the constraint can hold: a migration does not delete records silently."""
    meeting = apps.get_model("orglife", "Meeting")
    twice = (meeting.objects.values("organization_id", "kind", "held_on", "topic")
             .annotate(n=Count("id")).filter(n__gt=1)[:20])
    if twice:
        listed = "; ".join(f"{d['organization_id']} {d['kind']} {d['held_on']} {d['topic']}"
                           for d in twice)
        raise RuntimeError(f"重复登记的会议须先撤销（meeting_delete）再迁移：{listed}")


class Migration(migrations.Migration):

    dependencies = [
        ('orglife', '0001_orglife_initial'),
        ('orgs', '0002_organization_founded_on'),
        ('people', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(refuse_existing_duplicates, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='meeting',
            constraint=models.UniqueConstraint(fields=('organization', 'kind', 'held_on', 'topic'), name='one_meeting_per_topic_and_day'),
        ),
    ]
