from evaluation.importers import import_poll_waves

from ._import import ImportCommand


class Command(ImportCommand):
    help = (
        "Import the survey agency's poll waves from a CSV with the columns wave, fieldwork_start, fieldwork_end, "
        "area, question, sample_size, yes. All or nothing, like import_outcomes."
    )
    importer = staticmethod(import_poll_waves)
