"""The workbench's only writes: `POST /curation/{kind}` appends one entry to the curation file.

A write needs four things, checked in this order, each refused with one sentence:
- a curation file (`histkg serve --curation`); without one every write answers 403;
- a client on this machine (403 otherwise): `--allow-remote` opens the graph to reading, never to writing;
- the token this server start put in its pages, in the `X-Histkg-Token` header (403): another
  site's page can send a request to 127.0.0.1 but cannot read the token out of our pages;
- a JSON object of the entry's fields (415 for another type: a cross-site form cannot send JSON
  without the browser asking first, and this server never answers that question).
The entry is then checked (`Corrections.write`); one that would not fit answers 400 with the
curation file's own message. The SPARQL endpoint stays read-only: it is not touched here.
"""

from __future__ import annotations

import ipaddress
import json

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from histkg.curation.entries import CurationError
from histkg.query.protocol import Rejected
from histkg.query.workbench.corrections import BAD_TOKEN, NO_FILE, Corrections, entry_summary

TOKEN_HEADER = "x-histkg-token"
MAX_ENTRY_BYTES = 64 * 1024  # an entry is a few lines; a quote a sentence or two
REMOTE = ("refused: corrections are written only from this machine (127.0.0.1), "
          "even when --allow-remote lets others read")


def write_routes(corrections: Corrections) -> list[Route]:
    async def write_entry(request: Request) -> Response:
        try:
            fields = await entry_request(request, corrections)
            entry = await run_in_threadpool(corrections.write, request.path_params["kind"], fields)
        except Rejected as refusal:
            return refused(refusal.status, str(refusal))
        except CurationError as error:
            return refused(400, str(error))
        except OSError as error:
            return refused(500, f"cannot write {corrections.path}: {error.strerror or error}")
        return JSONResponse({"entry": entry.name, "summary": entry_summary(entry), "file": str(corrections.path),
                             "pending": len(corrections.pending().entries)}, status_code=201)

    return [Route("/curation/{kind}", write_entry, methods=["POST"])]


async def entry_request(request: Request, corrections: Corrections) -> dict:
    """The fields a request sends, once it may write at all."""
    if not corrections.enabled:
        raise Rejected(403, NO_FILE)
    if not from_this_machine(request):
        raise Rejected(403, REMOTE)
    if not corrections.accepts(request.headers.get(TOKEN_HEADER, "")):
        raise Rejected(403, BAD_TOKEN)
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media != "application/json":
        raise Rejected(415, "send the entry's fields as a JSON object (Content-Type: application/json)")
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_ENTRY_BYTES:
            raise Rejected(413, f"an entry larger than {MAX_ENTRY_BYTES} bytes")
    try:
        fields = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise Rejected(400, "the body is not JSON: send the entry's fields as a JSON object") from None
    if not isinstance(fields, dict):
        raise Rejected(400, "send the entry's fields as a JSON object, {\"id\": …, \"why\": …}")
    return fields


def from_this_machine(request: Request) -> bool:
    try:
        return ipaddress.ip_address(request.client.host if request.client else "").is_loopback
    except ValueError:
        return False


def refused(status: int, message: str) -> Response:
    return PlainTextResponse(message + "\n", status_code=status, headers={"Cache-Control": "no-store"})
