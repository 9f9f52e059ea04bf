import datetime

from home.factories import site_home
from lectures import factories


def test_a_visitor_reads_a_lecture_with_its_speakers_and_video(client, index, people, topics):
    series = factories.series(index, "Civil-Military Dialogues")
    lecture = factories.lecture(
        series, "Protecting civilians in urban operations",
        when=datetime.datetime(2025, 5, 14, 17, 30), speakers=[people["amara"]],
        topics=[topics["poc"]], video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        abstract="<p>How planners map civilian harm.</p>", transcript="First words.\n\nSecond part.",
    )
    response = client.get(lecture.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Protecting civilians in urban operations" in html
    assert "Amara Okafor" in html
    assert "youtube-nocookie.com/embed/dQw4w9WgXcQ" in html
    assert client.get(index.url).status_code == 200
    assert client.get(series.url).status_code == 200


def test_a_translated_lecture_links_to_its_topics_in_the_same_language(client, index, people, topics):
    """The topic relation is synchronised, so the French lecture still points at the English
    topics: the French reader must land on the French topic hub where one exists."""
    from wagtail.models import Locale

    french = Locale.objects.get(language_code="fr")
    site_home("fr")
    fr_topic = topics["poc"].copy_for_translation(french, copy_parents=True)
    fr_topic.title = "Protection des civils"
    fr_topic.save_revision().publish()
    lecture = factories.lecture(index, "Civilians in planning", topics=[topics["poc"], topics["wps"]])
    fr_lecture = lecture.copy_for_translation(french, copy_parents=True)
    fr_lecture.save_revision().publish()

    html = client.get(fr_lecture.url).content.decode()
    assert f'href="{fr_topic.url}">Protection des civils</a>' in html
    # Not translated yet: the English hub is still the right place to send the reader.
    assert f'href="{topics["wps"].url}">Women, Peace and Security</a>' in html
    assert f'href="{topics["poc"].url}"' not in html
