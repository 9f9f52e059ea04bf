"""The S3 storages (see cms/storage.py for what each holds). A function, so tests build the very
same configuration against their own S3 endpoint."""

from botocore.config import Config

from cms import env


def client_config():
    """Bounded waits on S3 (cms/env.py), and one retry at most: a hung store costs a request
    seconds, not botocore's default of a minute per attempt times five attempts."""
    return Config(
        signature_version="s3v4",
        connect_timeout=env.S3_CONNECT_TIMEOUT,
        read_timeout=env.S3_READ_TIMEOUT,
        retries={"total_max_attempts": 2, "mode": "standard"},
    )


def s3_storages(*, bucket, private_bucket=None, endpoint_url=None, region_name=None,
                custom_domain=None, private_url_expiry=300):
    common = {
        "bucket_name": bucket,
        "endpoint_url": endpoint_url,
        "region_name": region_name,
        "file_overwrite": False,  # Wagtail relies on unique names
        "signature_version": "s3v4",
        "client_config": client_config(),
    }
    return {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **common,
                "default_acl": "public-read",
                "querystring_auth": False,
                "custom_domain": custom_domain,
            },
        },
        "documents": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **common,
                # Private on upload; cms.storage.sync_document_acl opens public collections' files.
                "default_acl": "private",
                "querystring_auth": True,
                "querystring_expire": private_url_expiry,
                "custom_domain": None,
            },
        },
        "private": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **common,
                # Its own bucket when one is named, else under private/ in the main bucket.
                "bucket_name": private_bucket or bucket,
                "location": "" if private_bucket else "private",
                "default_acl": "private",
                "querystring_auth": True,
                "querystring_expire": private_url_expiry,
                "custom_domain": None,  # a custom domain would make the URLs unsigned
            },
        },
    }
