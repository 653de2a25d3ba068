"""Every public endpoint, fed malformed paths, parameters and bodies, answers 4xx or 2xx/3xx, never 500."""

from urllib.parse import quote

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

KNOWN_PATHS = [
    "/",
    "/stories/",
    "/stories/lillian/",
    "/stories/lillian/embed/",
    "/oembed/",
    "/events/",
    "/healthz",
    "/sitemap.xml",
    "/media/",
    "/media/original_images/x.jpg",
    "/documents/",
    "/documents/1/x.pdf",
    "/static/css/site.css",
    "/no-such-page/",
]
NASTY_SEGMENTS = [
    "..",
    "%2e%2e",
    "%00",
    "%ff%fe",
    "%c0%af",
    "%",
    "%%",
    "//",
    "\\",
    "~",
    "<script>",
    "'\"",
    "a" * 300,
    "%E2%80%AE",
    "%F0%9F%92%A9",
    ";",
    "?",
    "#",
]

segment = st.one_of(st.sampled_from(NASTY_SEGMENTS), st.text(min_size=0, max_size=40))
raw_path = st.one_of(
    st.sampled_from(KNOWN_PATHS),
    st.builds(lambda base, extra: base + quote(extra, safe="/%;~"), st.sampled_from(KNOWN_PATHS), segment),
    st.lists(segment, min_size=1, max_size=5).map(lambda parts: "/" + "/".join(quote(p, safe="%") for p in parts)),
)
query_value = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["http://127.0.0.1/stories/lillian/", "javascript:alert(1)", "%", "x" * 5000, "-1", "1e999"]),
)
query = st.dictionaries(
    st.sampled_from(["url", "via", "format", "maxwidth", "maxheight", "page", "q", "id", "callback", "x"]),
    query_value,
    max_size=4,
)
body = st.one_of(
    st.binary(max_size=300),
    st.sampled_from([b"{}", b'{"event": null}', b"[]", b"{", b"\xff\xfe", b'{"event": "call_click"}' * 200]),
)
content_type = st.sampled_from(
    ["application/json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain", ""]
)
method = st.sampled_from(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"])


@pytest.mark.django_db
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(method=method, path=raw_path, params=query, data=body, ctype=content_type)
def test_public_endpoints_never_answer_500(demo_site, method, path, params, data, ctype):
    client = Client(raise_request_exception=False)
    query_string = "&".join(f"{quote(key)}={quote(value, safe='%')}" for key, value in params.items())
    if method in ("GET", "HEAD", "OPTIONS", "TRACE", "DELETE"):
        response = client.generic(method, path, QUERY_STRING=query_string)
    else:
        response = client.generic(method, path, data=data, content_type=ctype, QUERY_STRING=query_string)
    assert response.status_code < 500, (method, path, query_string, response.status_code)
    assert response.cookies == {}
