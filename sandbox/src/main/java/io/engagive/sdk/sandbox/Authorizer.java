package io.engagive.sdk.sandbox;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies Engagive's auth rules to one request: a bearer JWT signed by this sandbox, a known user,
 * an account of the user's organisation that the user may use ("403 or error body" otherwise) and
 * the permission the route needs. It answers every refusal itself.
 */
final class Authorizer {

    /** RFC 7235: the scheme name is case-insensitive, then one or more spaces and the token. */
    private static final Pattern BEARER = Pattern.compile("bearer +(\\S+)", Pattern.CASE_INSENSITIVE);

    private final SandboxState state;

    Authorizer(SandboxState state) {
        this.state = state;
    }

    /** Returns true when the request may be served; otherwise it has been answered with the refusal. */
    boolean admits(Exchange call, Route route, String accountId) throws IOException {
        String header = call.requestHeader("Authorization");
        if (header == null || header.isBlank()) {
            call.error(401, "Unauthorized", "No Bearer token provided");
            return false;
        }
        Matcher bearer = BEARER.matcher(header.strip());
        if (!bearer.matches()) {
            call.error(401, "Unauthorized", "Malformed Authorization header: expected 'Bearer <token>'");
            return false;
        }
        TokenMinter.Verification verification = state.minter().verify(bearer.group(1));
        if (verification.refusal().isPresent()) {
            call.error(401, "Unauthorized", verification.refusal().get());
            return false;
        }
        Optional<SandboxUser> user = state.user(verification.subject());
        if (user.isEmpty()) {
            call.error(401, "Unauthorized", "Invalid token");
            return false;
        }
        boolean sameOrganisation = state.store().organisationOf(accountId).map(user.get().organisation()::equals)
                .orElse(false);
        if (!sameOrganisation || !user.get().accounts().contains(accountId)) {
            call.wrongAccount(state.wrongAccountStatus());
            return false;
        }
        if (!user.get().permissions().contains(route.permission())) {
            call.error(403, "Forbidden", "Missing permission: " + route.permission().portalName());
            return false;
        }
        return true;
    }
}
