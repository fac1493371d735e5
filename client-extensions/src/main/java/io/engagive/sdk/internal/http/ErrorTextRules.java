package io.engagive.sdk.internal.http;

import io.engagive.sdk.error.AuthenticationException;
import io.engagive.sdk.error.PermissionException;
import java.util.List;
import java.util.Locale;

/**
 * What the words of an error tell when its status does not: the API documents no error codes, so
 * a few phrases decide the kind of a failure ("403 or error body") and the reason of a 401 or 403.
 * The phrases are data here, matched case-insensitively.
 */
final class ErrorTextRules {

    private static final List<String> ACCOUNT_REFUSALS = List.of("not allowed", "forbidden", "not permitted",
            "access denied");
    private static final List<String> TOKEN_WORDS = List.of("token", "unauthori", "jwt");
    private static final List<String> FORBIDDEN_WORDS = List.of("forbidden", "not allowed", "permission",
            "access denied");
    private static final List<String> NOT_FOUND_WORDS = List.of("not found");
    private static final List<String> MISSING_TOKEN_WORDS = List.of("missing", "no bearer", "no token", "not provided");
    private static final List<String> INVALID_TOKEN_WORDS = List.of("invalid", "signature");
    private static final List<String> PERMISSION_WORDS = List.of("permission", "role");

    private ErrorTextRules() {
    }

    /** Tells whether the text refuses the account ("You are not allowed to use this account"). */
    static boolean refusesTheAccount(String text) {
        String lower = lower(text);
        return lower.contains("account") && any(lower, ACCOUNT_REFUSALS);
    }

    /** Returns the status the words mean (401, 403, 404), or -1 when they do not tell. */
    static int statusFromText(String text) {
        String lower = lower(text);
        if (any(lower, TOKEN_WORDS)) {
            return 401;
        }
        if (any(lower, FORBIDDEN_WORDS)) {
            return 403;
        }
        return any(lower, NOT_FOUND_WORDS) ? 404 : -1;
    }

    /** Returns why a 401 happened, as far as its words and the token's expiry tell. */
    static AuthenticationException.Reason authenticationReason(String text, boolean tokenPastExpiry) {
        String lower = lower(text);
        if (lower.contains("expired") && !lower.contains("invalid") || tokenPastExpiry) {
            return AuthenticationException.Reason.EXPIRED_TOKEN;
        }
        if (lower.contains("malformed")) {
            return AuthenticationException.Reason.MALFORMED_TOKEN;
        }
        if (any(lower, MISSING_TOKEN_WORDS)) {
            return AuthenticationException.Reason.MISSING_TOKEN;
        }
        return any(lower, INVALID_TOKEN_WORDS) ? AuthenticationException.Reason.INVALID_TOKEN
                : AuthenticationException.Reason.UNKNOWN;
    }

    /** Returns why a 403 happened, as far as its words tell. */
    static PermissionException.Reason permissionReason(String text) {
        String lower = lower(text);
        if (lower.contains("account")) {
            return PermissionException.Reason.ACCOUNT_NOT_ALLOWED;
        }
        return any(lower, PERMISSION_WORDS) ? PermissionException.Reason.PERMISSION_MISSING
                : PermissionException.Reason.UNKNOWN;
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }

    private static boolean any(String lowerCaseText, List<String> phrases) {
        for (String phrase : phrases) {
            if (lowerCaseText.contains(phrase)) {
                return true;
            }
        }
        return false;
    }
}
