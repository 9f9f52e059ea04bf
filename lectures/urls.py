"""The archive's files with extensions: /<lang>/…/lectures/feed.xml, …/calendar.ics and
…/<entry>/event.ics.

Wagtail's page serving only matches paths ending in a slash, so these addresses are routed here,
inside the language prefix and before Wagtail's catch-all, and handed to the page they belong to.
"""

from django.urls import re_path

from . import views

PAGE_PATH = r"^(?P<page_path>(?:[\w\-]+/)+)"

app_name = "lectures"
urlpatterns = [
    re_path(PAGE_PATH + r"feed\.xml$", views.archive_feed, name="feed"),
    re_path(PAGE_PATH + r"calendar\.ics$", views.archive_calendar, name="calendar"),
    re_path(PAGE_PATH + r"event\.ics$", views.entry_calendar, name="entry_calendar"),
]
