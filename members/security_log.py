"""Security events as JSON lines on the `praxis.security` logger, for an operator's log search.

One line per event: logins that succeed or fail, lockouts, failed certificate verifications,
downloads of a member's data, account deletions. A line names the account by id, never by
email; a failed login for an address with no account carries a keyed hash of the address, so
repeated attempts on one address can be counted without writing the address down.
"""

import hashlib
import hmac
import json
import logging

from axes.signals import user_locked_out

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver
from django.utils import timezone

logger = logging.getLogger("praxis.security")


def client_address(request) -> str:
    """REMOTE_ADDR, or the address PRAXIS_TRUSTED_PROXY_COUNT proxies from the right of
    X-Forwarded-For (entries further left are whatever the client chose to send)."""
    proxies = settings.PRAXIS_TRUSTED_PROXY_COUNT
    forwarded = [
        part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()
    ]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "unknown")


def email_digest(email: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, email.strip().lower().encode(), hashlib.sha256).hexdigest()[:16]


def log_event(event: str, *, request=None, user=None, level: int = logging.INFO, **details) -> dict:
    """Write one security event; returns what was logged (tests read it back)."""
    entry = {"event": event, "at": timezone.now().isoformat(timespec="seconds")}
    if user is not None and getattr(user, "pk", None) is not None:
        entry["user_id"] = user.pk
    if request is not None:
        entry["ip"] = client_address(request)
        entry["path"] = request.path
    entry.update(details)
    logger.log(level, json.dumps(entry, sort_keys=True, default=str), extra={"security_event": entry})
    return entry


def account_for(email: str):
    if not email:
        return None
    return get_user_model().objects.filter(email__iexact=email.strip()).first()


@receiver(user_logged_in, dispatch_uid="security_log_login")
def log_login(sender, request, user, **kwargs):
    log_event("login.success", request=request, user=user)


@receiver(user_login_failed, dispatch_uid="security_log_login_failed")
def log_login_failed(sender, credentials, request=None, **kwargs):
    email = credentials.get("email") or credentials.get("username") or ""
    account = account_for(email)
    details = {} if account else {"email_hash": email_digest(email)}
    log_event("login.failure", request=request, user=account, level=logging.WARNING, **details)


@receiver(user_locked_out, dispatch_uid="security_log_locked_out")
def log_locked_out(sender, request, username=None, ip_address=None, **kwargs):
    account = account_for(username or "")
    details = {} if account else {"email_hash": email_digest(username or "")}
    log_event("login.locked_out", request=request, user=account, level=logging.WARNING, **details)
