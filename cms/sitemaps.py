"""/sitemap.xml: every live page in every locale, each with hreflang links to its translations,
and the sub-routes that are pages of their own (speakers), linked the same way."""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page


class MultilingualSitemap(Sitemap):
    def items(self):
        # Wagtail's sitemap covers the site's root page only; its translations are the roots of
        # the other locales' trees, so walk all of them.
        root = self.get_wagtail_site().root_page
        roots = Page.objects.filter(translation_key=root.translation_key).only("path")
        in_any_tree = Q()
        for locale_root in roots:
            in_any_tree |= Q(path__startswith=locale_root.path)
        return (
            Page.objects.filter(in_any_tree)
            .live()
            .public()
            .select_related("locale")
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        # Translations share a translation_key: group this sitemap page's entries by it rather
        # than asking each page for its translations (one query per page).
        codes = dict(Locale.objects.values_list("pk", "language_code"))
        order = [code for code, _name in settings.LANGUAGES]
        urls = []
        groups = defaultdict(list)
        last_mods = set()
        for item in self.paginator.page(page).object_list:
            for index, url_info in enumerate(item.get_sitemap_urls(self.request)):
                url_info = dict(url_info)
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
                # The page's own address is grouped with its translations; a sub-route (a
                # speaker's page) with its counterparts when it names them by a key of its own.
                key = url_info.pop("alternates_key", None)
                if index == 0:
                    key = item.translation_key
                if key is not None:
                    url_info["lang_code"] = codes.get(item.locale_id)
                    groups[key].append(url_info)
        for group in groups.values():
            if len(group) < 2:
                continue
            alternates = sorted(
                ({"lang_code": u["lang_code"], "location": u["location"]} for u in group),
                key=lambda alt: order.index(alt["lang_code"]) if alt["lang_code"] in order else 99,
            )
            default = next(
                (alt for alt in alternates if alt["lang_code"] == settings.LANGUAGE_CODE), None
            )
            if default:
                alternates.append({"lang_code": "x-default", "location": default["location"]})
            for url_info in group:
                url_info["alternates"] = alternates
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
