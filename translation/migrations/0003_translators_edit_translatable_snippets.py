"""Translators may change the public-facing translatable snippets; translation.permissions and
the before_edit_snippet hook limit them to the locales of their "Translators (xx)" groups."""

from django.db import migrations

SNIPPETS = [("home", "person"), ("home", "partner"), ("publications", "series"),
            ("translation", "sitetext")]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    group, _ = Group.objects.get_or_create(name="Translators")
    for app_label, model in SNIPPETS:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        # Permissions are normally made after migrating; make them now on a fresh database.
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=f"change_{model}",
            defaults={"name": f"Can change {model}"},
        )
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Translators").first()
    if group:
        group.permissions.remove(*Permission.objects.filter(
            codename__in=[f"change_{model}" for _app, model in SNIPPETS]))


class Migration(migrations.Migration):
    dependencies = [
        ("translation", "0002_translator_groups"),
        ("home", "0002_roles_and_locales"),
        ("publications", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
