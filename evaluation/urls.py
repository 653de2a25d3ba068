from django.urls import path

from . import views

app_name = "evaluation"
urlpatterns = [
    path("<str:token>/", views.partner_figures, name="partner-figures"),
    path("<str:token>/kit/", views.partner_kit, name="partner-kit"),
]
