from django.urls import path

from . import views

app_name = "insights"
urlpatterns = [
    path("", views.event, name="event"),
    path("poll/", views.poll, name="poll"),
]
