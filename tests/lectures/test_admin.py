"""Editors create and edit lectures and events in the Wagtail admin."""

import datetime

import pytest
from django.contrib.auth import get_user_model

from lectures import factories


@pytest.fixture
def editor_client(client, db):
    user = get_user_model().objects.create_superuser("lecture-admin", "a@jcmi.example", "pw")
    client.force_login(user)
    return client


def test_editors_open_the_forms_for_every_archive_page_type(editor_client, index, people):
    series = factories.series(index, "Civil-Military Dialogues")
    lecture = factories.lecture(series, "A lecture", speakers=[people["amara"]],
                                video_url="https://vimeo.com/76979871")
    event = factories.event(index, "A workshop", "workshop", datetime.datetime(2025, 4, 2, 9, 0))
    for url in [
        f"/admin/pages/add/lectures/lecturepage/{series.pk}/",
        f"/admin/pages/add/lectures/eventpage/{index.pk}/",
        f"/admin/pages/add/lectures/lectureseriespage/{index.pk}/",
        f"/admin/pages/{lecture.pk}/edit/",
        f"/admin/pages/{event.pk}/edit/",
        f"/admin/pages/{index.pk}/edit/",
    ]:
        response = editor_client.get(url)
        assert response.status_code == 200, url
    form_html = editor_client.get(f"/admin/pages/{event.pk}/edit/").content.decode()
    assert 'value="Europe/Berlin" selected' in form_html  # the zone picker
    assert 'value="lecture"' not in form_html.split('name="kind"')[1].split("</select>")[0]


def test_the_archive_index_is_offered_under_the_home_page(home):
    from lectures.models import LectureIndexPage

    assert LectureIndexPage in home.specific_class.allowed_subpage_models()
