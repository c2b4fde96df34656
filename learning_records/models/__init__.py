from .certificates import Certificate, CertificateSerialCounter  # noqa: F401
