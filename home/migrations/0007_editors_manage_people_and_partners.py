"""Editors and Moderators keep the people and partners that pages name (DESIGN.md "Roles")."""

from django.db import migrations

MODELS = ["person", "partner"]
ACTIONS = ["add", "change", "delete"]
GROUPS = ["Editors", "Moderators"]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    permissions = []
    for model in MODELS:
        content_type, _ = ContentType.objects.get_or_create(app_label="home", model=model)
        for action in ACTIONS:
            # Permissions are normally made after migrating; make them now on a fresh database.
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            permissions.append(permission)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    codenames = [f"{action}_{model}" for model in MODELS for action in ACTIONS]
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*Permission.objects.filter(
            content_type__app_label="home", codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_sitesettings_cookie_notice_fallback_help"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
