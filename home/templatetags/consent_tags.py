from django import template

from home import consent

register = template.Library()


@register.simple_tag(takes_context=True)
def consent_state(context):
    """What the cookie notice shows: each category ticked or not, and whether to open it."""
    request = context.get("request")
    accepted = consent.accepted_categories(request) if request is not None else None
    reopened = request is not None and request.GET.get("cookies") == "settings"
    return {
        "show_notice": accepted is None or reopened,
        "reopened": reopened,
        "categories": [
            {
                "key": category.key,
                "label": category.label,
                "help": category.help,
                "required": category.required,
                "accepted": category.required or (accepted is not None and category.key in accepted),
            }
            for category in consent.CATEGORIES
        ],
    }
