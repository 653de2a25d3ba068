"""What the embeddable story card costs a partner's page, and how fast /oembed/ answers. Run by hand.

    make run PORT=8103            # in another terminal
    .venv/bin/python bench/embed_bytes.py http://127.0.0.1:8103 lillian

A fresh phone-sized Chromium context (empty cache) loads /stories/<slug>/embed/ and sums the bytes on the wire
(headers + encoded body) as Chromium reports them; then /oembed/ is asked 50 times over HTTP and the median and
95th percentile are printed.
"""

import statistics
import sys
import time
from collections import defaultdict
from urllib.parse import urlencode
from urllib.request import urlopen

from playwright.sync_api import sync_playwright


def embed_bytes(base, slug):
    totals = defaultdict(lambda: [0, 0])
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        context = browser.new_context(viewport={"width": 375, "height": 740}, device_scale_factor=2)
        page = context.new_page()
        finished = []
        page.on("requestfinished", lambda request: finished.append(request))
        page.goto(f"{base}/stories/{slug}/embed/", wait_until="networkidle")
        for request in finished:
            sizes = request.sizes()
            totals[request.resource_type][0] += 1
            totals[request.resource_type][1] += sizes["responseHeadersSize"] + sizes["responseBodySize"]
        browser.close()
    return totals


def oembed_timings(base, slug, runs=50):
    url = f"{base}/oembed/?" + urlencode({"url": f"{base}/stories/{slug}/"})
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        with urlopen(url) as response:  # noqa: S310 - a URL the person running this gave
            response.read()
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1]


if __name__ == "__main__":
    base, slug = sys.argv[1].rstrip("/"), sys.argv[2] if len(sys.argv) > 2 else "lillian"
    totals = embed_bytes(base, slug)
    print("| kind | requests | bytes |\n|---|---:|---:|")
    for kind, (count, size) in sorted(totals.items()):
        print(f"| {kind} | {count} | {size:,} |")
    print(f"| **total** | {sum(c for c, _ in totals.values())} | **{sum(s for _, s in totals.values()):,}** |")
    median, p95 = oembed_timings(base, slug)
    print(f"\n/oembed/ over 50 requests: median {median:.1f} ms, 95th percentile {p95:.1f} ms")
