package io.engagive.sdk.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The sandbox's seeded, read-only catalogue: accounts and their organisations, templates, lookups and contents. */
final class SandboxStore {

    /** The organisation of the sandbox's default accounts. */
    static final String ORGANISATION = "acme";
    /** An account of another organisation, which no default user may use. */
    static final String FOREIGN_ACCOUNT = "9";

    private static final Map<String, String> ACCOUNT_ORGANISATIONS =
            Map.of("1", ORGANISATION, "2", ORGANISATION, FOREIGN_ACCOUNT, "globex");

    private final ObjectMapper mapper;
    private final Map<String, List<ObjectNode>> templatesByAccount;

    SandboxStore(ObjectMapper mapper) {
        this.mapper = mapper;
        this.templatesByAccount = Map.of(
                "1", List.of(
                        template(101, "order_shipped", "Order shipped", "UTILITY", "STANDARD", "POSITIONAL", "approved"),
                        template(102, "delivery_update", "Delivery update", "UTILITY", "STANDARD", "POSITIONAL",
                                "approved"),
                        template(103, "spring_sale", "Spring sale", "MARKETING", "STANDARD", "NAMED", "pending"),
                        template(104, "hello_world", "Hello world", "UTILITY", "STANDARD", "POSITIONAL", "approved")),
                "2", List.of(
                        template(201, "appointment_reminder", "Appointment reminder", "UTILITY", "STANDARD",
                                "POSITIONAL", "approved")),
                FOREIGN_ACCOUNT, List.of(
                        template(901, "globex_welcome", "Globex welcome", "MARKETING", "STANDARD", "POSITIONAL",
                                "rejected")));
    }

    Set<String> accountIds() {
        return ACCOUNT_ORGANISATIONS.keySet();
    }

    Optional<String> organisationOf(String accountId) {
        return Optional.ofNullable(ACCOUNT_ORGANISATIONS.get(accountId));
    }

    ArrayNode templates(String accountId, String search) {
        ArrayNode list = mapper.createArrayNode();
        String needle = search == null ? "" : search.toLowerCase(Locale.ROOT);
        for (ObjectNode template : templatesByAccount.getOrDefault(accountId, List.of())) {
            if (template.get("code").asText().contains(needle)
                    || template.get("name").asText().toLowerCase(Locale.ROOT).contains(needle)) {
                list.add(template.deepCopy());
            }
        }
        return list;
    }

    Optional<ObjectNode> template(String accountId, String code) {
        return templatesByAccount.getOrDefault(accountId, List.of()).stream()
                .filter(template -> template.get("code").asText().equals(code))
                .findFirst()
                .map(ObjectNode::deepCopy);
    }

    ArrayNode categories() {
        return lookups(new String[][] {{"MARKETING", "Marketing"}, {"UTILITY", "Utility"},
                {"AUTHENTICATION", "Authentication"}});
    }

    Optional<ArrayNode> categoryOptions(String categoryCode) {
        if (!List.of("MARKETING", "UTILITY", "AUTHENTICATION").contains(categoryCode)) {
            return Optional.empty();
        }
        ArrayNode options = mapper.createArrayNode();
        options.addObject().put("code", "STANDARD").put("label", "Standard message").put("category_code", categoryCode);
        if (categoryCode.equals("MARKETING")) {
            options.addObject().put("code", "CAROUSEL").put("label", "Carousel").put("category_code", categoryCode);
        }
        return Optional.of(options);
    }

    ArrayNode languages() {
        return lookups(new String[][] {{"en", "English"}, {"en_US", "English (US)"}, {"ur", "Urdu"}});
    }

    ArrayNode contents(String templateCode, String search) {
        ArrayNode contents = mapper.createArrayNode();
        String needle = search == null ? "" : search.toLowerCase(Locale.ROOT);
        int base = Math.abs(templateCode.hashCode() % 400) + 500;
        addContent(contents, base, "en", "Hi {{1}}, your order is on the way!", true, needle);
        addContent(contents, base + 1, "en_US", "Hi {{1}}, your order is on its way!", false, needle);
        return contents;
    }

    private void addContent(ArrayNode contents, int id, String lang, String text, boolean draft, String needle) {
        if (lang.toLowerCase(Locale.ROOT).contains(needle) || text.toLowerCase(Locale.ROOT).contains(needle)) {
            contents.addObject().put("id", id).put("lang_code", lang).put("text", text).put("is_draft", draft);
        }
    }

    private ArrayNode lookups(String[][] codes) {
        ArrayNode list = mapper.createArrayNode();
        for (String[] code : codes) {
            list.addObject().put("code", code[0]).put("label", code[1]);
        }
        return list;
    }

    private ObjectNode template(long id, String code, String name, String category, String option, String format,
            String status) {
        ObjectNode template = mapper.createObjectNode();
        template.put("id", id).put("code", code).put("name", name).put("category_code", category)
                .put("option_code", option).put("parameter_format_code", format).put("status", status);
        return template;
    }

    boolean hasApprovedTemplate(String accountId, JsonNode templateName) {
        return templateName != null && templateName.isTextual()
                && template(accountId, templateName.asText())
                        .map(template -> template.get("status").asText().equals("approved"))
                        .orElse(false);
    }
}
