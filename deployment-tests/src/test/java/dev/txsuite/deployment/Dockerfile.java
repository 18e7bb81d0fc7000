package dev.txsuite.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** docker/Dockerfile as a list of instructions (continuation lines joined, comments dropped), split by stage. */
record Dockerfile(List<Stage> stages) {

    /** One instruction: {@code COPY}, and the rest of its line as written. */
    record Instruction(String keyword, String arguments) {}

    /** One {@code FROM} and what follows it up to the next. */
    record Stage(String from, List<Instruction> instructions) {

        List<String> argumentsOf(String keyword) {
            return instructions.stream()
                    .filter(instruction -> instruction.keyword().equals(keyword))
                    .map(Instruction::arguments)
                    .toList();
        }

        String single(String keyword) {
            var found = argumentsOf(keyword);
            if (found.size() != 1) {
                throw new AssertionError("expected one " + keyword + " in the stage FROM " + from + ", found " + found);
            }
            return found.getFirst();
        }
    }

    static Dockerfile read() {
        var stages = new ArrayList<Stage>();
        var logical = new StringBuilder();
        for (var line : Repository.read(Repository.file("docker/Dockerfile")).split("\n")) {
            var trimmed = line.strip();
            if (trimmed.startsWith("#") || trimmed.isEmpty() && logical.isEmpty()) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                logical.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            logical.append(trimmed);
            var instruction = logical.toString().strip();
            logical.setLength(0);
            if (instruction.isEmpty()) {
                continue;
            }
            var parts = instruction.split("\\s+", 2);
            var keyword = parts[0].toUpperCase(Locale.ROOT);
            var arguments = parts.length == 2 ? parts[1] : "";
            if (keyword.equals("FROM")) {
                stages.add(new Stage(arguments, new ArrayList<>()));
            } else if (!stages.isEmpty()) {
                stages.getLast().instructions().add(new Instruction(keyword, arguments));
            }
        }
        return new Dockerfile(List.copyOf(stages));
    }

    /** The stage the image is made of. */
    Stage runtime() {
        return stages.getLast();
    }

    /** The command the container runs ({@code ENTRYPOINT} in exec form). */
    List<String> entrypoint() {
        var json = runtime().single("ENTRYPOINT").strip();
        if (!json.startsWith("[") || !json.endsWith("]")) {
            throw new AssertionError("ENTRYPOINT is not in exec form: " + json);
        }
        var words = new ArrayList<String>();
        for (var word : json.substring(1, json.length() - 1).split(",")) {
            var quoted = word.strip();
            words.add(quoted.substring(1, quoted.length() - 1));
        }
        return words;
    }
}
