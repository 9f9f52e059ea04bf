from wagtail import hooks
from wagtail.contrib.forms.models import AbstractForm

from cms.ratelimits import check_form_page_rate_limit


@hooks.register("before_serve_page")
def limit_form_page_submissions(page, request, serve_args, serve_kwargs):
    # Every page is served by one Wagtail view, so form pages are limited here, by page type.
    if isinstance(page, AbstractForm):
        return check_form_page_rate_limit(request, page)
    return None
