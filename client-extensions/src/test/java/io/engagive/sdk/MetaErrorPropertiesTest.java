package io.engagive.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.engagive.sdk.error.EngagiveException;
import io.engagive.sdk.error.ErrorEnvelope;
import io.engagive.sdk.error.MetaError;
import io.engagive.sdk.error.MetaErrorReason;
import io.engagive.sdk.retry.RetryPolicy;
import io.engagive.sdk.testing.LoopbackServer;
import io.engagive.sdk.testing.LoopbackServer.Reply;
import io.engagive.sdk.testing.TestTokens;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever shape {@code metaResponse} has — missing fields, fields of other types, unknown codes,
 * deep nesting — reading Meta's error never fails, and a call that carries it fails only with the
 * typed exception.
 */
class MetaErrorPropertiesTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static LoopbackServer server;

    @BeforeContainer
    static void start() {
        server = LoopbackServer.start();
    }

    @AfterContainer
    static void stop() {
        server.close();
    }

    @Property(tries = 500)
    void readingAnyMetaResponseNeverFails(@ForAll("metaResponses") JsonNode metaResponse) {
        MetaError.from(metaResponse).ifPresent(error -> {
            assertThat(error.reason()).isNotNull();
            assertThat(error.describe()).startsWith("Meta error ");
            assertThat(error.toString()).startsWith("MetaError{");
            error.code().ifPresent(code -> assertThat(MetaErrorReason.of(error.code())).isEqualTo(error.reason()));
        });
    }

    @Property(tries = 80)
    void aCallCarryingAnyMetaResponseFailsOnlyWithTheTypedException(@ForAll("metaResponses") JsonNode metaResponse,
            @ForAll("statuses") int status) {
        ObjectNode body = JSON.objectNode().put("success", false).put("message", "WhatsApp API request failed");
        body.set("metaResponse", metaResponse);
        server.reset();
        server.otherwise(request -> Reply.json(status, body.toString()));
        EngagiveClient engagive = Fixtures.clientFor(server, TestTokens.valid()).retryPolicy(RetryPolicy.none()).build();

        assertThatExceptionOfType(EngagiveException.class)
                .isThrownBy(() -> engagive.templates().listTemplates("1", null))
                .satisfies(failure -> {
                    assertThat(failure.envelope().flatMap(ErrorEnvelope::metaError))
                            .isEqualTo(MetaError.from(metaResponse));
                    assertThat(failure.getMessage()).isNotBlank();
                    failure.isTransient();
                });
    }

    @Provide
    Arbitrary<Integer> statuses() {
        return Arbitraries.of(200, 400, 403, 500, 502);
    }

    @Provide
    Arbitrary<JsonNode> metaResponses() {
        Arbitrary<JsonNode> code = Arbitraries.oneOf(
                Arbitraries.of(131047L, 130429L, 132001L, 131026L, 250L, 0L).map(JSON::numberNode),
                Arbitraries.longs().map(JSON::numberNode),
                Arbitraries.doubles().map(JSON::numberNode),
                Arbitraries.strings().numeric().ofMaxLength(25).map(JSON::textNode),
                Arbitraries.strings().ofMaxLength(10).map(JSON::textNode),
                Arbitraries.just(JSON.nullNode()), Arbitraries.just(JSON.booleanNode(true)),
                Arbitraries.just(JSON.arrayNode()), Arbitraries.just(JSON.objectNode()));
        Arbitrary<JsonNode> anything = Arbitraries.lazyOf(() -> Arbitraries.oneOf(code,
                Arbitraries.strings().ofMaxLength(30).map(JSON::textNode),
                metaResponsesNested()));
        Arbitrary<JsonNode> error = Arbitraries.maps(Arbitraries.of("code", "error_subcode", "type", "message",
                "error_data", "fbtrace_id", "is_transient", "x"), anything).ofMaxSize(7).map(fields -> {
                    ObjectNode node = JSON.objectNode();
                    fields.forEach(node::set);
                    return node;
                });
        return Arbitraries.oneOf(error.map(inner -> JSON.objectNode().set("error", inner)), error, anything);
    }

    private Arbitrary<JsonNode> metaResponsesNested() {
        return Arbitraries.strings().alpha().ofMaxLength(8).list().ofMaxSize(3).map(keys -> {
            ObjectNode node = JSON.objectNode();
            keys.forEach(key -> node.putObject(key).put("details", key).putArray("a").add(1));
            return node;
        });
    }
}
