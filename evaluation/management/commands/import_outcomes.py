from evaluation.importers import import_outcomes

from ._import import ImportCommand


class Command(ImportCommand):
    help = (
        "Import Crimestoppers' weekly outcome figures from a CSV with the columns week_start, area, measure, count. "
        "All or nothing: a file with any problem is refused whole, each problem named by line and column."
    )
    importer = staticmethod(import_outcomes)
