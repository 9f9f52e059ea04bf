from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Site core"

    def ready(self):
        from cms import sessions  # noqa: F401 -- connects its log-in receiver
        from cms.patches import refuse_unreadable_images, retry_file_deletion_until_done
        from cms.signal_handlers import register_signal_handlers

        retry_file_deletion_until_done()
        register_signal_handlers()
        refuse_unreadable_images()
