"""Filters shared by the public archives (django-filter)."""

import django_filters

from cms.widgets import QuickSelect


class QuickChoiceFilter(django_filters.ChoiceFilter):
    """A ChoiceFilter drawn with QuickSelect: archives list hundreds of authors and speakers."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", QuickSelect)
        super().__init__(*args, **kwargs)
