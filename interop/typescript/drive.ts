// Drives the standalone sandbox with the TypeScript client generated from the spec (typescript-fetch), as a team in
// another language would: every operation, then every answer the sandbox can be configured to give (wrong-account
// statuses, 200 with the error body included; expired and forged tokens; every fault). An answer is handled when the
// generated client returns its model or throws its own ResponseError with the status; a fault that breaks the wire
// must surface as the client's FetchError or a failed body read, never as a crash inside the generated code.
// Run by interop/run.sh with SANDBOX set to the sandbox's origin.
import {
    Configuration, FetchError, MessagesApi, ResponseError, TemplateContentsApi, TemplateLookupsApi, TemplatesApi,
} from "./target/client";

const sandbox = process.env.SANDBOX as string;
const admin = sandbox + "/__sandbox";
const failures: string[] = [];
let checked = 0;

async function adminCall(method: string, path: string, body?: unknown): Promise<any> {
    const response = await fetch(admin + path, {
        method, headers: body === undefined ? {} : {"Content-Type": "application/json"},
        body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status >= 300) {
        throw new Error(`admin ${method} ${path} answered ${response.status}: ${await response.text()}`);
    }
    const text = await response.text();
    return text ? JSON.parse(text) : null;
}

function apis(token: string) {
    const configuration = new Configuration({basePath: sandbox + "/api/business/public", accessToken: token});
    return {
        templates: new TemplatesApi(configuration), lookups: new TemplateLookupsApi(configuration),
        contents: new TemplateContentsApi(configuration), messages: new MessagesApi(configuration),
    };
}

type Expected = {model?: boolean; success?: boolean; status?: number; wire?: boolean};

/** Runs one call and checks how the generated client surfaced the answer. */
async function expect(name: string, call: () => Promise<any>, expected: Expected) {
    checked++;
    try {
        const model = await call();
        if (!expected.model) {
            failures.push(`${name}: returned a model, expected ${JSON.stringify(expected)}`);
        } else if (expected.success !== undefined && model.success !== expected.success) {
            failures.push(`${name}: success was ${model.success}, expected ${expected.success}`);
        }
    } catch (error) {
        if (error instanceof ResponseError) {
            if (expected.status !== error.response.status) {
                failures.push(`${name}: ResponseError ${error.response.status}, expected ${JSON.stringify(expected)}`);
            }
        } else if (expected.wire && (error instanceof FetchError || error instanceof SyntaxError
                || (error instanceof TypeError && String(error.message).includes("terminated")))) {
            // a broken wire surfaced as the client's own FetchError or a body that could not be read whole
        } else {
            failures.push(`${name}: crashed with ${(error as Error).constructor.name}: ${(error as Error).message}`);
        }
    }
}

async function main() {
    const token = (await adminCall("POST", "/tokens", {})).token as string;
    const api = apis(token);
    const list = () => api.templates.listTemplates({accountId: "1"});
    const foreign = () => api.templates.listTemplates({accountId: "9"});
    const send = {to: "923001234567", contentJson: {templateName: "hello_world", langCode: "en_US"}};

    await expect("listTemplates", list, {model: true, success: true});
    await expect("listTemplates with a search", () => api.templates.listTemplates({accountId: "1", search: "50%25 off"}),
        {model: true, success: true});
    await expect("getTemplate", () => api.templates.getTemplate({accountId: "1", templateCode: "order_shipped"}),
        {model: true, success: true});
    await expect("getTemplate unknown", () => api.templates.getTemplate({accountId: "1", templateCode: "nope"}),
        {status: 404});
    await expect("listTemplateCategories", () => api.lookups.listTemplateCategories({accountId: "1"}),
        {model: true, success: true});
    await expect("listCategoryOptions", () => api.lookups.listCategoryOptions({accountId: "1", categoryCode: "UTILITY"}),
        {model: true, success: true});
    await expect("listContentLanguages",
        () => api.contents.listContentLanguages({accountId: "1", templateCode: "order_shipped"}), {model: true, success: true});
    await expect("listTemplateContents",
        () => api.contents.listTemplateContents({accountId: "1", templateCode: "order_shipped"}), {model: true, success: true});
    await expect("sendTemplate", () => api.messages.sendTemplate({accountId: "1", sendTemplateRequest: send}),
        {model: true, success: true});
    await expect("sendReaction", () => api.messages.sendReaction({accountId: "1",
        sendReactionRequest: {to: "923001234567", whatsappMessageId: "wamid.TS", emoji: "👍"}}), {model: true, success: true});
    await expect("sendTemplate refused", () => api.messages.sendTemplate({accountId: "1",
        sendTemplateRequest: {to: "12", contentJson: {templateName: "hello_world", langCode: "en_US"}}}), {status: 400});

    for (const status of [403, 400, 401, 404, 422, 500, 502, 503, 200]) {
        await adminCall("PUT", "/wrong-account-status", {status});
        await expect(`wrong account answered ${status}`, foreign,
            status === 200 ? {model: true, success: false} : {status});
    }
    await adminCall("PUT", "/wrong-account-status", {status: 403});

    for (const kind of ["expired", "bad_signature"]) {
        const other = apis((await adminCall("POST", "/tokens", {kind})).token);
        await expect(`a token ${kind}`, () => other.templates.listTemplates({accountId: "1"}), {status: 401});
    }

    const faults: Array<[unknown, Expected]> = [
        [{kind: "meta_error"}, {status: 502}], [{kind: "meta_error", code: 130429}, {status: 502}],
        [{kind: "rate_limited", retry_after_seconds: 1}, {status: 429}], [{kind: "unavailable"}, {status: 503}],
        [{kind: "delay", delay_ms: 50}, {model: true, success: true}], [{kind: "html_error_page", status: 502}, {status: 502}],
        [{kind: "reply", status: 418, body: {success: false, message: "teapot"}}, {status: 418}],
        [{kind: "reply", status: 200, body: {success: false, error: "You are not allowed to use this account"}},
            {model: true, success: false}],
        [{kind: "token_echoed_in_headers"}, {model: true, success: true}],
        [{kind: "dripping_body", pause_ms: 10}, {model: true, success: true}],
        [{kind: "stalled_body", stall_ms: 100}, {model: true, success: true}],
        [{kind: "drop_connection"}, {wire: true}], [{kind: "reset_connection"}, {wire: true}],
        [{kind: "answer_lost"}, {wire: true}], [{kind: "truncated_body"}, {wire: true}],
        [{kind: "lying_content_length"}, {wire: true, model: true}],
    ];
    for (const [fault, expected] of faults) {
        await adminCall("POST", "/faults", {operation: "listTemplates", fault, times: 1});
        await expect(`fault ${JSON.stringify(fault)}`, list, expected);
    }
    await adminCall("DELETE", "/faults");

    console.log(`   ${checked - failures.length} of ${checked} answers handled by the generated TypeScript client`);
    failures.forEach(failure => console.log("   FAILED " + failure));
    process.exit(failures.length === 0 ? 0 : 1);
}

main().catch(error => {
    console.error(error);
    process.exit(2);
});
