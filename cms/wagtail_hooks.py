from wagtail import hooks

from cms.page_cache import mark_page_for_caching, page_cache_enabled


@hooks.register("before_serve_page")
def allow_page_cache(page, request, serve_args, serve_kwargs):
    if not page_cache_enabled():
        return None
    # Pages behind a view restriction (login, password, groups) are never cached: Wagtail's own
    # hook decides per visitor whether to show them.
    if page.get_view_restrictions():
        return None
    if getattr(page.specific_class, "page_cache_enabled", True):
        mark_page_for_caching(request, page)
    return None
