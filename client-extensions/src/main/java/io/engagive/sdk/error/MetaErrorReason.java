package io.engagive.sdk.error;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a WhatsApp (Meta) error code means for a sender: whether the same request can succeed
 * later, and what to do. The table follows Meta's "WhatsApp Business Platform — Error codes"
 * reference (developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes,
 * the version updated 15 May 2026, read on 26 November 2026); a code it does not list is
 * {@link #UNKNOWN}, never guessed. Meta asks that handling be built on codes and details, not on
 * message text, and so does this table.
 */
public enum MetaErrorReason {

    /** 130429: Cloud API message throughput reached. */
    THROUGHPUT_LIMIT(true, "Meta's message throughput for this number was reached: send again later, and more "
            + "slowly.", 130429),
    /** 131056: too many messages from this business number to the same recipient in a short time. */
    PAIR_RATE_LIMIT(true, "Too many messages to this recipient in a short time: wait before sending to them again, "
            + "backing off longer each time.", 131056),
    /** 4 and 80007: the app's or the WhatsApp Business Account's API call rate limit. */
    API_RATE_LIMIT(true, "The API call rate limit of the app or WhatsApp Business Account was reached: send again "
            + "later, and less often.", 4, 80007),
    /** 131048: the number may send fewer messages because earlier ones were blocked or flagged as spam. */
    SPAM_RATE_LIMIT(false, "Meta limits how many messages this number may send, because earlier ones were blocked or "
            + "flagged as spam: check its quality rating in WhatsApp Manager; sending again soon will not help.",
            131048),
    /** 131047: more than 24 hours since the recipient last replied. */
    REENGAGEMENT_WINDOW(false, "More than 24 hours have passed since the recipient last replied: only a template "
            + "message can reach them now.", 131047),
    /** 131026: the message could not be delivered to this recipient. */
    UNDELIVERABLE(false, "Meta could not deliver to this recipient (not a WhatsApp number, latest terms not accepted, "
            + "or an outdated app): reach them another way; sending again will not help.", 131026),
    /** 131049: not delivered to keep engagement healthy (per-user marketing limits). */
    ECOSYSTEM_LIMIT(false, "Meta chose not to deliver this message to keep engagement healthy: do not send it again "
            + "right away.", 131049),
    /** 131050: the recipient stopped marketing messages from this business. */
    MARKETING_OPT_OUT(false, "The recipient has stopped marketing messages from this business.", 131050),
    /** 130472: the recipient is part of a Meta experiment that holds back marketing messages. */
    EXPERIMENT(false, "The recipient is part of a Meta experiment that holds back marketing messages.", 130472),
    /** 132000: the number of parameters does not match the template's placeholders. */
    TEMPLATE_PARAMETER_COUNT(false, "The number of parameters does not match the template's placeholders: fix the "
            + "components.", 132000),
    /** 132001: the template does not exist in this language, or is not approved. */
    TEMPLATE_NOT_FOUND(false, "No approved template by this name in this language: check template_name and "
            + "lang_code.", 132001),
    /** 132005: the text with its parameters filled in is too long. */
    TEMPLATE_TEXT_TOO_LONG(false, "The template's text with the parameters filled in is too long: shorten the "
            + "parameters.", 132005),
    /** 132007: the filled-in content breaks WhatsApp's policy on characters. */
    TEMPLATE_POLICY_CHARACTERS(false, "The filled-in template breaks WhatsApp's character policy: change the "
            + "parameter text.", 132007),
    /** 132012: a parameter's format does not match the template's. */
    TEMPLATE_PARAMETER_FORMAT(false, "A parameter's format does not match what the template expects: fix the "
            + "components.", 132012),
    /** 132015: the template is paused for low quality. */
    TEMPLATE_PAUSED(false, "The template is paused because of low quality: edit it, or send another one.", 132015),
    /** 132016: the template is disabled for low quality. */
    TEMPLATE_DISABLED(false, "The template is disabled because of low quality and cannot be sent again: use another "
            + "one.", 132016),
    /** 131052 and 131053: Meta could not download or upload the media. */
    MEDIA_ERROR(false, "Meta could not download or upload the media: check its URL, type and size.", 131052, 131053),
    /** 131051: the message type is not supported. */
    UNSUPPORTED_MESSAGE_TYPE(false, "This message type is not supported: send a supported one.", 131051),
    /** 131021: the recipient is the sending number itself. */
    RECIPIENT_IS_SENDER(false, "The recipient is the sending number itself.", 131021),
    /** 33, 100, 131008 and 131009: a parameter is missing, misspelled or has a value that is not valid. */
    INVALID_PARAMETER(false, "Meta refused a parameter as missing or not valid: the details say which; fix the "
            + "request.", 33, 100, 131008, 131009),
    /** 0, 3, 10, 190, 200–299 and 131005: Meta refused the credentials or permissions behind the number. */
    ACCESS_DENIED(false, "Meta refused the access behind this number (an expired token or a missing permission "
            + "between Engagive and Meta): contact Engagive support with the fbtrace id.", 0, 3, 10, 190, 131005),
    /** 368, 130497 and 131031: the WhatsApp Business Account is blocked, locked or restricted. */
    ACCOUNT_RESTRICTED(false, "The WhatsApp Business Account is blocked, locked or restricted (a policy violation or "
            + "a country restriction): resolve it in Meta Business Manager.", 368, 130497, 131031),
    /** 131042: a payment problem on the WhatsApp Business Account. */
    PAYMENT_ISSUE(false, "A payment problem on the WhatsApp Business Account: fix its billing in Meta Business "
            + "Manager.", 131042),
    /** 1: an invalid request or a possible server error, which Meta does not tell apart. */
    UNSPECIFIED(false, "Meta reports an invalid request or a possible server error without saying which: check the "
            + "request and Meta's status page.", 1),
    /** 2, 131000, 131016 and 133004: Meta failed or is unavailable for now. */
    TEMPORARY(true, "Meta failed or is unavailable for now: the same request may succeed later.", 2, 131000, 131016,
            133004),
    /** A code Meta's reference does not list, or no code at all. */
    UNKNOWN(true, "A Meta error this toolkit's table does not know: see the code and details in Meta's reference.");

    private final boolean transientFailure;
    private final String advice;
    private final List<Long> codes;

    MetaErrorReason(boolean transientFailure, String advice, long... codes) {
        this.transientFailure = transientFailure;
        this.advice = advice;
        this.codes = Arrays.stream(codes).boxed().toList();
    }

    /**
     * Returns the reason for a Meta error code.
     *
     * @param code Meta's {@code error.code}, or empty when there was none
     * @return the reason; {@link #UNKNOWN} for a code Meta's reference does not list
     */
    public static MetaErrorReason of(Optional<Long> code) {
        if (code.isEmpty()) {
            return UNKNOWN;
        }
        long value = code.get();
        if (value >= 200 && value <= 299) {
            return ACCESS_DENIED;
        }
        for (MetaErrorReason reason : values()) {
            if (reason.codes.contains(value)) {
                return reason;
            }
        }
        return UNKNOWN;
    }

    /**
     * Whether sending the same request again later can succeed (it never happens automatically for a send).
     *
     * @return true for limits and temporary failures, and for codes the table does not know
     */
    public boolean isTransient() {
        return transientFailure;
    }

    /**
     * Returns what a person should do about it, in one sentence or two.
     *
     * @return the advice
     */
    public String advice() {
        return advice;
    }

    /**
     * Returns the Meta codes this reason stands for (200–299 are all {@link #ACCESS_DENIED} too).
     *
     * @return the codes, empty for {@link #UNKNOWN}
     */
    public List<Long> codes() {
        return codes;
    }
}
