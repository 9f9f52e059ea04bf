import json

import pytest

from lectures import factories


@pytest.fixture
def home(db):
    return factories.site_home()


@pytest.fixture
def index(home):
    return factories.lecture_index(home, intro="<p>Talks, symposia and courses.</p>")


@pytest.fixture
def people(db):
    return {
        "amara": factories.person("Amara Okafor", affiliation="University of Lagos"),
        "jonas": factories.person("Jonas Weber", affiliation="CIMIC Centre of Excellence"),
        "lea": factories.person("Léa Martin", affiliation="Sciences Po"),
    }


@pytest.fixture
def topics(home):
    return {
        "poc": factories.topic("Protection of Civilians", home),
        "wps": factories.topic("Women, Peace and Security", home),
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
