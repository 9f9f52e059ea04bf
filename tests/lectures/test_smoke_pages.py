import datetime

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
