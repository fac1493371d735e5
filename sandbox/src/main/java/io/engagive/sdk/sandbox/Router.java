package io.engagive.sdk.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Receives every request: refuses what is not the API (too large, unknown route, wrong method)
 * with the error envelope, applies a pending fault, has the {@link Authorizer} check auth, and
 * hands the request to its route's handler.
 */
final class Router {

    static final int MAX_BODY_BYTES = 1024 * 1024;

    /** How much of a body over the limit is still read (and dropped) so the 413 keeps the connection usable. */
    private static final long DRAINED_BYTES = 16L * 1024 * 1024;

    /** One route's handler. */
    @FunctionalInterface
    private interface RouteHandler {
        void serve(RouteCall call) throws IOException;
    }

    private final SandboxState state;
    private final Authorizer authorizer;
    private final Map<Route, RouteHandler> handlers = new EnumMap<>(Route.class);

    Router(SandboxState state) {
        this.state = state;
        this.authorizer = new Authorizer(state);
        Reads reads = new Reads(state.store());
        Sends sends = new Sends(state);
        handlers.put(Route.LIST_TEMPLATES, reads::listTemplates);
        handlers.put(Route.GET_TEMPLATE, reads::getTemplate);
        handlers.put(Route.LIST_CATEGORIES, reads::listCategories);
        handlers.put(Route.LIST_CATEGORY_OPTIONS, reads::listCategoryOptions);
        handlers.put(Route.LIST_CONTENT_LANGUAGES, reads::listContentLanguages);
        handlers.put(Route.LIST_CONTENTS, reads::listContents);
        handlers.put(Route.SEND_TEMPLATE, sends::sendTemplate);
        handlers.put(Route.SEND_REACTION, sends::sendReaction);
        handlers.put(Route.SEND_SINGLE, sends::sendSingle);
    }

    /** Answers one request; a client that went away ends it, a failure of the sandbox's own is recorded. */
    void handle(ServerCall server) {
        try {
            serve(server);
        } catch (IOException e) {
            server.fail(e);
        } catch (RuntimeException e) {
            state.recordInternalError(e);
            server.fail(e);
        }
    }

    private void serve(ServerCall server) throws IOException {
        String method = server.method();
        String path = server.rawPath();
        boolean tooLarge = server.declaredLength() > MAX_BODY_BYTES;
        byte[] bytes = tooLarge ? new byte[0] : server.body(MAX_BODY_BYTES);
        tooLarge |= bytes.length > MAX_BODY_BYTES;
        String body = tooLarge ? "" : new String(bytes, StandardCharsets.UTF_8);
        String apiPath = path.startsWith(EngagiveSandbox.BASE_PATH)
                ? path.substring(EngagiveSandbox.BASE_PATH.length()) : null;
        Route route = apiPath == null ? null : routeFor(apiPath);
        Exchange call = new Exchange(server, state, method, path, server.rawQuery(), body, route);
        if (tooLarge) {
            // read the rest so the client, still sending, sees the answer; when it is too much, say so and close
            if (!server.discardRest(DRAINED_BYTES)) {
                call.closeAfterReply();
            }
            call.error(413, "Payload too large", "The request body is larger than " + MAX_BODY_BYTES + " bytes");
        } else if (route == null) {
            call.error(404, "Not found", "No such route: " + method + " " + path);
        } else if (!route.method().equals(method)) {
            call.header("Allow", route.method());
            call.error(405, "Method not allowed", method + " is not allowed here; use " + route.method());
        } else if (!body.isEmpty() && !isJson(server.header("Content-Type"))) {
            call.error(415, "Unsupported media type", "The request body must be application/json, was "
                    + (server.header("Content-Type") == null ? "without a Content-Type" : server.header("Content-Type")));
        } else {
            state.conformance().ifPresent(check -> call.specVerdict(check.checkRequest(method, apiPath,
                    server.rawQuery(), server.headers(), body)));
            serveRoute(call, route, route.match(apiPath).orElseThrow());
        }
    }

    private void serveRoute(Exchange call, Route route, Matcher match) throws IOException {
        Optional<Fault> fault = state.takeFault(route);
        if (fault.isPresent() && fault.get().shape() != null) {
            call.answerShapedBy(fault.get());
        } else if (fault.isPresent() && !fault.get().isDelayOnly()) {
            call.fault(fault.get());
            return;
        }
        fault.filter(Fault::isDelayOnly).ifPresent(delay -> ServerCall.sleep(delay.delay()));
        String accountId = match.group(1);
        if (authorizer.admits(call, route, accountId)) {
            String parameter = match.groupCount() >= 2 ? RouteCall.decode(match.group(2)) : null;
            handlers.get(route).serve(new RouteCall(call, accountId, parameter));
        }
    }

    /** Whether a Content-Type is JSON as the spec declares it: {@code application/json}, parameters allowed. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return type.equalsIgnoreCase("application/json");
    }

    private static Route routeFor(String apiPath) {
        for (Route route : Route.values()) {
            if (route.match(apiPath).isPresent()) {
                return route;
            }
        }
        return null;
    }
}
