from wagtail import hooks
from wagtail.contrib.forms.models import FormMixin

from cms.page_cache import mark_page_for_caching, page_cache_enabled
from cms.ratelimits import check_form_page_rate_limit


@hooks.register("before_serve_page")
def limit_form_page_submissions(page, request, serve_args, serve_kwargs):
    # Every page is served by one Wagtail view, so form pages are limited here, by page type.
    # FormMixin, not AbstractForm: AbstractEmailForm (the contact page) is not an AbstractForm.
    if isinstance(page, FormMixin):
        return check_form_page_rate_limit(request, page)
    return None


@hooks.register("before_serve_page")
def allow_page_cache(page, request, serve_args, serve_kwargs):
    if not page_cache_enabled():
        return None
    # Pages behind a view restriction (login, password, groups) are not stored either, without a
    # query of ours: Wagtail's own check (an on_serve_page hook, which runs after this one) marks
    # their responses "Cache-Control: private, no-cache", and the page cache refuses those.
    if getattr(page.specific_class, "page_cache_enabled", True):
        mark_page_for_caching(request, page)
    return None
