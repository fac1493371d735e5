package io.engagive.sdk.cli;

import static io.engagive.sdk.cli.Printer.column;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.engagive.sdk.generated.ApiClient;
import io.engagive.sdk.generated.model.SendReactionRequest;
import io.engagive.sdk.generated.model.SendReactionResponse;
import io.engagive.sdk.generated.model.SendTemplateRequest;
import io.engagive.sdk.generated.model.SendTemplateResponse;
import io.engagive.sdk.generated.model.TemplateContentJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code engagive messages send-template|send-reaction}: sends real WhatsApp messages, never retried automatically. */
@Command(name = "messages", description = "Send WhatsApp messages. A send is never "
        + "retried automatically.", mixinStandardHelpOptions = true,
        subcommands = {SendBulkCommand.class, CampaignCommand.class})
final class MessagesCommand {

    @ParentCommand
    private EngagiveCli root;

    @Spec
    private CommandSpec spec;

    EngagiveCli root() {
        return root;
    }

    @Command(name = "send-template", description = "Send an approved template to one recipient.",
            mixinStandardHelpOptions = true)
    int sendTemplate(
            @Option(names = "--to", paramLabel = "PHONE", description = "Recipient, digits with country code, e.g. "
                    + "923001234567.") String to,
            @Option(names = "--template", paramLabel = "NAME", description = "Approved template name.") String template,
            @Option(names = "--language", paramLabel = "CODE", description = "Template language, e.g. en_US.")
                    String language,
            @Option(names = "--param", paramLabel = "TEXT", description = "A body parameter, in order; repeat for "
                    + "{{1}}, {{2}}, …") List<String> parameters,
            @Option(names = "--body-file", paramLabel = "FILE", description = "The whole request body as JSON "
                    + "(instead of the options above).") Path bodyFile) {
        SendTemplateRequest request = bodyFile != null ? readBody(bodyFile) : templateRequest(to, template, language,
                parameters);
        SendTemplateResponse response = root.client().messages().sendTemplate(root.account(), request);
        root.printer().print(response, List.of(response),
                column("TO", sent -> sent.getData() == null ? null : sent.getData().getTo()),
                column("TYPE", sent -> sent.getData() == null ? null : sent.getData().getMessageType()),
                column("MESSAGE ID", sent -> messageId(sent.getMetaResponse())));
        return ExitCode.OK.code();
    }

    @Command(name = "send-reaction", description = "React to a message with an emoji.", mixinStandardHelpOptions = true)
    int sendReaction(
            @Option(names = "--to", required = true, paramLabel = "PHONE", description = "Recipient.") String to,
            @Option(names = "--message-id", required = true, paramLabel = "WAMID", description = "The message to react "
                    + "to (wamid.…).") String messageId,
            @Option(names = "--emoji", required = true, paramLabel = "EMOJI", description = "The emoji, e.g. 👍.")
                    String emoji) {
        SendReactionResponse response = root.client().messages().sendReaction(root.account(),
                new SendReactionRequest().to(to).whatsappMessageId(messageId).emoji(emoji));
        root.printer().print(response, List.of(response),
                column("RESULT", sent -> sent.getMessage()),
                column("MESSAGE ID", sent -> messageId(sent.getMetaResponse())));
        return ExitCode.OK.code();
    }

    private SendTemplateRequest templateRequest(String to, String template, String language, List<String> parameters) {
        List<String> missing = new ArrayList<>();
        if (to == null) {
            missing.add("--to");
        }
        if (template == null) {
            missing.add("--template");
        }
        if (language == null) {
            missing.add("--language");
        }
        if (!missing.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing " + String.join(", ", missing)
                    + " (or give the whole body with --body-file)");
        }
        TemplateContentJson content = new TemplateContentJson().templateName(template).langCode(language);
        if (parameters != null && !parameters.isEmpty()) {
            List<Map<String, Object>> body = new ArrayList<>();
            parameters.forEach(text -> body.add(Map.of("type", "text", "text", text)));
            content.addComponentsItem(Map.of("type", "BODY", "parameters", body));
        }
        return new SendTemplateRequest().to(to).contentJson(content);
    }

    /** Reads the body file, refusing it when sending it would drop or change any field the user wrote. */
    private SendTemplateRequest readBody(Path file) {
        ObjectMapper mapper = ApiClient.newObjectMapper();
        JsonNode given;
        SendTemplateRequest request;
        try {
            given = mapper.readTree(Files.readString(file));
            request = mapper.treeToValue(given, SendTemplateRequest.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Cannot read --body-file " + file + ": "
                    + e.getClass().getSimpleName() + " (it must be the send-template JSON body)");
        }
        List<String> dropped = new ArrayList<>();
        BodyDifferences.collect("", given, mapper.valueToTree(request), dropped);
        if (!dropped.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--body-file " + file + " has fields the "
                    + "send-template body does not have, or values of another type, which would not be sent as "
                    + "written: " + String.join(", ", dropped) + ". Nothing was sent.");
        }
        return request;
    }

    private static Object messageId(Map<String, Object> metaResponse) {
        if (metaResponse == null || !(metaResponse.get("messages") instanceof List)) {
            return null;
        }
        List<?> messages = (List<?>) metaResponse.get("messages");
        return messages.isEmpty() || !(messages.get(0) instanceof Map) ? null : ((Map<?, ?>) messages.get(0)).get("id");
    }
}
