"""Small helpers for reading rendered pages."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

# Elements whose URL the browser fetches by itself when the page loads.
LOADING_ATTRIBUTES = {
    "script": ["src"],
    "link": ["href"],
    "img": ["src", "srcset"],
    "source": ["src", "srcset"],
    "video": ["src", "poster"],
    "audio": ["src"],
    "track": ["src"],
    "iframe": ["src"],
    "embed": ["src"],
    "object": ["data"],
}


class _AssetCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []
        self.tel_links = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") in {"canonical", "alternate"}:
            return
        for name in LOADING_ATTRIBUTES.get(tag, []):
            value = attrs.get(name)
            if value:
                self.urls.extend(part.strip().split(" ")[0] for part in value.split(","))
        if tag == "a" and (attrs.get("href") or "").startswith("tel:"):
            self.tel_links.append(attrs["href"])


def parse(html):
    collector = _AssetCollector()
    collector.feed(html)
    return collector


def third_party_assets(html):
    """URLs the page would load from any origin other than its own."""
    return [url for url in parse(html).urls if urlsplit(url).netloc or url.startswith("//")]


def tel_links(html):
    return parse(html).tel_links
