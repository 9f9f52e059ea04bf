from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms import views
from cms.sitemaps import MultilingualSitemap
from home import views as home_views

# Outside the language prefix: the admin, machine-readable endpoints and document serving.
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
    path("consent/", home_views.cookie_consent, name="cookie_consent"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("healthz", views.healthz, name="healthz"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Public pages live under /<lang>/. Section apps add their own URL modules here, before Wagtail's
# catch-all page serving.
urlpatterns += i18n_patterns(
    path("portal/", include("publications.portal.urls")),
    path("", include("lectures.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
