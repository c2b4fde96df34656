"""Certificates: the member's own at /my/certificates/, public verification at /verify/."""

from django.urls import path

from learning_records.certificates.views import member as certificates
from learning_records.certificates.views import verification

app_name = "certificates"

urlpatterns = [
    path("my/certificates/", certificates.CertificateListView.as_view(), name="list"),
    path("my/certificates/request/", certificates.request_certificate, name="request"),
    path("my/certificates/<int:pk>/pdf/", certificates.download_pdf, name="pdf"),
    path("my/certificates/<int:pk>/badge.json", certificates.download_badge, name="badge"),
    path("my/certificates/<int:pk>/badge.jwt", certificates.download_badge_jwt, name="badge_jwt"),
    path("verify/", verification.verify_form, name="verify"),
    path("verify/issuer/", verification.issuer_profile, name="issuer"),
    path("verify/keys/<str:thumbprint>.json", verification.public_key, name="public_key"),
    path(".well-known/jwks.json", verification.jwks, name="jwks"),
    path("verify/<str:code>/", verification.verify_certificate, name="verify_code"),
]
