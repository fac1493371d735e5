package io.engagive.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/cli.md lists exactly the commands {@code --help} lists, down to every subcommand. */
class CliDocumentationTest {

    private static final Pattern ROW_COMMAND = Pattern.compile("`([a-z][a-z-]*(?: [a-z][a-z-]*)*)");

    @Test
    void theCliPageListsExactlyTheCommandsTheHelpLists() throws IOException {
        Set<String> documented = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of("..", "docs", "cli.md"))) {
            if (line.startsWith("| `")) {
                String firstColumn = line.substring(1, line.indexOf('|', 1));
                Matcher command = ROW_COMMAND.matcher(firstColumn);
                while (command.find()) {
                    documented.add(command.group(1));
                }
            }
        }

        assertThat(documented).isEqualTo(helpCommands());
    }

    /** Every leaf command, e.g. {@code templates list} or {@code doctor}, as {@code --help} shows them. */
    private static Set<String> helpCommands() {
        Set<String> leaves = new TreeSet<>();
        for (String command : commandsIn(new CliRun().run("--help").out())) {
            List<String> subcommands = commandsIn(new CliRun().run(command, "--help").out());
            if (subcommands.isEmpty()) {
                leaves.add(command);
            }
            subcommands.forEach(subcommand -> leaves.add(command + " " + subcommand));
        }
        return leaves;
    }

    private static List<String> commandsIn(String help) {
        List<String> names = new ArrayList<>();
        int start = help.indexOf("\nCommands:\n");
        if (start < 0) {
            return names;
        }
        for (String line : help.substring(start + "\nCommands:\n".length()).split("\n")) {
            if (line.isBlank()) {
                break;
            }
            if (line.startsWith("  ") && !line.startsWith("   ")) {
                names.add(line.strip().split("\\s+")[0]);
            }
        }
        return names;
    }
}
