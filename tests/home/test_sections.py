"""Other apps add their listings to the home page and to topic hubs through a hook."""

import pytest
from wagtail import hooks

from home.models import TopicPage
from home.sections import HOME_SECTIONS_HOOK, TOPIC_SECTIONS_HOOK, Section

pytestmark = pytest.mark.django_db


@pytest.fixture
def section_template(settings, tmp_path):
    (tmp_path / "probe.html").write_text(
        '<section class="probe">{{ heading }} for {{ page.title }}</section>'
    )
    settings.TEMPLATES = [{**settings.TEMPLATES[0],
                           "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}]
    return "probe.html"


def test_sections_from_other_apps_appear_on_home_and_topic_pages(
    client, demo_site, section_template
):
    def latest(page, request):
        return Section(section_template, {"heading": "Latest publications"}, order=10)

    def tagged(page, request):
        if not isinstance(page, TopicPage):
            return None
        return Section(section_template, {"heading": "Lectures on this topic"})

    with hooks.register_temporarily(HOME_SECTIONS_HOOK, latest), \
            hooks.register_temporarily(TOPIC_SECTIONS_HOOK, tagged):
        home = client.get("/en/").content.decode()
        topic = client.get("/en/topics/rule-of-law/").content.decode()
    assert '<section class="probe">Latest publications for Home</section>' in home
    assert '<section class="probe">Lectures on this topic for Rule of Law</section>' in topic
