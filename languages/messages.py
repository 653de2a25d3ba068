"""The words site.js says (screen-reader announcements, the film button, the quick exit) in the page's language.

Rendered into every page as a JSON block (`{{ site_messages|json_script:"site-messages" }}`), so the script needs
no second request and no catalog of its own: the strings go through Django's translation like the templates.
"""

from django.utils.translation import gettext, gettext_noop, ngettext

QUICK_EXIT_PRESSES = 3


def site_messages():
    """{key: text} for site.js; `{name}` marks a value the script fills in."""
    return {
        "quickExitCancelled": gettext("Exit this page shortcut cancelled."),
        # Said after each Shift press: how many presses are left (1 or 2), each form from the catalog's plural rule.
        "quickExitPressesLeft": {
            str(left): ngettext(
                "Shift, press {count} more time to exit.", "Shift, press {count} more times to exit.", left
            )
            for left in range(1, QUICK_EXIT_PRESSES)
        },
        "loadingTitle": gettext("Loading"),
        "loadingAnnouncement": gettext("Loading."),
        "playFilm": gettext("Play the film (this loads {service})"),
        "filmFrameTitle": gettext("{title} ({service} player)"),
        "linkCopied": gettext("Link copied."),
        "linkNotCopied": gettext("Could not copy. Select the address below and copy it."),
        "copied": gettext("Copied."),
        "codeNotCopied": gettext("Could not copy. The code is selected: copy it with your keyboard."),
    }


# Words editors set in the campaign settings, whose default the catalogs translate: a value an editor changed shows
# as written until the translators' catalog has it (docs/languages.md).
SETTING_DEFAULTS = [gettext_noop("100% anonymous. Always.")]
