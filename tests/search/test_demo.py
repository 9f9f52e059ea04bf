import io

import pytest
from wagtail.contrib.search_promotions.models import SearchPromotion

from home.factories import translated_copy
from search import demo

pytestmark = pytest.mark.django_db


class FakeCommand:
    def __init__(self):
        self.stdout = io.StringIO()


def test_demo_promotions_are_made_once_per_language(tree, client):
    french_about = translated_copy(tree.about, "fr", title="À propos", intro="Le réseau.")
    demo.load(FakeCommand())
    count = SearchPromotion.objects.count()
    demo.load(FakeCommand())
    assert SearchPromotion.objects.count() == count > 0

    pages = set(SearchPromotion.objects.filter(query__query_string="join")
                .values_list("page_id", flat=True))
    assert pages == {tree.about.pk, french_about.pk}
    response = client.get("/fr/search/", {"q": "Join"})
    assert response.context["outcome"].promotions[0].page_id == french_about.pk
