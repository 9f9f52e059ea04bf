import pytest
from django.core.cache import caches

from tests.publications import factories


@pytest.fixture(autouse=True)
def _fresh_caches():
    """Wagtail caches the site root paths; a rolled-back test must not leave another test's."""
    for cache in caches.all():
        cache.clear()
    yield


@pytest.fixture
def site(db):
    home, index, topics_index = factories.make_site()
    return {"home": home, "index": index, "topics_index": topics_index}


@pytest.fixture
def working_papers(site):
    return factories.make_series(site["index"])


@pytest.fixture
def publication(working_papers):
    series, series_page = working_papers
    return factories.make_publication(series_page)
