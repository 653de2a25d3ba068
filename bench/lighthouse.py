"""Lighthouse (mobile, its default) on each public page type, served exactly as `make run` serves it.

Usage: make lighthouse [PORT=8320] [RUNS=1]   (figures in docs/benchmarks.md)

Installs Lighthouse with npm into .local/lighthouse the first time (Chromium is Debian's, see
docs in shared/browser-testing). Performance depends on the machine's load: read it with the load average printed.
"""

import argparse
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load import wait_until_up  # noqa: E402 - the bench scripts share their helpers by path

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / ".local" / "lighthouse"
LIGHTHOUSE = TOOLS / "node_modules" / ".bin" / "lighthouse"
VERSION = "12.8.2"
PAGES = {
    "home": "/",
    "story index": "/stories/",
    "story": "/stories/lillian/",
    "standard page": "/your-anonymity/",
    "embed card": "/stories/lillian/embed/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def install():
    if not LIGHTHOUSE.exists():
        subprocess.run(
            ["npm", "install", "--prefix", str(TOOLS), "--no-audit", "--no-fund", f"lighthouse@{VERSION}"], check=True
        )


def run(url):
    out = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            "--output-path=stdout",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ],
        env={**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")},
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    ).stdout
    report = json.loads(out)
    scores = {key: round(report["categories"][key]["score"] * 100) for key in CATEGORIES}
    failing = sorted(
        audit_id
        for audit_id, audit in report["audits"].items()
        if audit.get("score") is not None
        and audit["score"] < 0.9
        and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
    )
    metrics = report["audits"]
    timings = {
        "FCP": metrics["first-contentful-paint"]["displayValue"],
        "LCP": metrics["largest-contentful-paint"]["displayValue"],
        "TBT": metrics["total-blocking-time"]["displayValue"],
        "CLS": metrics["cumulative-layout-shift"]["displayValue"],
    }
    return scores, timings, failing


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 8320)))
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    install()
    base = f"http://127.0.0.1:{args.port}"
    make = subprocess.Popen(
        ["make", "run", f"PORT={args.port}"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        wait_until_up(base, make)
        print(f"load average before: {os.getloadavg()}")
        print("| page | run | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS | below 90 |")
        print("|---|---|---|---|---|---|---|---|---|---|---|")
        for name, path in PAGES.items():
            for number in range(1, args.runs + 1):
                scores, timings, failing = run(base + path)
                cells = [str(scores[key]) for key in CATEGORIES] + list(timings.values())
                print(f"| {name} | {number} | " + " | ".join(cells) + f" | {', '.join(failing) or '-'} |", flush=True)
        print(f"load average after: {os.getloadavg()}")
    finally:
        os.killpg(make.pid, signal.SIGTERM)
        make.wait(timeout=30)


if __name__ == "__main__":
    main()
