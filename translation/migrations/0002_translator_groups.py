"""One translators' group per target locale, with edit rights on that locale's root pages.

Locale roots made later (by the demo loader or an editor) get their rights from the post_save
handler in translation.signals; this covers databases that already have them.
"""

from django.db import migrations

TARGET_LOCALES = ["fr", "de", "ar"]


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    admin_ct, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_ct, codename="access_admin",
        defaults={"name": "Can access Wagtail admin"},
    )
    page_ct, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    change_page, _ = Permission.objects.get_or_create(
        content_type=page_ct, codename="change_page", defaults={"name": "Can change page"}
    )
    for code in TARGET_LOCALES:
        group, _ = Group.objects.get_or_create(name=f"Translators ({code})")
        group.permissions.add(access_admin)
        for root in Page.objects.filter(depth=2, locale__language_code=code):
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=change_page
            )


def remove_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=[f"Translators ({code})" for code in TARGET_LOCALES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("translation", "0001_initial"),
        ("home", "0002_roles_and_locales"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
