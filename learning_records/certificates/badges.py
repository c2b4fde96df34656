"""Open Badges 3.0: each certificate as an OpenBadgeCredential, signed as a VC-JWT.

The credential's `id` is the public verification URL, so whoever holds the badge can also see
whether it has since been revoked or replaced. Structure follows the Open Badges 3.0
specification (https://www.imsglobal.org/spec/ob/v3p0/), sections 4 (data model) and 8.2
(VC-JWT: the payload is the credential itself, plus the registered claims iss, nbf and jti).
"""

import uuid
from datetime import UTC, datetime

from django.urls import reverse

from learning_records.common.links import absolute_url

from .kinds import CertificateContent, CertificateKind
from .signing import sign_jwt

CONTEXTS = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
SCHEMA = {
    "id": "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json",
    "type": "1EdTechJsonSchemaValidator2019",
}
# Framework statements are competencies in the CTDL-ASN sense.
ALIGNMENT_TARGET_TYPE = "ceasn:Competency"


def issuer_id() -> str:
    return absolute_url(reverse("certificates:issuer"))


def issuer_profile(organisation_name: str) -> dict:
    return {
        "id": issuer_id(),
        "type": ["Profile"],
        "name": organisation_name,
        "url": absolute_url("/"),
    }


def achievement_id(kind: CertificateKind, content: CertificateContent) -> str:
    """A stable identifier for what was achieved (the same for everyone who achieves it)."""
    name = absolute_url(f"/certificates/{kind.code}/{kind.achievement_name(content)}")
    return uuid.uuid5(uuid.NAMESPACE_URL, name).urn


def _timestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def build_credential(
    *,
    kind: CertificateKind,
    content: CertificateContent,
    verification_url: str,
    issued_at: datetime,
    organisation_name: str,
) -> dict:
    """The OpenBadgeCredential (JSON-LD) for one certificate, before signing."""
    alignments = [
        {
            "type": ["Alignment"],
            "targetName": alignment.name,
            "targetCode": alignment.code,
            "targetFramework": alignment.framework,
            "targetUrl": alignment.url,
            "targetType": ALIGNMENT_TARGET_TYPE,
        }
        for alignment in content.alignments
    ]
    achievement = {
        "id": achievement_id(kind, content),
        "type": ["Achievement"],
        "achievementType": "Certificate",
        "name": kind.achievement_name(content),
        "description": kind.achievement_description or content.statement,
        "criteria": {"narrative": kind.criteria or content.statement},
        "creator": issuer_profile(organisation_name),
    }
    if alignments:
        achievement["alignment"] = alignments
    return {
        "@context": CONTEXTS,
        "id": verification_url,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": issuer_profile(organisation_name),
        "validFrom": _timestamp(issued_at),
        "name": content.title,
        "description": f"{content.recipient_name} {content.statement}",
        "credentialSubject": {
            "type": ["AchievementSubject"],
            # The name is printed on the certificate already; no email address leaves the site.
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityHash": content.recipient_name,
                    "identityType": "name",
                    "hashed": False,
                }
            ],
            "achievement": achievement,
        },
        "credentialSchema": [SCHEMA],
    }


def sign_credential(credential: dict, *, issued_at: datetime) -> str:
    """The credential as a VC-JWT: its members at the top level plus iss, nbf and jti."""
    claims = {
        **credential,
        "iss": credential["issuer"]["id"],
        "nbf": int(issued_at.timestamp()),
        "jti": credential["id"],
    }
    return sign_jwt(claims)
