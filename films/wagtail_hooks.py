from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Film


class FilmViewSet(SnippetViewSet):
    model = Film
    icon = "media"
    menu_label = "Films"
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["title", "readiness", "duration_display"]
    search_fields = ["title"]


register_snippet(FilmViewSet)
