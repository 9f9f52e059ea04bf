"""/healthz tells a load balancer whether the database, cache, storage and search answer."""

import pytest
from django.core.files.storage import default_storage

pytestmark = pytest.mark.django_db


def test_healthz_reports_storage_and_search_on_s3(client, s3):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["checks"]["storage"] == {"ok": True}
    assert body["checks"]["search"] == {"ok": True}
    # The probe cleans up after itself.
    assert "Contents" not in s3.list_objects_v2(Bucket="jcmi-media")


def test_healthz_is_503_when_storage_fails(client, settings, moto_endpoint):
    from cms.settings.s3 import s3_storages

    settings.STORAGES = {**settings.STORAGES, **s3_storages(
        bucket="missing-bucket", endpoint_url=moto_endpoint, region_name="us-east-1")}
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["checks"]["storage"]["ok"] is False
    assert body["checks"]["database"] == {"ok": True}


def test_healthz_reports_an_unreachable_search_cluster(client, settings):
    settings.WAGTAILSEARCH_BACKENDS = {"default": {
        "BACKEND": "search.backends.elasticsearch", "URLS": ["http://127.0.0.1:1"],
        "TIMEOUT": 1,
    }}
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["search"]["ok"] is False


def test_healthz_on_local_storage(client):
    response = client.get("/healthz")
    assert response.json()["checks"]["storage"] == {"ok": True}
    assert not default_storage.exists("healthz/probe.txt")
