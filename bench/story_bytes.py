"""Bytes a story page transfers before play, and what pressing play adds. Run by hand against a running site.

    make run PORT=8101            # in another terminal
    .venv/bin/python bench/story_bytes.py http://127.0.0.1:8101/stories/lillian/

A fresh phone-sized Chromium context (empty cache) loads the page, waits for the network to go quiet,
scrolls to the end (so lazy images count), then presses play. Sizes are bytes on the wire
(headers + encoded body) as Chromium reports them.
"""

import sys
from collections import defaultdict

from playwright.sync_api import sync_playwright

PHONE = {"width": 375, "height": 740}


def kind(request):
    path = request.url.split("?")[0]
    if path.endswith((".mp4", ".webm")):
        return "video"
    if path.endswith(".vtt"):
        return "captions"
    return request.resource_type


def measure(url):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
        page = context.new_page()
        finished = []
        page.on("requestfinished", lambda request: finished.append(request))
        page.goto(url, wait_until="networkidle")
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_load_state("networkidle")
        before = list(finished)
        video = page.locator("video")
        if video.count():
            video.evaluate("(v) => v.play()")
            page.wait_for_function("() => document.querySelector('video').currentTime > 1", timeout=15_000)
        after = finished[len(before) :]
        rows = {"before play": tally(before), "after pressing play (first second)": tally(after)}
        browser.close()
    return rows


def tally(requests):
    totals = defaultdict(lambda: [0, 0])
    for request in requests:
        sizes = request.sizes()
        totals[kind(request)][0] += 1
        totals[kind(request)][1] += sizes["responseBodySize"] + sizes["responseHeadersSize"]
    return dict(totals)


def main():
    url = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8101/stories/lillian/"
    for phase, totals in measure(url).items():
        print(f"\n{phase}: {url}")
        print("| kind | requests | bytes |\n|---|---:|---:|")
        for name, (count, size) in sorted(totals.items()):
            print(f"| {name} | {count} | {size:,} |")
        print(f"| **total** | {sum(c for c, _ in totals.values())} | {sum(s for _, s in totals.values()):,} |")


if __name__ == "__main__":
    main()
