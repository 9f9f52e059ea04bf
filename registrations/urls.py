from django.urls import path

from . import views

app_name = "registrations"

urlpatterns = [
    path("registrations/<str:token>/", views.manage, name="manage"),
    path("registrations/<str:token>/cancel/", views.cancel, name="cancel"),
    path("registrations/<str:token>/accept/", views.accept_offer, name="accept"),
    path("registrations/<str:token>/data.json", views.download_data, name="data"),
    path("registrations/<str:token>/delete/", views.delete_data, name="delete"),
    path("registrations/<str:token>/invoice.pdf", views.invoice, name="invoice"),
    path("registrations/<str:token>/certificate.pdf", views.certificate_file,
         name="certificate_file"),
    path("certificates/<str:code>/", views.verify_certificate, name="certificate"),
]
