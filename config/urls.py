from django.conf import settings
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms.views import RobotsView
from config.health import healthz
from search import views as search_views

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", search_views.search, name="search"),
    path("accounts/", include("allauth.urls")),
    path("account/", include("members.urls")),
    path("my/", include("learning_records.cpd.urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", RobotsView.as_view(), name="robots_txt"),
    path("", include("learning_records.programme.urls", namespace="programme")),
    path("", include("learning_records.certificates.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
