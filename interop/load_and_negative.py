"""Load through Prism and negative requests straight at the sandbox, with Python's standard library.

Run by interop/run.sh with ENGAGIVE_SANDBOX_API (through Prism), ENGAGIVE_SANDBOX_DIRECT (the sandbox's own API
base URL) and ENGAGIVE_SANDBOX_ADMIN set.

1. 1,000 mixed requests through Prism on four kept-alive connections, every 25th a send whose body is over the
   sandbox's 1 MiB limit: every answer has the status its kind gets, and no connection is reset or dropped.
2. Schemathesis-style negative requests at the sandbox: malformed and mistyped bodies get 400, bodies that are not
   JSON by their Content-Type get 415, an unknown route 404, a wrong method 405 with Allow; each answer is the error
   envelope (the sandbox checks every answer against the spec, and run.sh fails on any violation).
"""
import http.client
import json
import os
import sys
import urllib.parse
import urllib.request

API = os.environ["ENGAGIVE_SANDBOX_API"]
DIRECT = os.environ["ENGAGIVE_SANDBOX_DIRECT"]
ADMIN = os.environ["ENGAGIVE_SANDBOX_ADMIN"]
SEND = "/channels/whatsapp/accounts/1/messages/send-template"
VALID_SEND = {"to": "923001234567", "content_json": {"template_name": "hello_world", "lang_code": "en_US"}}


def token():
    request = urllib.request.Request(ADMIN + "/tokens", data=b"{}", method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())["token"]


def connection(base):
    url = urllib.parse.urlsplit(base)
    return http.client.HTTPConnection(url.hostname, url.port, timeout=30), url.path


def exchange(conn, prefix, method, path, headers, body=None):
    conn.request(method, prefix + path, body=body, headers=headers)
    response = conn.getresponse()
    raw = response.read()
    return response.status, response.getheader("Connection"), raw


def load_through_prism(bearer):
    oversized = json.dumps(dict(VALID_SEND, padding="x" * (1024 * 1024 + 50_000))).encode()
    valid = json.dumps(VALID_SEND).encode()
    json_headers = {"Authorization": "Bearer " + bearer, "Content-Type": "application/json"}
    connections = [connection(API) for _ in range(4)]
    wrong, closed, failures = [], 0, []
    for i in range(1000):
        conn, prefix = connections[i % 4]
        kind = "oversized" if i % 25 == 0 else ("send" if i % 5 == 1 else ("foreign" if i % 50 == 7 else "list"))
        try:
            if kind == "oversized":
                status, header, _ = exchange(conn, prefix, "POST", SEND, json_headers, oversized)
                expected = 413
            elif kind == "send":
                status, header, _ = exchange(conn, prefix, "POST", SEND, json_headers, valid)
                expected = 200
            elif kind == "foreign":
                status, header, _ = exchange(conn, prefix, "GET", "/channels/whatsapp/accounts/9/templates",
                                             {"Authorization": "Bearer " + bearer})
                expected = 403
            else:
                status, header, _ = exchange(conn, prefix, "GET", "/channels/whatsapp/accounts/1/templates",
                                             {"Authorization": "Bearer " + bearer})
                expected = 200
        except (http.client.HTTPException, OSError) as error:
            failures.append(f"request {i} ({kind}): {type(error).__name__}: {error}")
            conn.close()
            continue
        if status != expected:
            wrong.append(f"request {i} ({kind}): {status}, expected {expected}")
        if header and header.lower() == "close":
            closed += 1
    print(f"   through Prism: 1000 requests on 4 connections (40 oversized): {len(wrong)} wrong statuses, "
          f"{len(failures)} connection failures, {closed} answers closing their connection")
    for line in (wrong + failures)[:10]:
        print("   " + line)
    return not wrong and not failures


NEGATIVE = [
    ("empty object", "application/json", b"{}", 400),
    ("an array", "application/json", b"[]", 400),
    ("not JSON", "application/json", b"{\"to\":", 400),
    ("a number for to", "application/json", b'{"to":923001234567,"content_json":{"template_name":"hello_world"}}', 400),
    ("a short to", "application/json", b'{"to":"12","content_json":{"template_name":"hello_world"}}', 400),
    ("content_json a string", "application/json", b'{"to":"923001234567","content_json":"hello_world"}', 400),
    ("no content_json", "application/json", b'{"to":"923001234567"}', 400),
    ("no body", "application/json", b"", 400),
    ("text/plain", "text/plain", json.dumps(VALID_SEND).encode(), 415),
    ("XML", "application/xml", b"<send><to>923001234567</to></send>", 415),
    ("a form", "application/x-www-form-urlencoded", b"to=923001234567", 415),
    ("multipart", "multipart/form-data; boundary=x", b"--x\r\n\r\nhello\r\n--x--\r\n", 415),
    ("no Content-Type", None, json.dumps(VALID_SEND).encode(), 415),
]


def negative_at_the_sandbox(bearer):
    conn, prefix = connection(DIRECT)
    wrong = []
    for name, content_type, body, expected in NEGATIVE:
        headers = {"Authorization": "Bearer " + bearer}
        if content_type:
            headers["Content-Type"] = content_type
        status, _, raw = exchange(conn, prefix, "POST", SEND, headers, body)
        envelope = json.loads(raw) if raw else {}
        if status != expected or envelope.get("success") is not False:
            wrong.append(f"{name}: {status} {raw[:120]!r}, expected {expected} with the error envelope")
    status, _, _ = exchange(conn, prefix, "GET", "/channels/whatsapp/accounts/1/nothing-here",
                            {"Authorization": "Bearer " + bearer})
    if status != 404:
        wrong.append(f"unknown route: {status}, expected 404")
    conn.request("DELETE", prefix + "/channels/whatsapp/accounts/1/templates", headers={"Authorization": "Bearer " + bearer})
    response = conn.getresponse()
    response.read()
    if response.status != 405 or response.getheader("Allow") != "GET":
        wrong.append(f"wrong method: {response.status} Allow={response.getheader('Allow')}, expected 405 Allow=GET")
    print(f"   at the sandbox: {len(NEGATIVE) + 2} negative requests, {len(wrong)} answered otherwise than the spec says")
    for line in wrong:
        print("   " + line)
    return not wrong


if __name__ == "__main__":
    bearer = token()
    results = [load_through_prism(bearer), negative_at_the_sandbox(bearer)]
    sys.exit(0 if all(results) else 1)
