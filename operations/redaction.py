"""One place for what must never leave the site in a log line or an error report (promise 1: anonymity).

`redact()` is applied to every log line (operations/log_format.py) and to the text of every error report
(operations/error_reporting.py). It removes what a message written by a library can carry: network addresses (as in
gunicorn's "Invalid request from ip=..."), the query string of any address or path, and email addresses. Structured
fields are never trusted to it: what may be logged or reported is chosen field by field where the line or the report
is built. A new rule (a pattern and its replacement) goes in REDACTIONS, and what it cannot match without in
_MAY_NEED_REDACTION.
"""

import re

ADDRESS = "[address]"
QUERY = "?[query]"
EMAIL = "[email]"

_IPV4 = r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.])"
# Full eight-group addresses, or compressed ones with "::" (times such as 12:30:45 are neither).
_IPV6_FULL = r"(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}(?![\w:])"
_IPV6_SHORT = (
    r"(?<![\w:])(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,6})?::"
    r"(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,6})?(?:%\w+)?(?![\w:])"
)

REDACTIONS = [
    # "ip=..." whatever follows it (gunicorn writes the peer's address this way, IPv6 and IPv4-mapped included).
    (re.compile(r"\bip=[^\s,;]*?(?=:\s|[\s,;]|:?$)"), "ip=" + ADDRESS),
    # Email before addresses, so a literal address in the domain part does not survive half-replaced.
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), EMAIL),
    (re.compile(_IPV4), ADDRESS),
    (re.compile(_IPV6_FULL), ADDRESS),
    (re.compile(_IPV6_SHORT), ADDRESS),
    # A query string after a path or an address: "/stories/?via=radio", "https://host/x?y=1". A lone question mark
    # in prose ("Are you sure?") has no path before it and is kept.
    (re.compile(r"((?:https?://[^\s/?#'\"]+)?/[^\s?#'\"]*)\?[^\s#'\"]*"), r"\1" + QUERY),
]


# Every rule above needs one of these to match (a new rule adds its own here); most lines, such as every access line's
# "GET /stories/x/ 200", hold none, and skipping the substitutions for them halved the cost of an access line (33-43
# to 18-25 microseconds: bench/request_cost.py, docs/benchmarks.md).
_MAY_NEED_REDACTION = re.compile(r"[?@:]|\d\.\d|ip=")


def redact(text):
    """`text` without network addresses, query strings or email addresses."""
    if not text or not _MAY_NEED_REDACTION.search(text):
        return text
    for pattern, replacement in REDACTIONS:
        text = pattern.sub(replacement, text)
    return text


def path_without_query(path_or_url):
    """A request path (or address) up to, not including, its query string or fragment."""
    return re.split(r"[?#]", path_or_url or "", maxsplit=1)[0]
