from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import views

app_name = "portal"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("register/", views.register, name="register"),
    path("register/sent/", views.registration_sent, name="registration_sent"),
    path("register/resend/", views.resend_verification, name="resend_verification"),
    path("verify/<uidb64>/<token>/", views.verify_email, name="verify"),
    path("login/", views.PortalLoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(next_page=reverse_lazy("portal:login")),
         name="logout"),
    path("password-reset/", views.PasswordResetView.as_view(
        template_name="publications/portal/password_reset.html",
        email_template_name="publications/portal/password_reset_email.txt",
        subject_template_name="publications/portal/password_reset_subject.txt",
        success_url=reverse_lazy("portal:password_reset_done")), name="password_reset"),
    path("password-reset/sent/", auth_views.PasswordResetDoneView.as_view(
        template_name="publications/portal/message.html",
        extra_context={"message_key": "reset_sent"}), name="password_reset_done"),
    path("password-reset/<uidb64>/<token>/", views.PasswordResetConfirmView.as_view(
        template_name="publications/portal/password_reset_confirm.html",
        success_url=reverse_lazy("portal:password_reset_complete")),
        name="password_reset_confirm"),
    path("password-reset/done/", auth_views.PasswordResetCompleteView.as_view(
        template_name="publications/portal/message.html",
        extra_context={"message_key": "reset_done"}), name="password_reset_complete"),
    path("submissions/new/", views.submission_step, {"step": "details"}, name="submission_new"),
    path("submissions/<int:pk>/", views.submission_detail, name="submission"),
    path("submissions/<int:pk>/edit/<slug:step>/", views.submission_step,
         name="submission_step"),
    path("submissions/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("submissions/<int:pk>/revise/", views.revise, name="revise"),
    path("files/<int:pk>/", views.download, name="file"),
    path("review/<str:token>/", views.review, name="review"),
    path("review/<str:token>/accept/", views.review_answer, {"accept": True},
         name="review_accept"),
    path("review/<str:token>/decline/", views.review_answer, {"accept": False},
         name="review_decline"),
    path("review/<str:token>/manuscript/", views.review_file, name="review_file"),
]
