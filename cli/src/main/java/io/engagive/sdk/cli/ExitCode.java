package io.engagive.sdk.cli;

import io.engagive.sdk.error.ApiErrorException;
import io.engagive.sdk.error.AuthenticationException;
import io.engagive.sdk.error.ConnectionException;
import io.engagive.sdk.error.EngagiveException;
import io.engagive.sdk.error.InvalidRequestException;
import io.engagive.sdk.error.NotFoundException;
import io.engagive.sdk.error.PermissionException;
import io.engagive.sdk.error.RateLimitedException;
import io.engagive.sdk.error.ServerException;
import io.engagive.sdk.error.UpstreamException;

/** The command-line tool's exit codes, one per kind of outcome. */
enum ExitCode {
    /** Success. */
    OK(0, "success"),
    /** An unexpected error. */
    UNEXPECTED(1, "unexpected error, or a response that is not the API's"),
    /** Bad command-line usage. */
    USAGE(2, "usage error"),
    /** 401, or a token refused locally. */
    AUTHENTICATION(3, "authentication: 401, or a token refused locally"),
    /** 403 or the "403 or error body" case. */
    PERMISSION(4, "permission or account: 403, or the \"403 or error body\" case"),
    /** 404. */
    NOT_FOUND(5, "not found (404)"),
    /** 400. */
    INVALID_REQUEST(6, "invalid request (400)"),
    /** 429. */
    RATE_LIMITED(7, "rate limited (429)"),
    /** 502 from WhatsApp/Meta. */
    UPSTREAM(8, "upstream WhatsApp/Meta failure (502)"),
    /** Any other 5xx. */
    SERVER(9, "other server error (5xx)"),
    /** No response. */
    CONNECTION(10, "connection failure or timeout"),
    /** A campaign that did not end every row as sent or refused. */
    INCOMPLETE(11, "a bulk campaign left rows unknown (they may have been sent) or pending (run it again)");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    int code() {
        return code;
    }

    static ExitCode of(EngagiveException error) {
        if (error instanceof AuthenticationException) {
            return AUTHENTICATION;
        }
        if (error instanceof PermissionException) {
            return PERMISSION;
        }
        if (error instanceof NotFoundException) {
            return NOT_FOUND;
        }
        if (error instanceof InvalidRequestException) {
            return INVALID_REQUEST;
        }
        if (error instanceof RateLimitedException) {
            return RATE_LIMITED;
        }
        if (error instanceof UpstreamException) {
            return UPSTREAM;
        }
        if (error instanceof ServerException
                || error instanceof ApiErrorException && error.httpStatus().orElse(0) >= 500) {
            return SERVER;
        }
        if (error instanceof ConnectionException) {
            return CONNECTION;
        }
        return UNEXPECTED;
    }

    /** @return the table printed in {@code --help} */
    static String helpTable() {
        StringBuilder table = new StringBuilder("Exit codes:%n");
        for (ExitCode exit : values()) {
            table.append(String.format("  %2d  %s%%n", exit.code, exit.meaning));
        }
        return table.toString();
    }
}
