"""`histkg serve` started as a user would, and a client for it."""

from __future__ import annotations

import contextlib
import json
import re
import select
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path


class Server:
    """A running `histkg serve` and the HTTP requests a client makes to it."""

    def __init__(self, url: str) -> None:
        self.url = url

    def request(self, path: str, *, data: bytes | None = None, headers: dict | None = None,
                timeout: float = 30) -> tuple[int, dict[str, str], bytes]:
        request = urllib.request.Request(self.url + path, data=data, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
        except urllib.error.HTTPError as error:
            return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()

    def get(self, sparql: str, accept: str = "application/sparql-results+json", **extra):
        query = urllib.parse.urlencode({"query": sparql, **extra})
        return self.request(f"sparql?{query}", headers={"Accept": accept})

    def post_form(self, fields: dict[str, str], accept: str = "application/sparql-results+json"):
        return self.request("sparql", data=urllib.parse.urlencode(fields).encode(),
                            headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": accept})

    def post_body(self, text: str, content_type: str, accept: str = "application/sparql-results+json"):
        return self.request("sparql", data=text.encode(), headers={"Content-Type": content_type, "Accept": accept})

    def select(self, sparql: str) -> list[dict]:
        status, _, body = self.get(sparql)
        assert status == 200, body
        return json.loads(body)["results"]["bindings"]


def serve_command(graph: Path, *options: str) -> list[str]:
    return [sys.executable, "-m", "histkg.cli", "serve", str(graph), "--port", "0", *options]


@contextlib.contextmanager
def running_server(graph: Path, *options: str, startup: float = 60):
    """Start `histkg serve`, wait until it answers, stop it afterwards."""
    process = subprocess.Popen(serve_command(graph, *options), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    try:
        ready, _, _ = select.select([process.stdout], [], [], startup)
        line = process.stdout.readline() if ready else ""
        match = re.search(r"http://[^ ]+?/(?= )", line)
        assert match, f"no URL printed: {line!r} {process.poll()} {process.stderr.read() if process.poll() else ''}"
        server = Server(match.group(0))
        deadline = time.monotonic() + startup
        while True:
            try:
                if server.request("queries", timeout=5)[0] == 200:
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


