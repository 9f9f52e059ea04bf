from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Site core"

    def ready(self):
        from cms import sessions  # noqa: F401 -- connects its log-in receiver
        from cms.patches import refuse_unreadable_images
        from cms.signal_handlers import register_signal_handlers

        register_signal_handlers()
        refuse_unreadable_images()
