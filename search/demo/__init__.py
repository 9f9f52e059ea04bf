"""Demo editors' picks: a few searches that lead straight to the page a visitor wants.

Runs after home.demo (and the publication and lecture demos); a promoted page that does not
exist yet is skipped, so the module is safe on any branch. Idempotent.
"""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

# Query -> (url_path suffix of the promoted English page, the note shown with it).
PROMOTIONS = {
    "join": ("/about/", "Membership is open to anyone who works on civil-military interaction."),
    "membership": ("/about/", "Who can take part in the network, and how."),
    "cimic": ("/topics/", "The focus areas where civil and military actors meet."),
    "poc": ("/topics/protection-of-civilians/", "Our work on the protection of civilians."),
}


def _find(url_path_suffix):
    pages = Page.objects.filter(url_path__endswith=url_path_suffix, depth__gt=2)
    return pages.order_by("depth", "pk").first()


def load(command):
    made = 0
    for query_string, (suffix, description) in PROMOTIONS.items():
        page = _find(suffix)
        if page is None:
            continue
        translations = [page, *page.get_translations()]
        query = Query.get(query_string)
        for order, target in enumerate(translations):
            _promotion, created = SearchPromotion.objects.update_or_create(
                query=query, page=target, defaults={"description": description,
                                                   "sort_order": order},
            )
            made += created
    command.stdout.write(f"Search promotions: {made} new.")
