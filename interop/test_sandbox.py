"""Drives the standalone Engagive sandbox from Python's standard library, as a team outside the JVM would.

Run by interop/run.sh with ENGAGIVE_SANDBOX_API (the API's base URL, through Prism) and
ENGAGIVE_SANDBOX_ADMIN (the admin API) set; every answer is checked, not just its status.
"""
import json
import os
import unittest
import urllib.error
import urllib.request

API = os.environ["ENGAGIVE_SANDBOX_API"]
ADMIN = os.environ["ENGAGIVE_SANDBOX_ADMIN"]
TIMEOUT_SECONDS = 10


def call(method, url, body=None, token=None):
    """Returns (status, parsed JSON body or None) for one request.

    A GET that Prism could not forward (its reused upstream connection was reset: a 500 whose
    body's type is FetchError; seen about once in ten runs, the request absent from the sandbox's
    journal) is sent once more; nothing else is.
    """
    status, parsed = call_once(method, url, body, token)
    if method == "GET" and status == 500 and isinstance(parsed, dict) and parsed.get("type") == "FetchError":
        print("(Prism could not forward " + url + ": " + str(parsed.get("title")) + "; sent again)")
        status, parsed = call_once(method, url, body, token)
    return status, parsed


def call_once(method, url, body, token):
    """Returns (status, parsed JSON body or None) for one request, sent once."""
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(url, data=data, method=method)
    if body is not None:
        request.add_header("Content-Type", "application/json")
    if token is not None:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            raw = response.read()
            return response.status, json.loads(raw) if raw else None
    except urllib.error.HTTPError as error:
        raw = error.read()
        return error.code, json.loads(raw) if raw else None


class SandboxFromPython(unittest.TestCase):

    def setUp(self):
        status, _ = call("POST", ADMIN + "/reset")
        self.assertEqual(204, status)
        status, minted = call("POST", ADMIN + "/tokens", {"kind": "valid", "valid_for_seconds": 3600})
        self.assertEqual(201, status)
        self.assertEqual("default-user", minted["user_id"])
        self.token = minted["token"]

    def test_lists_templates_of_account_1(self):
        status, body = call("GET", API + "/channels/whatsapp/accounts/1/templates", token=self.token)

        self.assertEqual(200, status)
        self.assertIs(True, body["success"])
        self.assertEqual("Templates retrieved", body["message"])
        codes = [template["code"] for template in body["data"]]
        self.assertIn("hello_world", codes)
        self.assertTrue(all(template["status"] for template in body["data"]))

    def test_sends_a_template_and_finds_it_among_the_sent_messages(self):
        status, body = call("POST", API + "/channels/whatsapp/accounts/1/messages/send-template", {
            "to": "923001234567",
            "content_json": {"template_name": "hello_world", "lang_code": "en_US",
                             "components": [{"type": "BODY", "parameters": [{"type": "text", "text": "Hi"}]}]},
        }, token=self.token)

        self.assertEqual(200, status)
        self.assertIs(True, body["success"])
        self.assertEqual("template", body["data"]["message_type"])
        wamid = body["metaResponse"]["messages"][0]["id"]
        self.assertTrue(wamid.startswith("wamid."))
        status, sent = call("GET", ADMIN + "/sent-messages")
        self.assertEqual(200, status)
        self.assertEqual([wamid], [message["wamid"] for message in sent])
        self.assertEqual("923001234567", sent[0]["to"])

    def test_an_injected_meta_fault_is_a_502_with_metas_error(self):
        status, injected = call("POST", ADMIN + "/faults",
                                {"operation": "sendTemplate", "fault": {"kind": "meta_error"}, "times": 1})
        self.assertEqual(201, status)
        self.assertEqual("sendTemplate", injected["operation"])

        status, body = call("POST", API + "/channels/whatsapp/accounts/1/messages/send-template", {
            "to": "923001234567", "content_json": {"template_name": "hello_world", "lang_code": "en_US"},
        }, token=self.token)

        self.assertEqual(502, status)
        self.assertIs(False, body["success"])
        self.assertIsInstance(body["metaResponse"]["error"]["code"], int)
        status, sent = call("GET", ADMIN + "/sent-messages")
        self.assertEqual([], sent)

    def test_the_journal_holds_each_request_with_the_token_redacted(self):
        call("GET", API + "/channels/whatsapp/accounts/1/templates/order_shipped", token=self.token)
        call("GET", API + "/channels/whatsapp/accounts/9/templates", token=self.token)

        status, journal = call("GET", ADMIN + "/journal")

        self.assertEqual(200, status)
        self.assertEqual([("getTemplate", 200), ("listTemplates", 403)],
                         [(entry["operation"], entry["status"]) for entry in journal])
        self.assertNotIn(self.token, json.dumps(journal))
        self.assertEqual(["Bearer [REDACTED]"], journal[0]["headers"]["authorization"])

    def test_an_expired_token_and_a_missing_permission_are_refused(self):
        _, expired = call("POST", ADMIN + "/tokens", {"kind": "expired"})
        status, body = call("GET", API + "/channels/whatsapp/accounts/1/templates", token=expired["token"])
        self.assertEqual(401, status)
        self.assertIs(False, body["success"])

        status, viewer = call("PUT", ADMIN + "/users/viewer", {"accounts": ["1"], "permissions": ["TEMPLATES_VIEW"]})
        self.assertEqual(200, status)
        status, body = call("POST", API + "/channels/whatsapp/accounts/1/messages/send-reaction",
                            {"to": "923001234567", "whatsapp_message_id": "wamid.HBgM", "emoji": "\U0001F44D"},
                            token=viewer["token"])
        self.assertEqual(403, status)
        self.assertIn("WhatsApp Chats", body["error"])

    def test_the_sandbox_found_no_spec_violation(self):
        call("GET", API + "/channels/whatsapp/accounts/1/templates/lookups/categories", token=self.token)

        status, body = call("GET", ADMIN + "/spec-violations")

        self.assertEqual(200, status)
        self.assertEqual([], body["violations"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
