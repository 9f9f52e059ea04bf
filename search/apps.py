from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "site_search"
    verbose_name = "Site search"

    def ready(self):
        from .patches import leave_the_vector_unselected, prepare_fields_once

        leave_the_vector_unselected()
        prepare_fields_once()
