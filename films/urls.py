from django.urls import path

from . import views

app_name = "films"
urlpatterns = [
    path("<int:pk>/captions/<slug:language>.vtt", views.captions, name="captions"),
]
