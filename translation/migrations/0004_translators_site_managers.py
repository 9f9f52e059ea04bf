"""The "Site managers" group (DESIGN.md "Roles"): redirects, site settings (contact, social links,
the cookie notice's fallback), the site text (footer, cookie notice), search promotions and the
navigation, without being superusers.

The navigation is the pages shown in menus and their order: in Wagtail that is each page's "Show
in menus" and the tree order, which need the edit and publish rights on pages (reordering
children is a publish right), so the group holds both on the tree root.
"""

from django.db import migrations

GROUP = "Site managers"
# (app label, model, actions)
MODEL_PERMISSIONS = [
    ("wagtailredirects", "redirect", ["add", "change", "delete"]),
    ("home", "sitesettings", ["change"]),
    ("translation", "sitetext", ["add", "change"]),
    ("wagtailsearchpromotions", "searchpromotion", ["add", "change", "delete"]),
]
PAGE_PERMISSIONS = ["change", "publish"]


def _permission(apps, app_label, model, action):
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    # Permissions are normally made after migrating; make them now on a fresh database.
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=f"{action}_{model}",
        defaults={"name": f"Can {action} {model}"},
    )
    return permission


def create_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(_permission(apps, "wagtailadmin", "admin", "access"))
    for app_label, model, actions in MODEL_PERMISSIONS:
        group.permissions.add(*[_permission(apps, app_label, model, action) for action in actions])
    root = Page.objects.filter(depth=1).first()
    if root is not None:
        for action in PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=_permission(apps, "wagtailcore", "page", action)
            )


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("translation", "0003_translators_edit_translatable_snippets"),
        ("home", "0007_editors_manage_people_and_partners"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
