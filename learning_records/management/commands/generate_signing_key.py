from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Print a new Ed25519 private key (PEM) for PRAXIS_SIGNING_KEY. Keep it secret."

    def handle(self, *args, **options):
        key = Ed25519PrivateKey.generate()
        pem = key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        self.stdout.write(pem.decode().strip())
