from django.urls import path

from . import desk
from . import statistics as statistics_views
from . import views as admin_views

app_name = "review_admin"

urlpatterns = [
    path("", admin_views.queue, name="queue"),
    path("my-reviews/", admin_views.my_reviews, name="my_reviews"),
    path("statistics/", statistics_views.report, name="statistics"),
    path("statistics/csv/", statistics_views.report_csv, name="statistics_csv"),
    path("<int:pk>/", admin_views.detail, name="submission"),
    path("<int:pk>/handling-editor/", admin_views.assign_handling_editor,
         name="assign_handling_editor"),
    path("<int:pk>/screen/", admin_views.start_screening, name="start_screening"),
    path("<int:pk>/confirm-anonymity/", admin_views.confirm_anonymity, name="confirm_anonymity"),
    path("<int:pk>/send-to-review/", admin_views.send_to_review, name="send_to_review"),
    path("<int:pk>/desk-reject/", admin_views.desk_reject, name="desk_reject"),
    path("<int:pk>/invite/", admin_views.invite, name="invite"),
    path("<int:pk>/assignments/<int:assignment_pk>/remind/", admin_views.remind, name="remind"),
    path("<int:pk>/assignments/<int:assignment_pk>/cancel/", desk.cancel, name="cancel"),
    path("<int:pk>/remind-author/", admin_views.remind_author, name="remind_author"),
    path("<int:pk>/decide/", admin_views.decide, name="decide"),
    path("<int:pk>/publication-page/", admin_views.create_publication_page,
         name="create_publication_page"),
    path("<int:pk>/files/<int:file_pk>/", admin_views.download, name="file"),
    path("<int:pk>/files/<int:file_pk>/override-check/", admin_views.override_hits,
         name="override_hits"),
    path("<int:pk>/files/<int:file_pk>/withhold/", admin_views.withhold_attachment,
         name="withhold_attachment"),
    # The managing editor's desk (desk.py)
    path("reviewers/", desk.reviewer_list, name="reviewers"),
    path("reviewers/<int:user_pk>/", desk.reviewer_detail, name="reviewer"),
    path("<int:pk>/suggestions/", desk.suggest, name="suggestions"),
    path("<int:pk>/assignments/<int:assignment_pk>/dates/", desk.change_dates,
         name="change_dates"),
    path("<int:pk>/assignments/<int:assignment_pk>/reopen/", desk.reopen, name="reopen"),
    path("<int:pk>/assignments/<int:assignment_pk>/decline/", desk.record_decline,
         name="record_decline"),
    path("<int:pk>/assignments/<int:assignment_pk>/rate/", desk.rate, name="rate"),
    path("my-reviews/certificates/", desk.my_certificates, name="my_certificates"),
    path("my-reviews/certificates/<int:assignment_pk>.pdf", desk.certificate,
         name="certificate"),
    path("my-reviews/<int:year>.pdf", desk.yearly_summary, name="yearly_summary"),
    path("my-reviews/thanks/", desk.thanks_consent, name="thanks_consent"),
]
