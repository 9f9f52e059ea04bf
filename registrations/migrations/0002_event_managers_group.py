"""The Event managers role (DESIGN.md "Roles"): registrations are personal data, so only this
group and superusers get any permission on them."""

from django.db import migrations

GROUP = "Event managers"
MODELS = ["run", "feecategory", "registration", "payment", "attendance", "certificate",
          "registrationsettings"]


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")

    group, _ = Group.objects.get_or_create(name=GROUP)
    admin_ct, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_ct, codename="access_admin",
        defaults={"name": "Can access Wagtail admin"},
    )
    group.permissions.add(access_admin)
    for model in MODELS:
        ct, _ = ContentType.objects.get_or_create(app_label="registrations", model=model)
        for action in ("add", "change", "delete", "view"):
            perm, _ = Permission.objects.get_or_create(
                content_type=ct, codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            group.permissions.add(perm)


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("registrations", "0001_initial"),
        ("home", "0002_roles_and_locales"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
