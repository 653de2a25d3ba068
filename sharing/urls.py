"""Addresses other sites use to show our stories: the embeddable card and oEmbed."""

from django.urls import path

from .embed import story_embed
from .oembed import oembed

urlpatterns = [
    path("stories/<slug:slug>/embed/", story_embed, name="story-embed"),
    path("oembed/", oembed, name="oembed"),
]
