"""Public verification: anyone with a code sees what the certificate says and whether it stands.

It shows the certificate's snapshot (exactly what the PDF prints) and its status, nothing else
about the member. Lookups are rate-limited per client address; a wrong code is a plain 404.
"""

import hashlib
import hmac
import logging

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET, require_http_methods

from learning_records.certificates.badges import CONTEXTS
from learning_records.certificates.badges import issuer_profile as build_issuer_profile
from learning_records.certificates.forms import CompareFileForm, VerifyCodeForm
from learning_records.certificates.models import Certificate
from learning_records.certificates.rendering import site_settings
from learning_records.certificates.rules import format_code, normalise_code
from learning_records.certificates.signing import key_id, public_jwk, public_jwks, signing_key
from learning_records.common.links import absolute_url
from members.security_log import client_address, log_event

# Security log lines name the page, not the code in its path: a real code, or a near miss of
# one, is as good as the certificate's address.
LOGGED_PATH = "/verify/<code>/"


def over_rate_limit(request) -> bool:
    """Count a lookup for this address; True once it has made more than the limit in the window."""
    key = f"certificates:verify:{client_address(request)}"
    window = settings.PRAXIS_VERIFY_RATE_WINDOW
    if cache.add(key, 1, timeout=window):
        return False
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=window)
        count = 1
    return count > settings.PRAXIS_VERIFY_RATE_LIMIT


def _public(response):
    patch_cache_control(response, private=True, no_cache=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _rate_limited(request):
    minutes = max(1, settings.PRAXIS_VERIFY_RATE_WINDOW // 60)
    response = render(request, "learning_records/verify_rate_limited.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(settings.PRAXIS_VERIFY_RATE_WINDOW)
    return _public(response)


@require_GET
def verify_form(request):
    """A form for a code typed from paper; a valid-looking code goes to its verification page."""
    form = VerifyCodeForm(request.GET if "code" in request.GET else None)
    if form.is_valid():
        return redirect("certificates:verify_code", code=format_code(form.cleaned_data["code"]))
    return _public(render(request, "learning_records/verify_form.html", {"form": form}))


@require_http_methods(["GET", "HEAD", "POST"])
def verify_certificate(request, code: str):
    canonical = normalise_code(code)
    if canonical is None:
        return _not_found(request)
    if code != format_code(canonical):
        return redirect("certificates:verify_code", code=format_code(canonical), permanent=True)
    if over_rate_limit(request):
        log_event("verification.rate_limited", request=request, level=logging.WARNING, path=LOGGED_PATH)
        return _rate_limited(request)

    certificate = (
        Certificate.objects.select_related("replaced_by", "replaces")
        .filter(verification_code=canonical)
        .first()
    )
    if certificate is None:
        return _not_found(request)

    compare_form = CompareFileForm()
    comparison = None
    if request.method == "POST" and not certificate.is_ready:
        comparison = "being_prepared"
    elif request.method == "POST":
        compare_form = CompareFileForm(request.POST, request.FILES)
        if compare_form.is_valid():
            digest = hashlib.sha256()
            for chunk in compare_form.cleaned_data["file"].chunks():
                digest.update(chunk)
            comparison = (
                "match" if hmac.compare_digest(digest.hexdigest(), certificate.sha256) else "mismatch"
            )
            if comparison == "mismatch":
                # Someone holds a PDF that claims to be this certificate but is not the one issued.
                log_event(
                    "verification.mismatch",
                    request=request,
                    level=logging.WARNING,
                    path=LOGGED_PATH,
                    serial=certificate.serial,
                )
            compare_form = CompareFileForm()

    context = {
        "certificate": certificate,
        "c": certificate.snapshot,
        "state": certificate.state,
        "replacement": certificate.superseded_by,
        "compare_form": compare_form,
        "comparison": comparison,
        "jwks_url": absolute_url(reverse("certificates:jwks")),
        "key_id": key_id(),
    }
    return _public(render(request, "learning_records/verify_certificate.html", context))


def _not_found(request):
    log_event("verification.not_found", request=request, level=logging.WARNING, path=LOGGED_PATH)
    form = VerifyCodeForm()
    return _public(render(request, "learning_records/verify_not_found.html", {"form": form}, status=404))


def _json(data, content_type="application/json"):
    response = JsonResponse(data, content_type=content_type, json_dumps_params={"indent": 2})
    response["Access-Control-Allow-Origin"] = "*"  # public keys and profile: anyone may check a badge
    patch_cache_control(response, public=True, max_age=3600)
    return response


@require_GET
def jwks(request):
    """The public key(s) that verify Open Badges signatures (RFC 7517 JWK Set)."""
    return _json(public_jwks(), content_type="application/jwk-set+json")


@require_GET
def public_key(request, thumbprint: str):
    """One public key, at the URL used as the `kid` of every signed badge."""
    if thumbprint != signing_key().thumbprint():
        raise Http404("No such key.")
    return _json(public_jwk(), content_type="application/jwk+json")


@require_GET
def issuer_profile(request):
    """The Open Badges issuer Profile that every credential's `issuer.id` points to."""
    profile = build_issuer_profile(site_settings().organisation_name or "Praxis")
    return _json({"@context": CONTEXTS, **profile}, content_type="application/ld+json")
