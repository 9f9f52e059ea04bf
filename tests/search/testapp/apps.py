from django.apps import AppConfig


class SearchTestAppConfig(AppConfig):
    name = "tests.search.testapp"
    label = "search_testapp"
    verbose_name = "Search test models"
