from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Site core"

    def ready(self):
        from cms.patches import retry_file_deletion_until_done
        from cms.signal_handlers import register_signal_handlers

        retry_file_deletion_until_done()
        register_signal_handlers()
