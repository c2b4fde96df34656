"""The site's URLs plus a stand-in for the learning records app's `records:create`, so pages
that link to it by name ("Record this as CPD") can be tested on branches without that app."""

from django.http import HttpResponse
from django.urls import include, path

from config.urls import urlpatterns as site_urlpatterns

records_patterns = ([path("new/", lambda request: HttpResponse("stand-in"), name="create")], "records")

urlpatterns = [path("my/records/", include(records_patterns)), *site_urlpatterns]
