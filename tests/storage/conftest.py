"""S3 for the storage tests: moto's server mode, a real HTTP S3 endpoint on 127.0.0.1."""

import os

import boto3
import pytest
import requests

from cms.settings.s3 import s3_storages

MEDIA_BUCKET = "jcmi-media"
PRIVATE_BUCKET = "jcmi-manuscripts"


@pytest.fixture(scope="session")
def moto_endpoint():
    # Dummy credentials: moto accepts any, and no real account is ever touched.
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_SESSION_TOKEN": "testing", "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        os.environ[name] = value
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3(settings, moto_endpoint):
    """The production storage configuration, pointed at a fresh moto S3."""
    requests.post(f"{moto_endpoint}/moto-api/reset", timeout=10)
    client = boto3.client("s3", endpoint_url=moto_endpoint, region_name="us-east-1")
    client.create_bucket(Bucket=MEDIA_BUCKET)
    client.create_bucket(Bucket=PRIVATE_BUCKET)
    settings.STORAGES = {
        **settings.STORAGES,
        **s3_storages(bucket=MEDIA_BUCKET, private_bucket=PRIVATE_BUCKET,
                      endpoint_url=moto_endpoint, region_name="us-east-1",
                      private_url_expiry=settings.PRIVATE_URL_EXPIRY),
    }
    settings.WAGTAILDOCS_SERVE_METHOD = "redirect"
    client.endpoint = moto_endpoint
    return client


@pytest.fixture
def s3_proxy(s3, settings, moto_endpoint):
    """The storages reach moto through a proxy the test can stop or make fail writes."""
    from tests.storage.s3_proxy import S3Proxy

    proxy = S3Proxy(moto_endpoint).start()
    settings.STORAGES = {
        **settings.STORAGES,
        **s3_storages(bucket=MEDIA_BUCKET, private_bucket=PRIVATE_BUCKET,
                      endpoint_url=proxy.endpoint, region_name="us-east-1",
                      private_url_expiry=settings.PRIVATE_URL_EXPIRY),
    }
    yield proxy
    proxy.stop()


def object_keys(client, bucket):
    """Every key in a bucket, read from moto directly (not through the proxy)."""
    return {o["Key"] for o in client.list_objects_v2(Bucket=bucket).get("Contents", [])}
