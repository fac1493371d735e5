package io.engagive.sdk.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The sandbox's starting data, read from JSON: accounts with their organisation and templates, and
 * users with their organisation, accounts and permissions. Every mistake is refused with a message
 * that names where it is.
 *
 * <pre>{@code
 * {"accounts": [{"id": "1", "organisation": "acme", "templates": [{"code": "hello_world", "status": "approved"}]}],
 *  "users": [{"id": "ops", "organisation": "acme", "accounts": ["1"], "permissions": ["TEMPLATES_VIEW"]}]}
 * }</pre>
 */
final class SandboxSeed {

    /** One user of the seed. */
    record User(String id, String organisation, Set<String> accounts, Set<SandboxPermission> permissions) {
    }

    private final Map<String, String> organisations;
    private final Map<String, List<ObjectNode>> templates;
    private final List<User> users;

    private SandboxSeed(Map<String, String> organisations, Map<String, List<ObjectNode>> templates, List<User> users) {
        this.organisations = Map.copyOf(organisations);
        this.templates = Map.copyOf(templates);
        this.users = List.copyOf(users);
    }

    /** The seed every sandbox starts with unless told otherwise. */
    static SandboxSeed defaults(ObjectMapper mapper) {
        try (InputStream in = SandboxSeed.class.getResourceAsStream("default-seed.json")) {
            if (in == null) {
                throw new IllegalStateException("default-seed.json is missing from the sandbox jar");
            }
            return parse(mapper.readTree(in), "the default seed");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the default seed", e);
        }
    }

    /**
     * Reads a seed.
     *
     * @throws IllegalArgumentException naming the first mistake
     */
    static SandboxSeed parse(JsonNode root, String source) {
        if (root == null || !root.isObject() || !root.path("accounts").isArray()) {
            throw new IllegalArgumentException(source + ": expected an object with an \"accounts\" array");
        }
        Map<String, String> organisations = new LinkedHashMap<>();
        Map<String, List<ObjectNode>> templates = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode account : root.get("accounts")) {
            String where = source + ": accounts[" + index++ + "]";
            String id = text(account, "id", where);
            if (!id.matches("[A-Za-z0-9_-]{1,64}")) {
                throw new IllegalArgumentException(where + ".id must be letters, digits, '_' or '-', was \"" + id + "\"");
            }
            if (organisations.put(id, text(account, "organisation", where)) != null) {
                throw new IllegalArgumentException(where + ": account \"" + id + "\" appears twice");
            }
            templates.put(id, templates(account.path("templates"), where, id));
        }
        List<User> users = new ArrayList<>();
        index = 0;
        for (JsonNode user : root.path("users")) {
            String where = source + ": users[" + index++ + "]";
            Set<String> accounts = new LinkedHashSet<>();
            user.path("accounts").forEach(account -> accounts.add(account.asText()));
            Set<SandboxPermission> permissions = new LinkedHashSet<>();
            for (JsonNode permission : user.path("permissions")) {
                permissions.add(permission(permission.asText(), where));
            }
            users.add(new User(text(user, "id", where), text(user, "organisation", where), accounts, permissions));
        }
        return new SandboxSeed(organisations, templates, users);
    }

    /** Returns the permission by its enum name ({@code TEMPLATES_VIEW}) or its portal name. */
    static SandboxPermission permission(String name, String where) {
        for (SandboxPermission permission : SandboxPermission.values()) {
            if (permission.name().equalsIgnoreCase(name) || permission.portalName().equals(name)) {
                return permission;
            }
        }
        throw new IllegalArgumentException(where + ": unknown permission \"" + name + "\"; use one of "
                + List.of(SandboxPermission.values()));
    }

    Map<String, String> organisations() {
        return organisations;
    }

    List<ObjectNode> templates(String accountId) {
        return templates.getOrDefault(accountId, List.of());
    }

    List<User> users() {
        return users;
    }

    private static List<ObjectNode> templates(JsonNode list, String where, String accountId) {
        List<ObjectNode> templates = new ArrayList<>();
        int index = 0;
        for (JsonNode template : list) {
            String at = where + ".templates[" + index++ + "]";
            if (!template.isObject()) {
                throw new IllegalArgumentException(at + " must be an object");
            }
            ObjectNode copy = ((ObjectNode) template).deepCopy();
            text(copy, "code", at);
            copy.putIfAbsent("id", copy.numberNode((long) Math.abs((accountId + copy.get("code").asText()).hashCode())));
            copy.putIfAbsent("name", copy.get("code"));
            copy.putIfAbsent("category_code", copy.textNode("UTILITY"));
            copy.putIfAbsent("option_code", copy.textNode("STANDARD"));
            copy.putIfAbsent("parameter_format_code", copy.textNode("POSITIONAL"));
            copy.putIfAbsent("status", copy.textNode("approved"));
            copy.put("status", copy.get("status").asText().toLowerCase(Locale.ROOT));
            templates.add(copy);
        }
        return templates;
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(where + "." + field + " must be a non-empty string");
        }
        return value.asText();
    }
}
