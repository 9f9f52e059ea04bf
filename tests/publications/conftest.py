import pytest

from tests.publications import factories


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
