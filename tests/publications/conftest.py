import pytest

from cms.factories import UserFactory
from publications import factories


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


def make_user(django_user_model, username, *groups):
    return UserFactory(username=username, password="pw-12345", groups=groups)


@pytest.fixture
def people(django_user_model):
    """An editor, a moderator and a managing editor, one account each."""
    return {
        "editor": make_user(django_user_model, "editor", "Editors"),
        "moderator": make_user(django_user_model, "moderator", "Moderators"),
        "managing": make_user(django_user_model, "managing-editor", "Managing Editors"),
    }
