"""Publication cards for other sections' templates: the home page and the topic hubs.

    {% load publication_tags %}
    {% latest_publications 3 %}             on the home page
    {% topic_publications page 6 %}         on a TopicPage
"""

from django import template
from django.utils.translation import get_language

from publications.models import PublicationPage
from publications.models.pages import with_card_data, with_series_shown

register = template.Library()


def _in_language(queryset):
    return with_card_data(
        queryset.live().public().filter(locale__language_code=get_language())
    ).order_by("-publication_date", "-pk")


@register.inclusion_tag("publications/includes/latest_publications.html", takes_context=True)
def latest_publications(context, limit=3):
    return {
        "publications": with_series_shown(list(_in_language(PublicationPage.objects.all())[:limit])),
        "request": context.get("request"),
        "LANGUAGE_CODE": get_language(),
    }


@register.inclusion_tag("publications/includes/latest_publications.html", takes_context=True)
def topic_publications(context, topic, limit=6):
    """The topic's publications; a translated topic page lists the works tagged in any language."""
    from django.utils.translation import gettext

    return {
        "publications": with_series_shown(list(
            _in_language(PublicationPage.objects.filter(topics__translation_key=topic.translation_key))
            .distinct()[:limit]
        )),
        "heading": gettext("Publications on this topic"),
        "request": context.get("request"),
        "LANGUAGE_CODE": get_language(),
    }
