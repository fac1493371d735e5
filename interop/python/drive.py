"""Drives the standalone sandbox with the Python client generated from the spec (openapi-generator's `python`,
pydantic 2), as a team in another language would: every operation, then every answer the sandbox can be configured to
give (wrong-account statuses, 200 with the error body included; expired and forged tokens; every fault). An answer is
handled when the generated client returns its model or raises its own ApiException with the status; a fault that
breaks the wire must surface as urllib3's error or a body the client could not read whole, never as a crash inside the
generated code. Run by interop/run.sh with SANDBOX set to the sandbox's origin and PYTHONPATH to the generated client.
"""
import json
import os
import sys
import urllib.request

import pydantic
import urllib3

import engagive_generated as generated
from engagive_generated.exceptions import ApiException

SANDBOX = os.environ["SANDBOX"]
ADMIN = SANDBOX + "/__sandbox"
failures = []
checked = 0


def admin(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(ADMIN + path, data=data, method=method,
                                     headers={} if body is None else {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        text = response.read().decode()
        return json.loads(text) if text else None


def apis(token):
    configuration = generated.Configuration(host=SANDBOX + "/api/business/public", access_token=token)
    configuration.retries = 0
    client = generated.ApiClient(configuration)
    return {
        "templates": generated.TemplatesApi(client), "lookups": generated.TemplateLookupsApi(client),
        "contents": generated.TemplateContentsApi(client), "messages": generated.MessagesApi(client),
    }


def expect(name, call, model=False, success=None, status=None, wire=False):
    """Runs one call and checks how the generated client surfaced the answer."""
    global checked
    checked += 1
    try:
        returned = call()
        if not model:
            failures.append(f"{name}: returned a model, expected status={status} wire={wire}")
        elif success is not None and returned.success != success:
            failures.append(f"{name}: success was {returned.success}, expected {success}")
    except ApiException as error:
        if error.status != status:
            failures.append(f"{name}: ApiException {error.status}, expected model={model} status={status}")
    except (urllib3.exceptions.HTTPError, pydantic.ValidationError, ValueError) as error:
        if not wire:
            failures.append(f"{name}: raised {type(error).__name__}: {str(error)[:200]}")
    except Exception as error:  # anything else is a crash inside the generated code
        failures.append(f"{name}: crashed with {type(error).__name__}: {str(error)[:200]}")


def main():
    token = admin("POST", "/tokens", {})["token"]
    api = apis(token)
    templates, lookups, contents, messages = api["templates"], api["lookups"], api["contents"], api["messages"]
    send = generated.SendTemplateRequest.from_dict(
        {"to": "923001234567", "content_json": {"template_name": "hello_world", "lang_code": "en_US"}})

    def listing():
        return templates.list_templates(account_id="1")

    expect("listTemplates", listing, model=True, success=True)
    expect("listTemplates with a search", lambda: templates.list_templates(account_id="1", search="50%25 off"),
           model=True, success=True)
    expect("getTemplate", lambda: templates.get_template(account_id="1", template_code="order_shipped"),
           model=True, success=True)
    expect("getTemplate unknown", lambda: templates.get_template(account_id="1", template_code="nope"), status=404)
    expect("listTemplateCategories", lambda: lookups.list_template_categories(account_id="1"), model=True, success=True)
    expect("listCategoryOptions", lambda: lookups.list_category_options(account_id="1", category_code="UTILITY"),
           model=True, success=True)
    expect("listContentLanguages", lambda: contents.list_content_languages(account_id="1", template_code="order_shipped"),
           model=True, success=True)
    expect("listTemplateContents", lambda: contents.list_template_contents(account_id="1", template_code="order_shipped"),
           model=True, success=True)
    expect("sendTemplate", lambda: messages.send_template(account_id="1", send_template_request=send),
           model=True, success=True)
    reaction = generated.SendReactionRequest.from_dict(
        {"to": "923001234567", "whatsapp_message_id": "wamid.PY", "emoji": "👍"})
    expect("sendReaction", lambda: messages.send_reaction(account_id="1", send_reaction_request=reaction),
           model=True, success=True)
    # The generated model refuses a malformed number itself; built without its checks, the sandbox must refuse it.
    refused = generated.SendTemplateRequest.model_construct(
        to="12", content_json=generated.TemplateContentJson(template_name="hello_world", lang_code="en_US"))
    expect("sendTemplate refused", lambda: messages.send_template(account_id="1", send_template_request=refused),
           status=400)

    for wrong_status in [403, 400, 401, 404, 422, 500, 502, 503, 200]:
        admin("PUT", "/wrong-account-status", {"status": wrong_status})
        if wrong_status == 200:
            expect("wrong account answered 200", lambda: templates.list_templates(account_id="9"),
                   model=True, success=False)
        else:
            expect(f"wrong account answered {wrong_status}", lambda: templates.list_templates(account_id="9"),
                   status=wrong_status)
    admin("PUT", "/wrong-account-status", {"status": 403})

    for kind in ["expired", "bad_signature"]:
        other = apis(admin("POST", "/tokens", {"kind": kind})["token"])["templates"]
        expect(f"a token {kind}", lambda: other.list_templates(account_id="1"), status=401)

    faults = [
        ({"kind": "meta_error"}, {"status": 502}), ({"kind": "meta_error", "code": 130429}, {"status": 502}),
        ({"kind": "rate_limited", "retry_after_seconds": 1}, {"status": 429}), ({"kind": "unavailable"}, {"status": 503}),
        ({"kind": "delay", "delay_ms": 50}, {"model": True, "success": True}),
        ({"kind": "html_error_page", "status": 502}, {"status": 502}),
        ({"kind": "reply", "status": 418, "body": {"success": False, "message": "teapot"}}, {"status": 418}),
        ({"kind": "reply", "status": 200, "body": {"success": False, "error": "You are not allowed to use this account"}},
         {"model": True, "success": False}),
        ({"kind": "token_echoed_in_headers"}, {"model": True, "success": True}),
        ({"kind": "dripping_body", "pause_ms": 10}, {"model": True, "success": True}),
        ({"kind": "stalled_body", "stall_ms": 100}, {"model": True, "success": True}),
        ({"kind": "drop_connection"}, {"wire": True}), ({"kind": "reset_connection"}, {"wire": True}),
        ({"kind": "answer_lost"}, {"wire": True}), ({"kind": "truncated_body"}, {"wire": True}),
        ({"kind": "lying_content_length"}, {"wire": True, "model": True}),
    ]
    for fault, expected in faults:
        admin("POST", "/faults", {"operation": "listTemplates", "fault": fault, "times": 1})
        expect(f"fault {json.dumps(fault)}", listing, **expected)
    admin("DELETE", "/faults")

    print(f"   {checked - len(failures)} of {checked} answers handled by the generated Python client "
          f"(pydantic {pydantic.VERSION})")
    for failure in failures:
        print("   FAILED " + failure)
    sys.exit(0 if not failures else 1)


if __name__ == "__main__":
    main()
