"""Errors are seen: production logs every unhandled exception, with its traceback and the
request's id, as one JSON line on standard error; the id is also in the response; the 404 and
500 handlers cannot fail."""

import json

import pytest
from django.test import Client

from tests.search.tree import build_tree
from tests.security.test_deploy_checks import production_env, run_python

# A view that fails, added to the real URLconf of a production-configured process.
FAILING_REQUEST = """
import json, django
django.setup()
from django.conf import settings
from django.test import Client, override_settings
from django.urls import path
import cms.urls

def broken(request):
    raise RuntimeError("the thing broke")

cms.urls.urlpatterns.append(path("broken", broken))
plain_static = {
    **settings.STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
client = Client(HTTP_HOST="jcmi.example", raise_request_exception=False)
with override_settings(STORAGES=plain_static):
    response = client.get("/broken", secure=True)
    offered = client.get("/broken", secure=True, headers={"X-Request-ID": "lb-0123456789"})
    forged = client.get("/broken", secure=True, headers={"X-Request-ID": "x\\nforged line"})
print(json.dumps({
    "status": response.status_code,
    "request_id": response.headers.get("X-Request-ID"),
    "body": response.content.decode(),
    "offered": offered.headers.get("X-Request-ID"),
    "forged": forged.headers.get("X-Request-ID"),
}))
"""


def test_production_logs_an_unhandled_exception_as_one_json_line_with_its_request_id():
    result = run_python(FAILING_REQUEST, production_env())
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["status"] == 500
    request_id = answer["request_id"]
    assert request_id and request_id in answer["body"]  # the visitor can quote it

    records = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    errors = [record for record in records if record["request_id"] == request_id]
    assert len(errors) == 1, result.stderr
    error = errors[0]
    assert error["level"] == "ERROR"
    assert error["logger"] == "django.request"
    assert error["status_code"] == 500
    assert "Traceback (most recent call last)" in error["exc_info"]
    assert 'RuntimeError: the thing broke' in error["exc_info"]
    # An id from the load balancer is kept; one that could forge a log line is replaced.
    assert answer["offered"] == "lb-0123456789"
    assert answer["forged"] and "\n" not in answer["forged"]
    assert any(record["request_id"] == "lb-0123456789" for record in records)


@pytest.mark.django_db
def test_every_response_names_its_request_id(client):
    first = client.get("/robots.txt")
    second = client.get("/robots.txt")
    assert first["X-Request-ID"] and first["X-Request-ID"] != second["X-Request-ID"]


@pytest.mark.django_db
def test_the_404_page_never_fails_even_when_it_cannot_be_drawn(monkeypatch):
    # Whatever breaks while the full page is drawn, the plain one stands in: still a 404, in the
    # visitor's language.
    def broken(request):
        raise RuntimeError("the language lookup broke")

    monkeypatch.setattr("home.locales.same_address_elsewhere", broken)
    build_tree()
    client = Client(raise_request_exception=False)
    response = client.get("/fr/nulle-part/")
    assert response.status_code == 404
    assert 'lang="fr"' in response.content.decode()


@pytest.mark.django_db
def test_the_500_page_needs_no_database(settings, django_assert_num_queries):
    from django.test import RequestFactory

    from cms.views import server_error

    request = RequestFactory().get("/de/irgendwo/")
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        with django_assert_num_queries(0):
            response = server_error(request)
    assert response.status_code == 500
    assert 'lang="de"' in response.content.decode()
