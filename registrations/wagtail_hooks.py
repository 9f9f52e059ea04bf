"""The Registrations area of the admin. Registrations are personal data: every view here is
behind the model permissions that only the Event managers group (and superusers) hold."""

import django_filters
from django.urls import path, reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from . import admin_views, seats
from .models import Certificate, LectureSignup, Registration, Run


class LinksColumn(Column):
    """Links to the staff pages of a row, built by ``links(instance)``."""

    def __init__(self, name, links, **kwargs):
        super().__init__(
            name, accessor=lambda obj: format_html_join(" · ", '<a href="{}">{}</a>', links(obj)),
            **kwargs)


def run_links(run):
    registrations = reverse("registrations_registration:index")
    return [
        (f"{registrations}?run={run.pk}", _("Registrations")),
        (f"{registrations}?run={run.pk}&status=waiting&ordering=waiting_position",
         _("Waiting list")),
        (reverse("registrations_admin:attendance", args=[run.pk]), _("Attendance")),
        (reverse("registrations_admin:email", args=[run.pk]), _("E-mail registrants")),
    ]


def registration_links(registration):
    return [(reverse("registrations_admin:payment", args=[registration.pk]), _("Record payment")),
            (reverse("registrations_admin:cancel", args=[registration.pk]), _("Cancel"))]


class RunEditView(EditView):
    def save_instance(self):
        run = super().save_instance()
        seats.capacity_changed(run)  # more seats: the waiting list moves at once
        return run


class RegistrationIndexView(IndexView):
    def get_base_queryset(self):
        # The run (named after its event) and the fee category of every row, in the listing's
        # own query: three queries per row otherwise, with thousands of registrations.
        return super().get_base_queryset().select_related("run__event", "fee_category")


class RegistrationFilterSet(WagtailFilterSet):
    # A run's name is its event's title: the choices come with their events in one query.
    run = django_filters.ModelChoiceFilter(queryset=Run.objects.select_related("event"))

    class Meta:
        model = Registration
        fields = ["run", "status", "payment_status", "fee_category", "sector"]


class RunIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("event")  # a run is named after it


class RunViewSet(ModelViewSet):
    model = Run
    icon = "date"
    menu_label = _("Runs")
    add_to_admin_menu = False
    list_display = ["__str__", "capacity", LinksColumn("staff", run_links, label=_("Staff"))]
    list_filter = ["event", "language"]
    copy_view_enabled = False
    inspect_view_enabled = False

    edit_view_class = RunEditView
    index_view_class = RunIndexView


class RegistrationViewSet(ModelViewSet):
    model = Registration
    icon = "group"
    menu_label = _("Registrations")
    list_display = ["name", "email", "run", "status", "waiting_position", "payment_status",
                    "fee_category", "sector",
                    LinksColumn("staff", registration_links, label=_("Staff"))]
    filterset_class = RegistrationFilterSet
    search_fields = ["name", "email", "organisation", "payment_reference"]
    ordering = ["run", "waiting_position", "created_at"]
    list_export = ["name", "email", "organisation", "sector", "run", "status",
                   "waiting_position", "fee_category", "payment_status", "payment_reference",
                   "invoice_organisation", "invoice_address", "vat_number", "needs",
                   "airport_pickup", "accommodation", "created_at"]
    export_filename = "registrations"
    # Staff edit the details; states change only through the seats module (cancel, offers).
    form_fields = ["name", "email", "organisation", "sector", "fee_category",
                   "invoice_organisation", "invoice_address", "vat_number", "needs",
                   "airport_pickup", "accommodation"]
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = RegistrationIndexView


class CertificateViewSet(ModelViewSet):
    model = Certificate
    icon = "doc-full"
    menu_label = _("Certificates")
    list_display = ["code", "registration", "issued_at", "revoked_at"]
    search_fields = ["code", "registration__name"]
    form_fields = ["revoked_at", "revoked_reason"]
    copy_view_enabled = False
    add_view_enabled = False


class LectureSignupViewSet(ModelViewSet):
    model = LectureSignup
    icon = "mail"
    menu_label = _("Lecture sign-ups")
    list_display = ["name", "email", "lecture", "created_at", "join_link_sent_at"]
    list_filter = ["lecture"]
    search_fields = ["name", "email"]
    list_export = ["name", "email", "lecture", "language", "created_at", "join_link_sent_at"]
    export_filename = "lecture-signups"
    form_fields = ["name", "email"]
    add_view_enabled = False
    copy_view_enabled = False


class CoursesGroup(ModelViewSetGroup):
    menu_label = _("Courses and events")
    menu_icon = "date"
    menu_order = 250
    items = (
        RunViewSet("registrations_run", url_prefix="registrations/runs"),
        RegistrationViewSet("registrations_registration", url_prefix="registrations/people"),
        CertificateViewSet("registrations_certificate", url_prefix="registrations/certificates"),
        LectureSignupViewSet("registrations_lecturesignup", url_prefix="registrations/lectures"),
    )


@hooks.register("register_admin_viewset")
def register_viewsets():
    return CoursesGroup()


@hooks.register("register_admin_urls")
def register_admin_urls():
    from django.urls import include

    urls = [
        path("payment/<int:pk>/", admin_views.record_payment, name="payment"),
        path("cancel/<int:pk>/", admin_views.cancel_registration, name="cancel"),
        path("attendance/<int:run_id>/", admin_views.attendance, name="attendance"),
        path("email/<int:run_id>/", admin_views.email_run, name="email"),
    ]
    return [path("registrations/staff/", include((urls, "registrations_admin")))]
