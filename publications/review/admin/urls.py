from django.urls import path

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
    path("<int:pk>/assignments/<int:assignment_pk>/cancel/", admin_views.cancel, name="cancel"),
    path("<int:pk>/remind-author/", admin_views.remind_author, name="remind_author"),
    path("<int:pk>/decide/", admin_views.decide, name="decide"),
    path("<int:pk>/publication-page/", admin_views.create_publication_page,
         name="create_publication_page"),
    path("<int:pk>/files/<int:file_pk>/", admin_views.download, name="file"),
    path("<int:pk>/files/<int:file_pk>/override-check/", admin_views.override_hits,
         name="override_hits"),
    path("<int:pk>/files/<int:file_pk>/withhold/", admin_views.withhold_attachment,
         name="withhold_attachment"),
]
