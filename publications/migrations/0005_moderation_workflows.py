"""The moderation workflows of DESIGN.md, on every fresh database.

Pages in general: "Editorial review" (Moderators approve). Publications: "Publication review",
the same editorial review and then "Managing editor sign-off" (Managing Editors approve). The
editorial workflow is assigned to the tree root here; publication index pages get the publication
workflow when they are created (publications.signals), and any that exist already get it below.
Editors keep Wagtail's default rights (add and edit, no publish), so they can only submit.
"""

from django.db import migrations

EDITORIAL = "Editorial review"
SIGN_OFF = "Managing editor sign-off"
PUBLICATION = "Publication review"


def create_workflows(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    PublicationIndexPage = apps.get_model("publications", "PublicationIndexPage")

    # Historical models do not set the polymorphic content type: do it as Wagtail's 0048 does.
    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")

    def approval_task(name, group_name):
        group, _ = Group.objects.get_or_create(name=group_name)
        task, _ = GroupApprovalTask.objects.get_or_create(
            name=name, defaults={"content_type": task_type, "active": True}
        )
        task.groups.set([group])
        return task

    def workflow(name, tasks):
        flow, _ = Workflow.objects.get_or_create(name=name, defaults={"active": True})
        for position, task in enumerate(tasks):
            WorkflowTask.objects.update_or_create(
                workflow=flow, task=task, defaults={"sort_order": position}
            )
        return flow

    editorial_task = approval_task(EDITORIAL, "Moderators")
    sign_off_task = approval_task(SIGN_OFF, "Managing Editors")
    editorial = workflow(EDITORIAL, [editorial_task])
    publication = workflow(PUBLICATION, [editorial_task, sign_off_task])

    root = Page.objects.get(depth=1)
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": editorial})
    # Wagtail's default "Moderators approval" workflow is replaced by the editorial one.
    Workflow.objects.filter(name="Moderators approval", workflow_pages__isnull=True).update(active=False)

    for index_page in PublicationIndexPage.objects.all():
        WorkflowPage.objects.update_or_create(page_id=index_page.pk, defaults={"workflow": publication})


class Migration(migrations.Migration):
    dependencies = [
        ("publications", "0004_publication_pages"),
        ("home", "0002_roles_and_locales"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_workflows, migrations.RunPython.noop)]
