"""Places where other apps add content to the home page and to focus-area hubs.

The home page shows "latest publications" and "upcoming lectures", and each TopicPage lists the
publications and lectures tagged with it, but those page types live in other apps. Rather than
import them here, each app registers a Wagtail hook that returns a section for a given page:

    @hooks.register(HOME_SECTIONS_HOOK)
    def latest_publications(page, request):
        items = list(PublicationPage.objects.live().filter(locale=page.locale)...[:3])
        if not items:
            return None
        return Section("publications/includes/home_latest.html", {"publications": items},
                       order=10)

A section is a template and its context; the page renders each one in order, giving its
template the section's context plus ``page`` and ``request``. Each hook must run a fixed number
of queries (prefetch what its cards show).
"""

from dataclasses import dataclass, field

from django.template.loader import render_to_string
from wagtail import hooks

from cms.page_cache import cached_fragment

HOME_SECTIONS_HOOK = "jcmi_home_sections"
TOPIC_SECTIONS_HOOK = "jcmi_topic_sections"


@dataclass
class Section:
    template: str
    context: dict = field(default_factory=dict)
    order: int = 100


def collect_sections(hook_name, page, request):
    """The rendered HTML of every section the apps offer for ``page``, in order.

    Kept as a page-cache fragment: the page's cached responses are retired whenever a page it
    lists (a descendant, or a page tagged with its topic) is published, and so are these."""
    return cached_fragment(request, hook_name, lambda: _render_sections(hook_name, page, request),
                           page=page)


def _render_sections(hook_name, page, request):
    sections = []
    for build in hooks.get_hooks(hook_name):
        section = build(page, request)
        if section is not None:
            sections.append(section)
    sections.sort(key=lambda section: section.order)
    return [
        render_to_string(section.template, {**section.context, "page": page}, request=request)
        for section in sections
    ]
