"""The form of an insights channel (`?via=`): lower-case letters, digits and hyphens, safe in a URL.

Every channel has it: the fixed ones and the partner codes (partners/models.py validates codes with it,
insights/vocabulary.py checks channels with it, short addresses keep a `?via=` of this form; static/js/site.js
repeats it, checked by a test). It lives here, below partners and insights, so all of them can share one copy.
"""

import re

CODE_PATTERN = r"^[a-z0-9][a-z0-9-]{1,29}$"
CHANNEL_FORMAT = re.compile(CODE_PATTERN)
