"""A member's own certificates: the list, downloads, and asking for a certificate."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import ListView

from learning_records.certificates.kinds import get_kind
from learning_records.certificates.models import Certificate
from learning_records.certificates.services import issue_certificate

PREPARING_RETRY_SECONDS = 30


def pdf_response(certificate: Certificate) -> FileResponse:
    """The certificate's stored PDF as a download (the member's and the admin's)."""
    return FileResponse(
        certificate.pdf.open("rb"),
        as_attachment=True,
        filename=certificate.download_filename,
        content_type="application/pdf",
    )


class CertificateListView(LoginRequiredMixin, ListView):
    template_name = "learning_records/certificate_list.html"
    context_object_name = "certificates"
    paginate_by = 20

    def get_queryset(self):
        return Certificate.objects.for_member(self.request.user).with_versions()


def _own_certificate(request, pk: int) -> Certificate:
    """The member's own certificate, or 404: another member's certificate does not exist here."""
    return get_object_or_404(Certificate.objects.for_member(request.user), pk=pk)


def _private(response):
    patch_cache_control(response, private=True, no_store=True)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
@login_required
def download_pdf(request, pk: int):
    certificate = _own_certificate(request, pk)
    if not certificate.is_ready:
        # Issued to a whole cohort at once: the worker is still rendering it (certificates/tasks.py).
        template = "learning_records/certificate_being_prepared.html"
        response = render(request, template, {"certificate": certificate}, status=503)
        response["Retry-After"] = str(PREPARING_RETRY_SECONDS)
        return _private(response)
    return _private(pdf_response(certificate))


@require_GET
@login_required
def download_badge(request, pk: int):
    certificate = _own_certificate(request, pk)
    body = json.dumps(certificate.badge, indent=2, ensure_ascii=False)
    response = HttpResponse(body, content_type="application/ld+json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{certificate.serial}-open-badge.json"'
    return _private(response)


@require_GET
@login_required
def download_badge_jwt(request, pk: int):
    certificate = _own_certificate(request, pk)
    response = HttpResponse(certificate.badge_jwt, content_type="application/jwt")
    response["Content-Disposition"] = f'attachment; filename="{certificate.serial}-open-badge.jwt"'
    return _private(response)


@require_POST
@login_required
def request_certificate(request):
    """A member asks for a certificate of a kind members may request (e.g. a CPD statement).

    Refusals list exactly what is missing, on a page of their own, with a way back.
    """
    try:
        kind = get_kind(request.POST.get("kind", ""))
    except ValidationError:
        raise Http404("No such kind of certificate.") from None
    if not kind.member_can_request:
        raise Http404("Members cannot ask for this kind of certificate.")

    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = ""
    try:
        params = kind.clean_params(request.POST)
        certificate = issue_certificate(kind=kind, recipient=request.user, params=params)
    except ValidationError as error:
        context = {"kind": kind, "problems": error.messages, "back_url": back}
        return render(request, "learning_records/certificate_refused.html", context, status=400)
    messages.success(
        request,
        f"Your {certificate.title} is ready (serial {certificate.serial}). You can download it below.",
    )
    return redirect("certificates:list")
