"""Admin views: the translation status report, bulk submission of a section, and the translator's
"Submit for moderation" from the translation editor."""

from urllib.parse import urlencode

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from django.views.defaults import permission_denied
from django.views.generic import FormView, TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from .forms import ReviewTranslationForm, StartTranslationForm, SubmitSectionForm
from .moderation import review_translation, submit_translation_for_moderation
from .operations import section_choices, submit_section_for_translation
from .permissions import can_view_translation_report, target_locales, translator_locales
from .status import STATE_LABELS, translation_statuses
from .work import may_translate_into, start_translation, sync_translation, translator_queue


def _locale_choices():
    return [(locale.language_code, locale.get_display_name()) for locale in target_locales()]


class TranslationStatusFilterSet(WagtailFilterSet):
    # The locale filter picks the report's columns rather than its rows (see the view).
    locale = django_filters.ChoiceFilter(
        label=gettext_lazy("Locale"), choices=_locale_choices, method="filter_locale",
        empty_label=gettext_lazy("All locales"),
    )
    section = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Section"), queryset=lambda request: section_choices(),
        method="filter_section", empty_label=gettext_lazy("Whole site"),
    )

    class Meta:
        model = Page
        fields = ["locale", "section"]

    @property
    def valid_data(self):
        """The filter values that are valid.

        An invalid value (a section id that is not a section, say) keeps its error on its own
        field and is left out, rather than making the whole form invalid and so dropping the
        filters that are fine: the report then still shows only the locale asked for.
        """
        self.is_valid()  # validates once, filling cleaned_data with the valid fields only
        return self.form.cleaned_data

    def filter_locale(self, queryset, name, value):
        return queryset

    def filter_section(self, queryset, name, value):
        return queryset.filter(path__startswith=value.path)


def _source_page_url(user, page):
    """Where a source page's title leads: its editor for those who may edit it, else (for
    translators) the page as visitors see it, which they may always open."""
    if page.permissions_for_user(user).can_edit():
        return reverse("wagtailadmin_pages:edit", args=[page.pk])
    return page.url if page.live else None


class TranslationStatusReportView(ReportView):
    """Every source page with its state in each target locale."""

    page_title = gettext_lazy("Translations")
    header_icon = "site"
    template_name = "translation/report.html"
    results_template_name = "translation/report_results.html"
    index_url_name = "translation:report"
    index_results_url_name = "translation:report_results"
    filterset_class = TranslationStatusFilterSet
    paginate_by = 50
    list_export = []

    def dispatch(self, request, *args, **kwargs):
        if not can_view_translation_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        self.queryset = (
            Page.objects.filter(locale=Locale.get_default(), depth__gt=1)
            # content_type for the title's permission check, url_path for its public link.
            .only("id", "title", "draft_title", "depth", "path", "translation_key", "locale_id",
                  "last_published_at", "live", "content_type_id", "url_path")
            .order_by("path")
        )
        return super().get_queryset()

    def get_ordering(self):
        return None

    def filter_queryset(self, queryset):
        # Wagtail drops every filter when one value is invalid; apply the valid ones.
        if self.filters and self.filters.valid_data:
            queryset = self.filters.filter_queryset(queryset)
        return queryset

    @property
    def columns_locales(self):
        code = self.filters.valid_data.get("locale") if self.filters else None
        locales = list(target_locales())
        return [locale for locale in locales if locale.language_code == code] if code else locales

    def decorate_paginated_queryset(self, object_list):
        pages = list(object_list)
        locales = self.columns_locales
        statuses = translation_statuses(pages, locales)
        min_depth = min((page.depth for page in pages), default=2)
        user = self.request.user
        may_start = {locale.pk: may_translate_into(user, locale) for locale in locales}
        for page in pages:
            page.translation_row = [statuses[page.pk][locale.pk] for locale in locales]
            for status in page.translation_row:
                status.may_start = may_start[status.locale.pk]
            page.indent = page.depth - min_depth
            page.report_url = _source_page_url(user, page)
        return pages

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["report_locales"] = self.columns_locales
        context["state_labels"] = STATE_LABELS
        context["can_submit"] = self.request.user.has_perm("wagtail_localize.submit_translation")
        # Actions in the cells come back to the report (not to its results-only address).
        context["next_url"] = context.get("index_url") or reverse("translation:report")
        data = self.filters.valid_data if self.filters else {}
        query = {}
        if data.get("section"):
            query["section"] = data["section"].pk
        if data.get("locale"):
            query["locales"] = Locale.objects.get(language_code=data["locale"]).pk
        context["submit_url"] = reverse("translation:submit_section") + (
            f"?{urlencode(query)}" if query else ""
        )
        return context


class SubmitSectionView(WagtailAdminTemplateMixin, FormView):
    """Submit a whole section into one or more locales at once (missing translations only)."""

    form_class = SubmitSectionForm
    template_name = "translation/submit_section.html"
    page_title = gettext_lazy("Submit a section for translation")
    header_icon = "site"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("wagtail_localize.submit_translation"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        initial = {}
        if self.request.GET.get("section", "").isdigit():
            initial["section"] = self.request.GET["section"]
        if self.request.GET.get("locales", "").isdigit():
            initial["locales"] = [self.request.GET["locales"]]
        return initial

    def form_valid(self, form):
        section = form.cleaned_data["section"]
        locales = list(form.cleaned_data["locales"])
        started = submit_section_for_translation(section, locales, self.request.user)
        messages.success(
            self.request,
            ngettext(
                "Started %(count)d translation of “%(section)s” into %(locales)s.",
                "Started %(count)d translations of “%(section)s” into %(locales)s.",
                started,
            ) % {
                "count": started,
                "section": section.get_admin_display_title(),
                "locales": ", ".join(locale.get_display_name() for locale in locales),
            },
        )
        return redirect(reverse("translation:report") + f"?section={section.pk}"
                        if section.depth == 3 else reverse("translation:report"))

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


@require_POST
def submit_for_moderation(request, page_id):
    """The translator's way to go live: the translation becomes a revision under moderation."""
    page = get_object_or_404(Page, pk=page_id)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    try:
        submit_translation_for_moderation(page, request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(edit_url)
    messages.success(
        request,
        _("“%(title)s” in %(locale)s was submitted for moderation. A moderator will review it "
          "before it goes live.") % {
            "title": page.get_admin_display_title(), "locale": page.locale.get_display_name()},
    )
    return redirect(edit_url)


def _refused(request, page, error, title=None):
    """Bad input: a 400 page that says what was wrong, and changes nothing."""
    return render(
        request,
        "translation/action_error.html",
        {"error": error, "back_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
         "page_title": title or _("The review was not recorded")},
        status=400,
    )


@require_POST
def review(request, page_id):
    """A moderator approves a translation or asks for changes, from the translation editor."""
    page = get_object_or_404(Page, pk=page_id)
    form = ReviewTranslationForm(request.POST)
    if not form.is_valid():
        return _refused(request, page, " ".join(
            message for messages_ in form.errors.values() for message in messages_))
    data = form.cleaned_data
    try:
        review_translation(page, request.user, data["action"], data["task_state"],
                           data["comment"])
    except PermissionDenied:
        # A plain 403: raised, Wagtail's admin would turn it into a redirect to the dashboard.
        return permission_denied(request, PermissionDenied())
    except ValidationError as error:
        return _refused(request, page, " ".join(error.messages))
    values = {"title": page.get_admin_display_title(), "locale": page.locale.get_display_name()}
    if data["action"] == "approve":
        messages.success(request, _("You approved “%(title)s” in %(locale)s.") % values)
    else:
        messages.success(
            request,
            _("You asked for changes to “%(title)s” in %(locale)s; the translator sees your "
              "comment in the translation editor.") % values,
        )
    return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))


def _back_url(request, fallback):
    """The report or queue the translator came from (only an admin address), else ``fallback``."""
    next_url = request.POST.get("next", "")
    admin_home = reverse("wagtailadmin_home")
    if next_url.startswith(admin_home) and not next_url.startswith("//"):
        return next_url
    return fallback


@require_POST
def start(request, page_id):
    """Start a translation of a source page from the report or the queue."""
    page = get_object_or_404(Page, pk=page_id)
    form = StartTranslationForm(request.POST)
    if not form.is_valid():
        return _refused(request, page, " ".join(form.errors.get("locale", [])),
                        title=_("The translation was not started"))
    locale = form.cleaned_data["locale"]
    try:
        translated = start_translation(page, locale, request.user)
    except PermissionDenied:
        return permission_denied(request, PermissionDenied())
    except ValidationError as error:
        return _refused(request, page, " ".join(error.messages),
                        title=_("The translation was not started"))
    messages.success(request, _("Started the %(locale)s translation of “%(title)s”.") % {
        "locale": locale.get_display_name(), "title": page.get_admin_display_title()})
    return redirect(reverse("wagtailadmin_pages:edit", args=[translated.pk]))


@require_POST
def sync(request, translation_id):
    """Bring one translation up to date with its source, and show what changed there."""
    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale"), pk=translation_id,
        enabled=True,
    )
    try:
        changes = sync_translation(translation, request.user)
    except PermissionDenied:
        return permission_denied(request, PermissionDenied())
    target = translation.get_target_instance()
    return render(request, "translation/synced.html", {
        "page_title": _("Translation brought up to date"),
        "header_icon": "site",
        "translation": translation,
        "target": target,
        "changes": changes,
        "edit_url": translation.get_target_instance_edit_url(),
        "back_url": _back_url(request, reverse("translation:queue")),
    })


class QueueView(WagtailAdminTemplateMixin, TemplateView):
    """The translator's work list: what is missing, out of date, unfinished or sent back."""

    template_name = "translation/queue.html"
    page_title = gettext_lazy("My translation work")
    header_icon = "site"

    def dispatch(self, request, *args, **kwargs):
        if not translator_locales(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["items"] = translator_queue(self.request.user)
        context["locales"] = translator_locales(self.request.user)
        context["state_labels"] = STATE_LABELS
        context["next_url"] = self.request.get_full_path()
        return context
