"""The embargo collection of DESIGN.md ("Embargo"), on every fresh database.

Accepted manuscripts become publication PDFs in this collection, which only Managing Editors and
Moderators may view (a view restriction) and see, choose or change in the admin (collection
permissions given here; publications.embargo keeps permissions given higher up from reaching
in). They leave it when their page is published (publications.embargo.release).
"""

from django.db import migrations

EMBARGO_COLLECTION = "Embargoed publications"
GROUPS = ["Managing Editors", "Moderators"]
ACTIONS = ["add", "change", "delete", "choose"]
# treebeard's materialised path: four base-36 characters per level.
STEP, ALPHABET = 4, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _step(number):
    digits = ""
    while number:
        number, rest = divmod(number, len(ALPHABET))
        digits = ALPHABET[rest] + digits
    return digits.rjust(STEP, "0")


def create_embargo_collection(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")

    root = Collection.objects.get(depth=1)
    collection = Collection.objects.filter(depth=2, name=EMBARGO_COLLECTION).first()
    if collection is None:
        # Historical models have no treebeard methods: add the child the way add_child does.
        last = Collection.objects.filter(depth=2).order_by("-path").first()
        number = int(last.path[-STEP:], len(ALPHABET)) + 1 if last else 1
        collection = Collection.objects.create(
            name=EMBARGO_COLLECTION, path=root.path + _step(number), depth=2, numchild=0)
        root.numchild += 1
        root.save(update_fields=["numchild"])

    groups = [Group.objects.get_or_create(name=name)[0] for name in GROUPS]
    restriction, _ = CollectionViewRestriction.objects.get_or_create(
        collection=collection, defaults={"restriction_type": "groups", "password": ""})
    restriction.restriction_type = "groups"
    restriction.save()
    restriction.groups.set(groups)

    document_type, _ = ContentType.objects.get_or_create(app_label="wagtaildocs", model="document")
    for action in ACTIONS:
        permission, _ = Permission.objects.get_or_create(
            content_type=document_type, codename=f"{action}_document",
            defaults={"name": f"Can {action} document"})
        for group in groups:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission)


class Migration(migrations.Migration):
    dependencies = [
        ("publications", "0005_moderation_workflows"),
        ("home", "0002_roles_and_locales"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_embargo_collection, migrations.RunPython.noop)]
