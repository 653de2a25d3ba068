"""Films in the admin: the listing and the chooser a story's Film field opens both say whether each film is ready."""

from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Film
from .readiness import readiness_parts


def _part_text(film, index):
    name, present, required = readiness_parts(film)[index]
    if present:
        return "Yes"
    return "Missing" if required else "None (optional)"


def readiness_columns():
    """ "Ready to publish?" and one column per part (captions, transcript, audio description), in words."""
    columns = [Column("readiness", label="Ready to publish?", sort_key=None)]
    for index, (name, _, _) in enumerate(readiness_parts(Film())):
        columns.append(
            Column(f"part_{index}", label=name, accessor=lambda film, i=index: _part_text(film, i), sort_key=None)
        )
    return columns


class ReadinessColumns:
    @property
    def columns(self):
        return super().columns + readiness_columns()


class FilmChooseView(ReadinessColumns, ChooseView):
    pass


class FilmChooseResultsView(ReadinessColumns, ChooseResultsView):
    pass


class FilmChooserViewSet(SnippetChooserViewSet):
    choose_view_class = FilmChooseView
    choose_results_view_class = FilmChooseResultsView


class FilmViewSet(SnippetViewSet):
    model = Film
    icon = "media"
    menu_label = "Films"
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["title", *readiness_columns(), Column("duration_display", label="Length", sort_key=None)]
    search_fields = ["title"]
    chooser_viewset_class = FilmChooserViewSet


register_snippet(FilmViewSet)
