from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from .seo import LanguageSitemap

# Answers 503 with the emergency numbers when the database is down (closher.unavailable).
handler500 = "closher.unavailable.server_error"

urlpatterns = [
    path("admin/two-factor/", include("closher.accounts.urls")),
    path("admin/", include("directory.admin_views")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("services.urls")),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": LanguageSitemap}}, name="sitemap"),
    path("", include(wagtail_urls)),
)
