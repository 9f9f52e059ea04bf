from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.defaults import permission_denied
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import patches, views
from .models import SiteText
from .moderation import is_translation_in_moderation
from .permissions import (
    can_convert_to_alias,
    can_view_translation_report,
    may_edit_in_locale,
    translator_locales,
)

# wagtail-localize's listing buttons, without their queries per row (see patches.py).
patches.annotate_listing_translation_buttons()


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [
        path("report/", views.TranslationStatusReportView.as_view(), name="report"),
        path("report/results/", views.TranslationStatusReportView.as_view(results_only=True),
             name="report_results"),
        path("submit-section/", views.SubmitSectionView.as_view(), name="submit_section"),
        path("pages/<int:page_id>/submit-for-moderation/", views.submit_for_moderation,
             name="submit_for_moderation"),
        path("pages/<int:page_id>/review/", views.review, name="review"),
        path("pages/<int:page_id>/start/", views.start, name="start"),
        path("translations/<int:translation_id>/sync/", views.sync, name="sync"),
        path("queue/", views.QueueView.as_view(), name="queue"),
    ]
    return [
        path("translation/", include((urls, "translation"), namespace="translation")),
        # Ahead of wagtail-localize's own view at the same address (this app is listed first).
        path("localize/translate/<int:translation_id>/pofile/upload/", patches.upload_pofile),
        path("localize/page/<int:page_id>/convert_to_alias/", patches.convert_to_alias),
        path("localize/translate/<int:translation_id>/disable/", patches.stop_translation),
        path("localize/update/<int:translation_source_id>/",
             patches.UpdateTranslationsView.as_view()),
    ]


@hooks.register("before_edit_snippet", order=-100)
def keep_translators_in_their_locales(request, instance):
    # Before wagtail-localize's own hook, which would open its translation editor.
    if not may_edit_in_locale(request.user, instance):
        raise PermissionDenied


@hooks.register("before_edit_page", order=-100)
def refuse_publishing_a_translation_in_moderation(request, page):
    # The translation editor posts action=publish, Wagtail's page editor action-publish (a
    # translation no longer synced); while the translation is in moderation either would cancel
    # the translator's workflow silently. Neither editor offers it then (translation_editor_props,
    # hide_publish_while_a_translation_is_in_moderation); this refuses a hand-made request.
    asks_to_publish = request.POST.get("action") == "publish" or request.POST.get(
        "action-publish")
    if request.method == "POST" and asks_to_publish and is_translation_in_moderation(page):
        return permission_denied(request, PermissionDenied())


@hooks.register("construct_page_action_menu")
def hide_publish_while_a_translation_is_in_moderation(menu_items, request, context):
    page = context.get("page")
    if page is not None and page.pk and is_translation_in_moderation(page):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_translations_in_moderation(request, action_type, objects,
                                                      action_class_instance):
    if action_type != "publish":
        return None
    pages = [obj for obj in objects if isinstance(obj, Page)]
    if any(is_translation_in_moderation(page) for page in pages):
        messages.error(request, _("A translation among these pages is under review: a "
                                  "moderator approves it in the translation editor."))
        return redirect(action_class_instance.next_url)
    return None


@hooks.register("construct_page_action_menu")
def hide_convert_to_alias_from_non_publishers(menu_items, request, context):
    # The view refuses them (patches.convert_to_alias); the translation editor's own button is
    # dropped in translation/templates/wagtail_localize/admin/edit_translation.html.
    page = context.get("page")
    if page is not None and not can_convert_to_alias(request.user, page):
        menu_items[:] = [item for item in menu_items if item.name != "localize-convert-to-alias"]


class TranslationReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_translation_report(request.user)


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    return TranslationReportMenuItem(
        _("Translations"), reverse("translation:report"), icon_name="site", order=900
    )


class TranslationQueueMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(translator_locales(request.user))


@hooks.register("register_admin_menu_item")
def register_translation_queue_menu_item():
    return TranslationQueueMenuItem(
        _("My translation work"), reverse("translation:queue"), icon_name="site", order=150
    )


@hooks.register("construct_reports_menu")
def hide_localize_translations_report(request, menu_items):
    # wagtail-localize's own "Translations" report lists translation jobs, not pages; ours covers
    # every page in every locale, including the missing ones, so only ours is in the menu. Its
    # report stays reachable at its URL.
    localize_url = reverse("wagtail_localize:translations_report")
    menu_items[:] = [item for item in menu_items if item.url != localize_url]


class SiteTextViewSet(SnippetViewSet):
    model = SiteText
    icon = "doc-full"
    menu_label = _("Site text")
    list_display = ["key", "locale"]


register_snippet(SiteTextViewSet)

