import json

import pytest

from home.factories import PersonFactory, site_home, topic
from lectures import factories


@pytest.fixture
def home(db):
    return site_home()


@pytest.fixture
def index(home):
    return factories.lecture_index(home, intro="<p>Talks, symposia and courses.</p>")


@pytest.fixture
def people(db):
    return {
        "amara": PersonFactory(name="Amara Okafor", affiliation="University of Lagos"),
        "jonas": PersonFactory(name="Jonas Weber", affiliation="CIMIC Centre of Excellence"),
        "lea": PersonFactory(name="Léa Martin", affiliation="Sciences Po"),
    }


@pytest.fixture
def topics(home):
    return {
        "poc": topic("Protection of Civilians", home),
        "wps": topic("Women, Peace and Security", home),
    }


@pytest.fixture
def video_page(home):
    """A StandardPage (not a lecture) whose body holds a video block."""
    from home.models import StandardPage

    def make(url, title="", slug="our-films"):
        body = [{"type": "embed", "value": {"video": url, "title": title}}]
        page = home.add_child(instance=StandardPage(
            title="Our films", slug=slug, locale=home.locale, body=json.dumps(body),
        ))
        page.save_revision().publish()
        return page

    return make
