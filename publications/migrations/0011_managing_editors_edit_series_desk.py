"""The Managing Editors' rights for the desk: compose review forms, and name a series' handling
editors (which is editing the series: they may change a series, never add or delete one)."""

from django.db import migrations

RIGHTS = {
    "seriesreviewform": ("add", "change", "delete", "view"),
    "series": ("change", "view"),
}


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    group, _ = Group.objects.get_or_create(name="Managing Editors")
    for model, actions in RIGHTS.items():
        ct, _ = ContentType.objects.get_or_create(app_label="publications", model=model)
        for action in actions:
            perm, _ = Permission.objects.get_or_create(
                content_type=ct, codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            group.permissions.add(perm)


class Migration(migrations.Migration):
    dependencies = [
        ("publications", "0010_handling_editors_and_review_forms"),
        ("home", "0002_roles_and_locales"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
