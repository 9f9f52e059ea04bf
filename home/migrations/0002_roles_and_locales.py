"""The site's roles (DESIGN.md "Roles") and content locales exist on every fresh database.

Wagtail's own migrations already make the Editors and Moderators groups with page permissions on
the tree root; this adds the remaining roles and gives the admin-based ones admin access.
"""

from django.db import migrations

LOCALES = ["en", "fr", "de", "ar"]
ADMIN_ROLES = ["Editors", "Moderators", "Managing Editors", "Reviewers", "Translators"]
PUBLIC_ROLES = ["Authors"]


def create_roles_and_locales(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Locale = apps.get_model("wagtailcore", "Locale")

    for code in LOCALES:
        Locale.objects.get_or_create(language_code=code)

    admin_ct, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_ct, codename="access_admin",
        defaults={"name": "Can access Wagtail admin"},
    )
    for name in ADMIN_ROLES:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
    for name in PUBLIC_ROLES:
        Group.objects.get_or_create(name=name)


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=["Managing Editors", "Reviewers", "Translators", "Authors"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [migrations.RunPython(create_roles_and_locales, remove_roles)]
