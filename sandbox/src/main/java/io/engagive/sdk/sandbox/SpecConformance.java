package io.engagive.sdk.sandbox;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

/**
 * Holds the sandbox to an OpenAPI document in both directions: every answer it sends must match
 * the document, and its verdict on every request must be the document's — it may refuse with 400
 * only what the document forbids, and must not accept (2xx) what the document forbids. Keeps the
 * violations.
 */
final class SpecConformance {

    /**
     * The request checks that are about what a body or parameter may hold. Auth, content type and
     * routing are the sandbox's other answers (401, 403, 404, 405), not this agreement.
     */
    private static final Set<String> REQUEST_RULES = Set.of("validation.request.body", "validation.request.parameter");

    private final String document;
    private final OpenApiInteractionValidator validator;
    private final Queue<String> violations = new BoundedQueue();

    /**
     * Checks against one document. In a request, properties a schema does not name are allowed, as
     * OpenAPI says when {@code additionalProperties} is absent (the validator's own default refuses
     * them; the documents here never set it to false), and so are query parameters the document does
     * not declare, which OpenAPI does not forbid. In an answer they are not: the sandbox must
     * not invent fields the document does not have.
     *
     * @param document the document's name in violation messages, e.g. "the spec"
     * @param openApi the OpenAPI document's text
     */
    SpecConformance(String document, String openApi) {
        this.document = document;
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(openApi)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /** What the document says of one request: the rules of its own that the request breaks. */
    record RequestVerdict(List<String> problems) {

        boolean valid() {
            return problems.isEmpty();
        }
    }

    RequestVerdict checkRequest(String method, String path, String query, Map<String, List<String>> headers,
            String body) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, path);
        headers.forEach(request::withHeader);
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                request.withQueryParam(decode(equals < 0 ? pair : pair.substring(0, equals)),
                        decode(equals < 0 ? "" : pair.substring(equals + 1)));
            }
        }
        if (!body.isEmpty()) {
            request.withBody(body);
        }
        List<String> problems = validator.validateRequest(request.build()).getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .filter(message -> REQUEST_RULES.stream().anyMatch(message.getKey()::startsWith))
                .map(message -> message.getKey() + ": " + message.getMessage())
                .toList();
        return new RequestVerdict(problems);
    }

    /**
     * Records a violation when the sandbox's answer to a request disagrees with the document's
     * verdict on it: a 400 for a request the document allows (stricter), or, for one it forbids,
     * a 2xx or a 502 (passing it on to Meta is accepting it) (laxer).
     */
    void judge(String method, String path, RequestVerdict verdict, int status, String refusal) {
        if (verdict.valid() && status == 400) {
            violations.add(method + " " + path + ": the sandbox refused with 400 (\"" + refusal + "\") a request "
                    + document + " allows — the sandbox is stricter than " + document);
        } else if (!verdict.valid() && (status >= 200 && status <= 299 || status == 502)) {
            violations.add(method + " " + path + ": the sandbox accepted (answering " + status + ") a request " + document
                    + " forbids (" + String.join("; ", verdict.problems()) + ") — the sandbox is laxer than "
                    + document);
        }
    }

    /** The first violations, up to {@link SandboxState#KEPT_PROBLEMS}; later ones are dropped. */
    private static final class BoundedQueue extends ConcurrentLinkedQueue<String> {

        private static final long serialVersionUID = 1L;

        @Override
        public boolean add(String violation) {
            return size() < SandboxState.KEPT_PROBLEMS && super.add(violation);
        }
    }

    void checkResponse(String method, String path, int status, Map<String, String> headers, byte[] body) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        headers.forEach(response::withHeader);
        if (body.length > 0) {
            response.withBody(new String(body, StandardCharsets.UTF_8));
        }
        ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(method), response.build());
        List<String> errors = report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> message.getKey() + ": " + message.getMessage())
                .collect(Collectors.toList());
        if (!errors.isEmpty()) {
            violations.add(method + " " + path + " -> " + status + " did not match " + document + ": "
                    + String.join("; ", errors));
        }
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    void clear() {
        violations.clear();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
