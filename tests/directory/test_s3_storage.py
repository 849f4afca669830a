"""Media in S3-compatible buckets: images public, documents in a private bucket, never public.

The buckets are moto's in-process S3 (no network, no server).
"""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from moto import mock_aws
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

MEDIA = "closher-media"
PRIVATE = "closher-private"
ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"
S3_STORAGES = {
    "default": {
        "BACKEND": "directory.storage.S3MediaStorage",
        "OPTIONS": {
            "bucket_name": MEDIA,
            "private_bucket_name": PRIVATE,
            "region_name": "us-east-1",
            "access_key": "testing",
            "secret_key": "testing",
            "querystring_auth": False,
            "file_overwrite": False,
        },
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


@pytest.fixture
def buckets(settings):
    with mock_aws():
        settings.STORAGES = S3_STORAGES
        s3 = default_storage.connection.meta.client
        s3.create_bucket(Bucket=MEDIA)
        s3.create_bucket(Bucket=PRIVATE)
        yield s3


def keys(s3, bucket):
    return [item["Key"] for item in s3.list_objects_v2(Bucket=bucket).get("Contents", [])]


def test_images_go_to_the_public_bucket_with_a_plain_url(buckets):
    name = default_storage.save("original_images/poster.webp", ContentFile(b"RIFF"))
    assert keys(buckets, MEDIA) == [name]
    assert keys(buckets, PRIVATE) == []
    assert default_storage.url(name) == f"https://{MEDIA}.s3.amazonaws.com/{name}"


def test_a_document_goes_to_the_private_bucket_and_never_gets_a_url(buckets):
    name = default_storage.save("documents/protocol.pdf", ContentFile(b"%PDF-1.7 protocol"))
    assert keys(buckets, PRIVATE) == [name]
    assert keys(buckets, MEDIA) == []
    grants = buckets.get_object_acl(Bucket=PRIVATE, Key=name)["Grants"]
    assert all(grant["Grantee"].get("URI") != ALL_USERS for grant in grants)
    with pytest.raises(NotImplementedError):
        default_storage.url(name)
    with pytest.raises(NotImplementedError):
        default_storage.private.url(name)
    assert default_storage.exists(name)
    with default_storage.open(name) as file:
        assert file.read() == b"%PDF-1.7 protocol"
    default_storage.delete(name)
    assert keys(buckets, PRIVATE) == []


def test_a_public_acl_set_for_other_buckets_never_reaches_the_private_one(buckets, settings):
    settings.AWS_DEFAULT_ACL = "public-read"
    settings.AWS_S3_OBJECT_PARAMETERS = {"ACL": "public-read"}
    settings.STORAGES = {**S3_STORAGES}  # a new storage object, built with these settings
    name = default_storage.save("documents/list.pdf", ContentFile(b"%PDF-1.7 list"))
    grants = buckets.get_object_acl(Bucket=PRIVATE, Key=name)["Grants"]
    assert all(grant["Grantee"].get("URI") != ALL_USERS for grant in grants)


@pytest.mark.django_db
def test_a_private_document_is_served_only_by_the_view_after_the_privacy_check(
    buckets, client, login_as, admin_user
):
    root = Collection.get_first_root_node()
    collection = root.add_child(name="Riservato")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = get_document_model().objects.create(
        title="Protocollo",
        collection=collection,
        file=ContentFile(b"%PDF-1.7 protocol", name="protocollo.pdf"),
    )
    assert keys(buckets, PRIVATE) == [document.file.name]
    assert document.url.startswith("/documents/")  # the view, never the bucket

    anonymous = client.get(document.url)
    assert anonymous.status_code == 302
    assert "/admin/login/" in anonymous["Location"]

    response = login_as(admin_user).get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.7 protocol"
