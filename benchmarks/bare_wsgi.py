"""The ceiling for benchmarks/serve.py: a bare Django view, served by the same gunicorn.

One URL, one view returning a short text, no middleware, no database, no templates: what a
request costs in gunicorn and Django before any of Praxis runs.

    gunicorn --chdir benchmarks bare_wsgi:application
"""

import os

import django
from django.conf import settings
from django.http import HttpResponse
from django.urls import path


def hello(request):
    return HttpResponse(b"Hello from a bare Django view.", content_type="text/plain")


if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY=os.environ.get("SECRET_KEY", "bare-wsgi-throwaway"),
        ALLOWED_HOSTS=["*"],
        ROOT_URLCONF=__name__,
        MIDDLEWARE=[],
        INSTALLED_APPS=[],
    )
    django.setup()

urlpatterns = [path("", hello)]

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()

if __name__ == "__main__":
    # `make bench` runs every script here; this one is served by serve.py, not run.
    print("The bare Django view benchmarks/serve.py compares pages with; nothing to measure here.")
