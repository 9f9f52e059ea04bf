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

A section is a template and its context; the page template includes each one in order.
Each hook must run a fixed number of queries (prefetch what its cards show).
"""

from dataclasses import dataclass, field

from wagtail import hooks

HOME_SECTIONS_HOOK = "jcmi_home_sections"
TOPIC_SECTIONS_HOOK = "jcmi_topic_sections"


@dataclass
class Section:
    template: str
    context: dict = field(default_factory=dict)
    order: int = 100


def collect_sections(hook_name, page, request):
    sections = []
    for build in hooks.get_hooks(hook_name):
        section = build(page, request)
        if section is not None:
            sections.append(section)
    return sorted(sections, key=lambda section: section.order)
