package io.engagive.sdk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Over bodies that are right, wrong and strange in every field the spec names, the real sandbox
 * refuses exactly what the spec forbids and accepts (or passes on to "Meta") what it allows:
 * not one disagreement, with both outcomes well represented.
 */
class RequestAgreementPropertiesTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static EngagiveSandbox sandbox;

    @BeforeContainer
    static void start() {
        sandbox = EngagiveSandbox.start();
    }

    @AfterContainer
    static void stop() {
        sandbox.close();
    }

    @Property(tries = 200)
    void theSandboxAndTheSpecAgreeOnEverySendBody(@ForAll("routes") String route,
            @ForAll("mutations") List<Mutation> mutations, @ForAll("notAnObject") Optional<String> replacement)
            throws IOException, InterruptedException {
        ObjectNode body = validBody(route);
        mutations.forEach(mutation -> mutation.applyTo(body));
        String sent = replacement.orElse(body.toString());
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl()
                        + "/channels/whatsapp/accounts/1/messages/" + route))
                .header("Authorization", "Bearer " + sandbox.defaultUser().token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(sent)).build(), HttpResponse.BodyHandlers.ofString());

        Statistics.collect(answer.statusCode() == 400 ? "refused" : answer.statusCode() == 200 ? "accepted"
                : answer.statusCode() == 502 ? "passed on and refused by Meta" : "other");
        Statistics.coverage(coverage -> {
            coverage.check("refused").percentage(share -> share > 15);
            coverage.check("accepted").percentage(share -> share > 15);
        });
        assertThat(answer.statusCode()).isIn(200, 400, 502);
        assertThat(sandbox.specViolations()).as("%s to %s answered %s: %s", sent, route, answer.statusCode(),
                answer.body()).isEmpty();
    }

    /** One change to a valid body: a field set to another value, or removed. */
    record Mutation(String parent, String field, JsonNode value) {

        void applyTo(ObjectNode body) {
            JsonNode target = parent.isEmpty() ? body : body.at(parent);
            if (target instanceof ObjectNode object) {
                if (value == null) {
                    object.remove(field);
                } else {
                    object.set(field, value.deepCopy());
                }
            }
        }

        @Override
        public String toString() {
            return parent + "/" + field + (value == null ? " removed" : " = " + value);
        }
    }

    @Provide
    Arbitrary<String> routes() {
        return Arbitraries.of("send-template", "send-reaction", "send-single");
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> validRecipient = Arbitraries.strings().numeric().ofMinLength(7).ofMaxLength(15)
                .map(digits -> new Mutation("", "to", JSON.textNode(digits)));
        Arbitrary<Mutation> change = Arbitraries.oneOf(validRecipient, Arbitraries.of(
                field("", "to", "\"123456\"", "\"1234567890123456\"", "\"+923001234567\"", "\"92 300 1234567\"",
                        "\"abc\"", "923001234567", "null", null),
                field("", "content_json", "\"hello_world\"", "[]", "null", "1", null),
                field("/content_json", "template_name", "3", "null", null, "\"no_such_template\"", "\"spring_sale\""),
                field("/content_json", "lang_code", "null", "5", null, "\"ur\""),
                field("/content_json", "components", "[\"BODY\"]", "[{},1]", "{}", "\"BODY\"", "[]", null),
                field("", "whatsapp_message_id", "\"wamid.\"", "\"\"", "\"HBgM\"", "7", "\"wamid.abc\"", null),
                field("", "emoji", "true", "\"\"", "\"x\"", null),
                field("", "extra", "\"anything\"", "{}")).flatMap(Arbitraries::of));
        return change.list().ofMaxSize(2);
    }

    @Provide
    Arbitrary<Optional<String>> notAnObject() {
        return Arbitraries.integers().between(1, 12).flatMap(dice -> dice > 1 ? Arbitraries.just(Optional.empty())
                : Arbitraries.of("[]", "\"text\"", "42", "null", "{", "").map(Optional::of));
    }

    /** Every way to change one field: each JSON text a value, null to remove the field. */
    private static List<Mutation> field(String parent, String name, String... values) {
        List<Mutation> mutations = new ArrayList<>();
        for (String value : values) {
            mutations.add(new Mutation(parent, name, value == null ? null : parse(value)));
        }
        return mutations;
    }

    private static ObjectNode validBody(String route) {
        return (ObjectNode) parse(switch (route) {
            case "send-template" -> "{\"to\":\"923001234567\",\"content_json\":{\"template_name\":\"hello_world\","
                    + "\"lang_code\":\"en_US\",\"components\":[{\"type\":\"BODY\",\"parameters\":[{\"type\":"
                    + "\"text\",\"text\":\"Hello\"}]}]}}";
            case "send-reaction" -> "{\"to\":\"923001234567\",\"whatsapp_message_id\":\"wamid.HBgM\",\"emoji\":\"👍\"}";
            default -> "{\"to\":\"923001234567\",\"type\":\"text\",\"text\":{\"body\":\"Hello\"}}";
        });
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
