"""Several machines: media buckets and the frontend cache come from the environment."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
READ = (
    "import json; from closher.settings import base; "
    "print(json.dumps({'storage': base.STORAGES['default'], "
    "'frontend_cache': base.WAGTAILFRONTENDCACHE}))"
)
OURS = ("AWS_", "FRONTEND_CACHE_", "CLOUDFLARE_", "CLOUDFRONT_")


def deployment(**env):
    """The settings a process started with this environment (and none of ours) gets."""
    clean = {key: value for key, value in os.environ.items() if not key.startswith(OURS)}
    return subprocess.run(
        [sys.executable, "-c", READ],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
    )


def settings_of(**env):
    result = deployment(**env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_one_machine_keeps_media_on_its_disk_and_purges_nothing():
    assert settings_of() == {
        "storage": {"BACKEND": "directory.storage.MediaStorage"},
        "frontend_cache": {},
    }


def test_buckets_from_the_environment_put_documents_in_the_private_one():
    storage = settings_of(
        AWS_STORAGE_BUCKET_NAME="rete-media",
        AWS_PRIVATE_STORAGE_BUCKET_NAME="rete-documenti",
        AWS_S3_ENDPOINT_URL="https://s3.example.org",
        AWS_S3_REGION_NAME="eu-south-1",
        AWS_ACCESS_KEY_ID="key-id",
        AWS_SECRET_ACCESS_KEY="key-secret",
    )["storage"]
    assert storage == {
        "BACKEND": "directory.storage.S3MediaStorage",
        "OPTIONS": {
            "bucket_name": "rete-media",
            "private_bucket_name": "rete-documenti",
            "endpoint_url": "https://s3.example.org",
            "region_name": "eu-south-1",
            "access_key": "key-id",
            "secret_key": "key-secret",
            "custom_domain": None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }


def test_documents_never_share_the_public_bucket():
    for private in ("", "rete-media"):
        result = deployment(
            AWS_STORAGE_BUCKET_NAME="rete-media", AWS_PRIVATE_STORAGE_BUCKET_NAME=private
        )
        assert result.returncode != 0
        assert "AWS_PRIVATE_STORAGE_BUCKET_NAME must name a private bucket" in result.stderr


def test_frontend_caches_from_the_environment():
    caches = settings_of(
        FRONTEND_CACHE_URL="http://10.0.0.5:6081",
        CLOUDFLARE_API_TOKEN="token",
        CLOUDFLARE_ZONE_ID="zone",
        CLOUDFRONT_DISTRIBUTION_ID="E123",
    )["frontend_cache"]
    assert caches == {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://10.0.0.5:6081",
        },
        "cloudflare": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": "token",
            "ZONEID": "zone",
        },
        "cloudfront": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": "E123",
        },
    }
