"""Files that belong to a page: /<lang>/lectures/feed.xml, …/calendar.ics, …/<entry>/event.ics.

Wagtail's page serving only matches paths that end in a slash, so these addresses are routed
here, inside the language prefix and before Wagtail's catch-all. The view finds the page at the
path and asks it for the file through a method named in PAGE_FILES, so any page type (a
publication index's feed.xml, say) can offer a file by adding its name there and the method.
"""

from django.urls import re_path

from . import views

app_name = "lectures"
urlpatterns = [
    re_path(
        r"^(?P<page_path>(?:[\w\-]+/)+)(?P<filename>[\w\-]+\.(?:xml|ics))$",
        views.page_file,
        name="page_file",
    ),
]
