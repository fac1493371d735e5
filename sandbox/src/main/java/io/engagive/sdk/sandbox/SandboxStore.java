package io.engagive.sdk.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The sandbox's read-only catalogue: the seed's accounts, organisations and templates, and fixed lookups and contents. */
final class SandboxStore {

    /** The organisation of the sandbox's default accounts. */
    static final String ORGANISATION = "acme";
    /** An account of another organisation, which no default user may use. */
    static final String FOREIGN_ACCOUNT = "9";

    private final ObjectMapper mapper;
    private final SandboxSeed seed;

    SandboxStore(ObjectMapper mapper, SandboxSeed seed) {
        this.mapper = mapper;
        this.seed = seed;
    }

    Set<String> accountIds() {
        return seed.organisations().keySet();
    }

    Optional<String> organisationOf(String accountId) {
        return Optional.ofNullable(seed.organisations().get(accountId));
    }

    ArrayNode templates(String accountId, String search) {
        ArrayNode list = mapper.createArrayNode();
        String needle = search == null ? "" : search.toLowerCase(Locale.ROOT);
        for (ObjectNode template : seed.templates(accountId)) {
            if (template.get("code").asText().contains(needle)
                    || template.get("name").asText().toLowerCase(Locale.ROOT).contains(needle)) {
                list.add(template.deepCopy());
            }
        }
        return list;
    }

    Optional<ObjectNode> template(String accountId, String code) {
        return seed.templates(accountId).stream()
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

    boolean hasApprovedTemplate(String accountId, JsonNode templateName) {
        return templateName != null && templateName.isTextual()
                && template(accountId, templateName.asText())
                        .map(template -> template.get("status").asText().equals("approved"))
                        .orElse(false);
    }
}
