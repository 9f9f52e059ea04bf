from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import views
from home import views as home_views
from publications import oai
from publications.review import thanks as review_thanks

# Outside the language prefix: the admin, machine-readable endpoints and document serving.
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", views.sitemap_index, name="sitemap"),
    path("sitemap-pages-<int:number>.xml", views.sitemap_page, name="sitemap_page"),
    path("sitemap-speakers.xml", views.sitemap_speakers, name="sitemap_speakers"),
    path("consent/", home_views.cookie_consent, name="cookie_consent"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("healthz", views.healthz, name="healthz"),
    path("livez", views.livez, name="livez"),
    path("readyz", views.readyz, name="readyz"),
    path("oai/", oai.endpoint, name="oai"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Public pages live under /<lang>/. Section apps add their own URL modules here, before Wagtail's
# catch-all page serving.
urlpatterns += i18n_patterns(
    path("portal/", include("publications.review.portal.urls")),
    # Before the file pattern below: a registrant's data.json and invoice.pdf are views.
    path("", include("registrations.urls")),
    # Files that pages serve through RoutablePageMixin routes (feed.xml, cite.bib, calendar.ics,
    # fulltext.pdf):
    # Wagtail's own pattern only matches paths ending in "/", so route these to the same view.
    re_path(
        # Of PDFs, only a publication's fulltext.pdf: any other .pdf address (a document's)
        # must not resolve here, or LocaleMiddleware would answer a document's 404 with a
        # redirect to a language-prefixed copy of its address.
        r"^((?:[\w\-]+/)*(?:[\w\-]+\.(?:xml|bib|ris|json|ics)|fulltext\.pdf))$",
        wagtail_views.serve,
        name="wagtail_serve_file",
    ),
    path("search/", include("search.urls")),
    path("reviewers/thanks/", review_thanks.latest, name="reviewer_thanks_latest"),
    path("reviewers/thanks/<int:year>/", review_thanks.thanks, name="reviewer_thanks"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
handler404 = "cms.views.page_not_found"
handler500 = "cms.views.server_error"
