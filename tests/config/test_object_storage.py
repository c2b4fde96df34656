"""AWS_*/S3_* settings move public media and private files to two buckets (moto stands in for S3)."""

import urllib.parse

import boto3
import pytest
from moto import mock_aws

from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import storages

from config.settings.object_storage import s3_storages

ENV = {
    "AWS_STORAGE_BUCKET_NAME": "praxis-media",
    "AWS_PRIVATE_STORAGE_BUCKET_NAME": "praxis-private",
    "S3_REGION_NAME": "eu-west-2",
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
}


def test_without_a_bucket_the_local_folders_stay():
    assert s3_storages({}) == {}
    assert s3_storages({"AWS_STORAGE_BUCKET_NAME": " "}) == {}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"AWS_PRIVATE_STORAGE_BUCKET_NAME": ""}, "Set AWS_PRIVATE_STORAGE_BUCKET_NAME"),
        ({"AWS_PRIVATE_STORAGE_BUCKET_NAME": "praxis-media"}, "must not share"),
        ({"AWS_PRIVATE_URL_SECONDS": "3600"}, "between 60 and 300"),
        ({"AWS_PRIVATE_URL_SECONDS": "10"}, "between 60 and 300"),
    ],
)
def test_refuses_settings_that_would_expose_private_files(change, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        s3_storages({**ENV, **change})


def test_endpoint_and_custom_domain_come_from_the_environment():
    endpoint = {"S3_ENDPOINT_URL": "http://127.0.0.1:9000", "AWS_S3_CUSTOM_DOMAIN": "cdn.x"}
    configured = s3_storages({**ENV, **endpoint})
    assert configured["default"]["OPTIONS"]["endpoint_url"] == "http://127.0.0.1:9000"
    assert configured["private"]["OPTIONS"]["endpoint_url"] == "http://127.0.0.1:9000"
    assert configured["default"]["OPTIONS"]["custom_domain"] == "cdn.x"
    assert configured["private"]["OPTIONS"]["custom_domain"] is None


@pytest.fixture
def buckets(settings):
    with mock_aws():
        client = boto3.client("s3", region_name="eu-west-2")
        for name in (ENV["AWS_STORAGE_BUCKET_NAME"], ENV["AWS_PRIVATE_STORAGE_BUCKET_NAME"]):
            client.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"})
        settings.STORAGES = {**settings.STORAGES, **s3_storages(ENV)}
        yield client


def object_names(client, bucket: str) -> list[str]:
    return [item["Key"] for item in client.list_objects_v2(Bucket=bucket).get("Contents", [])]


def test_private_files_go_to_the_private_bucket_only(buckets):
    name = storages["private"].save("evidence/2026/reflection.txt", ContentFile(b"my reflection"))

    assert object_names(buckets, "praxis-private") == [name]
    assert object_names(buckets, "praxis-media") == []
    with storages["private"].open(name, "rb") as handle:
        assert handle.read() == b"my reflection"


def test_private_objects_carry_no_public_grant(buckets):
    name = storages["private"].save("certificates/PRX-2026-000001.pdf", ContentFile(b"%PDF-1.7"))

    grants = buckets.get_object_acl(Bucket="praxis-private", Key=name)["Grants"]
    assert grants, "the object has an ACL"
    assert all("AllUsers" not in grant["Grantee"].get("URI", "") for grant in grants)


def test_a_private_url_is_signed_and_lasts_at_most_five_minutes(buckets):
    name = storages["private"].save("evidence/note.txt", ContentFile(b"x"))

    query = urllib.parse.parse_qs(urllib.parse.urlsplit(storages["private"].url(name)).query)
    assert "X-Amz-Signature" in query
    assert 60 <= int(query["X-Amz-Expires"][0]) <= 300


def test_public_media_urls_are_plain(buckets):
    name = storages["default"].save("images/logo.png", ContentFile(b"png"))

    url = storages["default"].url(name)
    assert "X-Amz-Signature" not in url
    assert object_names(buckets, "praxis-media") == [name]
