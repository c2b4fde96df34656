"""Glue between django-axes and allauth's email login."""


def axes_username(request, credentials=None) -> str:
    """The email a login attempt names, lower-cased so `Jo@x.org` and `jo@x.org` share one counter.

    allauth passes `email` in the credentials; its login form posts the field as `login`.
    """
    value = ""
    if credentials:
        value = credentials.get("email") or credentials.get("username") or ""
    if not value and request is not None:
        data = getattr(request, "data", None) or request.POST
        value = data.get("login") or data.get("email") or ""
    return value.strip().lower()
