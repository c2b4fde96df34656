"""The Ed25519 key that signs Open Badges credentials, and VC-JWT signing and verification.

The key comes from settings.PRAXIS_SIGNING_KEY (a PEM or a JWK with the private part).
Production refuses to start without it. Elsewhere a key is derived from SECRET_KEY so dev and
test badges verify across restarts; such a key is public knowledge and proves nothing.
"""

import functools
import hashlib
import json
import logging

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from jwcrypto import jwk, jws
from jwcrypto.common import JWException, json_encode

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from learning_records.common.links import absolute_url

logger = logging.getLogger(__name__)

ALGORITHM = "EdDSA"


class SignatureError(Exception):
    """The token is malformed or its signature does not match the key."""


def parse_signing_key(value: str) -> jwk.JWK:
    """An Ed25519 private key from a PEM (PKCS#8) or a JWK, or ImproperlyConfigured."""
    text = value.strip()
    try:
        key = jwk.JWK.from_json(text) if text.startswith("{") else jwk.JWK.from_pem(text.encode())
    except (ValueError, TypeError, JWException) as error:
        raise ImproperlyConfigured(f"PRAXIS_SIGNING_KEY is not a PEM or JWK key: {error}") from error
    if key.get("kty") != "OKP" or key.get("crv") != "Ed25519":
        raise ImproperlyConfigured("PRAXIS_SIGNING_KEY must be an Ed25519 key.")
    if not key.has_private:
        raise ImproperlyConfigured(
            "PRAXIS_SIGNING_KEY must include the private key, not only the public one."
        )
    return key


@functools.lru_cache(maxsize=4)
def _key_for(configured: str, secret_key: str) -> jwk.JWK:
    if configured:
        return parse_signing_key(configured)
    logger.warning(
        "PRAXIS_SIGNING_KEY is not set: Open Badges are signed with a throwaway key derived from "
        "SECRET_KEY. Anyone who knows SECRET_KEY can forge them; set PRAXIS_SIGNING_KEY in production."
    )
    seed = hashlib.sha256(b"praxis-throwaway-signing-key:" + secret_key.encode()).digest()
    return jwk.JWK.from_pyca(Ed25519PrivateKey.from_private_bytes(seed))


def signing_key() -> jwk.JWK:
    return _key_for(settings.PRAXIS_SIGNING_KEY, settings.SECRET_KEY)


def key_id(key: jwk.JWK | None = None) -> str:
    """A URL that answers with the public key (the JWT `kid`), named by its RFC 7638 thumbprint."""
    key = key or signing_key()
    path = reverse("certificates:public_key", kwargs={"thumbprint": key.thumbprint()})
    return absolute_url(path)


def public_jwk(key: jwk.JWK | None = None) -> dict:
    key = key or signing_key()
    return {**key.export_public(as_dict=True), "kid": key_id(key), "use": "sig", "alg": ALGORITHM}


def public_jwks() -> dict:
    return {"keys": [public_jwk()]}


def sign_jwt(claims: dict, *, key: jwk.JWK | None = None) -> str:
    """A compact JWS (EdDSA) of `claims`, with the public key and its URL in the header."""
    key = key or signing_key()
    header = {"alg": ALGORITHM, "typ": "JWT", "kid": key_id(key), "jwk": key.export_public(as_dict=True)}
    payload = json.dumps(claims, ensure_ascii=False, separators=(",", ":")).encode()
    token = jws.JWS(payload)
    token.add_signature(key, alg=ALGORITHM, protected=json_encode(header))
    return token.serialize(compact=True)


def verify_jwt(token: str, public_key: jwk.JWK | dict) -> dict:
    """The claims of `token` if its EdDSA signature verifies with `public_key`."""
    if isinstance(public_key, dict):
        public_key = jwk.JWK(**public_key)
    parsed = jws.JWS()
    try:
        parsed.deserialize(token.strip())
        parsed.verify(public_key, alg=ALGORITHM)
        return json.loads(parsed.payload)
    except (JWException, ValueError, TypeError) as error:
        raise SignatureError(str(error) or type(error).__name__) from error
