from django.apps import AppConfig


class PublicationsConfig(AppConfig):
    name = "publications"
    verbose_name = "Publications and peer review"

    def ready(self):
        from publications import signals  # noqa: F401
        from publications.embargo import register_document_permission_policy
        from publications.patches import guard_workflow_actions

        guard_workflow_actions()
        register_document_permission_policy()
