"""A local stand-in for a Sentry-protocol service (Sentry, GlitchTip): it records every envelope it is sent.

Only the part of the protocol the SDK uses to send: POST /api/<project>/envelope/, a body compressed with brotli or
gzip, made of a header line and items (an item header line, then its payload).
"""

import gzip
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import brotli


class Envelope:
    def __init__(self, path, headers, raw):
        self.path = path
        self.http_headers = headers
        self.raw = raw  # the decompressed body, exactly as it arrived
        self.header, self.items = parse_envelope(raw)

    def events(self):
        return [payload for item_header, payload in self.items if item_header.get("type") == "event"]


def parse_envelope(raw):
    lines = raw.split(b"\n", 1)
    header = json.loads(lines[0])
    rest = lines[1] if len(lines) > 1 else b""
    items = []
    while rest.strip():
        item_line, rest = rest.split(b"\n", 1)
        item_header = json.loads(item_line)
        if "length" in item_header:
            payload, rest = rest[: item_header["length"]], rest[item_header["length"] :]
            rest = rest[1:] if rest.startswith(b"\n") else rest
        else:
            payload, _, rest = rest.partition(b"\n")
        items.append((item_header, json.loads(payload)))
    return header, items


class ErrorEndpoint:
    def __init__(self):
        self.envelopes = []
        self.lock = threading.Lock()
        endpoint = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - the http.server API
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                encoding = (self.headers.get("Content-Encoding") or "").lower()
                if encoding == "br":
                    body = brotli.decompress(body)
                elif encoding == "gzip":
                    body = gzip.decompress(body)
                with endpoint.lock:
                    endpoint.envelopes.append(Envelope(self.path, dict(self.headers), body))
                answer = b"{}"
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.dsn = f"http://public-key-for-tests@127.0.0.1:{self.port}/19"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def events(self):
        with self.lock:
            return [event for envelope in self.envelopes for event in envelope.events()]

    def wait_for_events(self, count, timeout=30):
        """The events received once there are `count` of them (the SDK sends from a background thread)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            events = self.events()
            if len(events) >= count:
                return events
            time.sleep(0.1)
        raise TimeoutError(f"{len(self.events())} of {count} events arrived within {timeout}s")
