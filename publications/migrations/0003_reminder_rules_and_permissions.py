"""Default reminder rules, and the Managing Editors' right to change them in the admin."""

from django.db import migrations

RULES = [
    ("Invitation unanswered, 2 days before the response is due", "response_due", -2),
    ("Invitation unanswered, 1 day after the response was due", "response_due", 1),
    ("Review due in 3 days", "review_due", -3),
    ("Review overdue by 2 days", "review_due", 2),
    ("Revision due in 7 days", "revision_due", -7),
    ("Revision overdue by 3 days", "revision_due", 3),
]


def forwards(apps, schema_editor):
    ReminderRule = apps.get_model("publications", "ReminderRule")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")

    for name, target, offset in RULES:
        ReminderRule.objects.get_or_create(
            target=target, days_offset=offset, defaults={"name": name}
        )
    ct, _ = ContentType.objects.get_or_create(app_label="publications", model="reminderrule")
    group, _ = Group.objects.get_or_create(name="Managing Editors")
    for action in ("add", "change", "delete", "view"):
        perm, _ = Permission.objects.get_or_create(
            content_type=ct, codename=f"{action}_reminderrule",
            defaults={"name": f"Can {action} reminder rule"},
        )
        group.permissions.add(perm)


class Migration(migrations.Migration):
    dependencies = [
        ("publications", "0002_peer_review"),
        ("home", "0002_roles_and_locales"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
