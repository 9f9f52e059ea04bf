import pytest

from publications.models import Series
from tests.search.tree import build_tree


@pytest.fixture
def tree(db):
    return build_tree()


@pytest.fixture
def working_papers(db):
    from wagtail.models import Locale

    return Series.objects.create(
        name="Working Papers", slug="working-papers", kind=Series.Kind.WORKING_PAPER,
        locale=Locale.objects.get(language_code="en"),
    )


@pytest.fixture
def white_papers(db):
    from wagtail.models import Locale

    return Series.objects.create(
        name="White Papers", slug="white-papers", kind=Series.Kind.WHITE_PAPER,
        locale=Locale.objects.get(language_code="en"),
    )
