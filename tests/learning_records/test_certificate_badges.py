"""Open Badges 3.0 credentials: structure, signature, keys and their public endpoints."""

import base64
import json

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from jwcrypto import jwk

from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.urls import reverse

from learning_records.certificates import signing
from learning_records.certificates.badges import CONTEXTS
from learning_records.certificates.signing import SignatureError, parse_signing_key, verify_jwt
from learning_records.checks import check_signing_key

pytestmark = pytest.mark.django_db


def new_pem() -> str:
    key = Ed25519PrivateKey.generate()
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


@pytest.fixture
def jwks(client):
    response = client.get("/.well-known/jwks.json")
    assert response.status_code == 200
    return response.json()


def _public_key(jwks) -> jwk.JWK:
    (key,) = jwks["keys"]
    return jwk.JWK(**key)


def test_credential_is_open_badges_3_json_ld(certificate):
    badge = json.loads(json.dumps(certificate.badge))  # as downloaded: plain JSON
    assert badge["@context"] == CONTEXTS
    assert badge["@context"][0] == "https://www.w3.org/ns/credentials/v2"
    assert badge["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert badge["id"] == certificate.verification_url
    assert badge["issuer"]["type"] == ["Profile"]
    assert badge["issuer"]["name"] == "Praxis Teaching Partnership"
    assert badge["issuer"]["id"] == "http://testserver/verify/issuer/"
    assert badge["validFrom"].endswith("Z")
    assert badge["name"] == "Certificate of attendance"
    subject = badge["credentialSubject"]
    assert subject["type"] == ["AchievementSubject"]
    assert subject["identifier"][0]["identityHash"] == "Priya Shah"
    achievement = subject["achievement"]
    assert achievement["type"] == ["Achievement"]
    assert achievement["id"].startswith("urn:uuid:")
    assert achievement["criteria"]["narrative"]
    assert achievement["description"]
    assert [a["targetCode"] for a in achievement["alignment"]] == ["4.1", "4.2"]
    for alignment in achievement["alignment"]:
        assert alignment["type"] == ["Alignment"]
        assert alignment["targetName"]
        assert alignment["targetFramework"] == "Social Work England professional standards (2019)"
        assert alignment["targetUrl"].startswith("https://")
        assert alignment["targetType"] == "ceasn:Competency"


def test_credential_reveals_no_email(certificate, member):
    assert member.email not in json.dumps(certificate.badge)
    assert member.email not in certificate.badge_jwt
    assert member.email not in base64.urlsafe_b64decode(certificate.badge_jwt.split(".")[1] + "==").decode()


def test_signature_verifies_with_the_published_key(certificate, jwks):
    claims = verify_jwt(certificate.badge_jwt, _public_key(jwks))
    assert {key: claims[key] for key in certificate.badge} == certificate.badge
    assert claims["iss"] == certificate.badge["issuer"]["id"]
    assert claims["jti"] == certificate.verification_url
    assert claims["nbf"] == int(certificate.issued_at.timestamp())


def test_header_names_the_key_by_a_url_that_serves_it(certificate, client, jwks):
    header = json.loads(base64.urlsafe_b64decode(certificate.badge_jwt.split(".")[0] + "=="))
    assert header["alg"] == "EdDSA"
    assert header["jwk"]["crv"] == "Ed25519"
    assert "d" not in header["jwk"]
    assert header["kid"] == jwks["keys"][0]["kid"]
    response = client.get(header["kid"].removeprefix("http://testserver"))
    assert response.status_code == 200
    assert response.json()["x"] == header["jwk"]["x"]
    assert "d" not in response.json()


@pytest.mark.parametrize("part", [0, 1, 2])
def test_a_changed_byte_fails_verification(certificate, jwks, part):
    pieces = certificate.badge_jwt.split(".")
    target = pieces[part]
    position = len(target) // 2
    pieces[part] = target[:position] + ("A" if target[position] != "A" else "B") + target[position + 1 :]
    with pytest.raises(SignatureError):
        verify_jwt(".".join(pieces), _public_key(jwks))


def test_a_changed_claim_fails_verification(certificate, jwks):
    header, payload, signature = certificate.badge_jwt.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    claims["credentialSubject"]["identifier"][0]["identityHash"] = "Someone Else"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    with pytest.raises(SignatureError):
        verify_jwt(f"{header}.{forged}.{signature}", _public_key(jwks))


def test_another_key_does_not_verify(certificate):
    with pytest.raises(SignatureError):
        verify_jwt(certificate.badge_jwt, jwk.JWK.generate(kty="OKP", crv="Ed25519"))


def test_configured_pem_key_signs_and_is_published(
    settings, attendance_kind, attendance_params, member, client
):
    from learning_records.certificates.services import issue_certificate

    settings.PRAXIS_SIGNING_KEY = new_pem()
    certificate = issue_certificate(kind=attendance_kind, recipient=member, params=attendance_params)
    published = client.get(reverse("certificates:jwks")).json()
    assert (
        published["keys"][0]["x"]
        == parse_signing_key(settings.PRAXIS_SIGNING_KEY).export_public(as_dict=True)["x"]
    )
    verify_jwt(certificate.badge_jwt, _public_key(published))


def test_parse_signing_key_accepts_a_jwk():
    key = jwk.JWK.generate(kty="OKP", crv="Ed25519")
    assert parse_signing_key(key.export_private()).thumbprint() == key.thumbprint()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("not a key", "not a PEM or JWK"),
        (jwk.JWK.generate(kty="OKP", crv="Ed25519").export_public(), "must include the private key"),
        (jwk.JWK.generate(kty="EC", crv="P-256").export_private(), "must be an Ed25519 key"),
    ],
    # Named ids: the generated keys differ on each collection, and parallel workers must agree.
    ids=["not-a-key", "public-only", "not-ed25519"],
)
def test_parse_signing_key_refuses(value, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        parse_signing_key(value)


def test_system_check_reports_an_unusable_key(settings):
    settings.PRAXIS_SIGNING_KEY = "-----BEGIN PRIVATE KEY-----\nnonsense\n-----END PRIVATE KEY-----"
    (error,) = check_signing_key(None)
    assert error.id == "learning_records.E001"
    settings.PRAXIS_SIGNING_KEY = new_pem()
    assert check_signing_key(None) == []


def test_throwaway_key_is_stable_and_warned_about(settings, caplog):
    settings.PRAXIS_SIGNING_KEY = ""
    settings.SECRET_KEY = "another-test-secret"  # a fresh cache entry, so the warning is logged
    first = signing.signing_key()
    assert signing.signing_key().thumbprint() == first.thumbprint()
    assert "PRAXIS_SIGNING_KEY is not set" in caplog.text


def test_generate_signing_key_command_prints_a_usable_key(capsys):
    call_command("generate_signing_key")
    assert parse_signing_key(capsys.readouterr().out).has_private


def test_unknown_key_url_is_not_found(client):
    assert client.get(reverse("certificates:public_key", kwargs={"thumbprint": "nope"})).status_code == 404


def test_issuer_profile(client):
    response = client.get(reverse("certificates:issuer"))
    profile = response.json()
    assert response["Content-Type"] == "application/ld+json"
    assert profile["type"] == ["Profile"]
    assert profile["id"] == "http://testserver/verify/issuer/"
    assert profile["name"] == "Praxis Teaching Partnership"
