package cn.singlewindow.realname.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the Dockerfile gives the service: its environment and its entry point's arguments. */
final class ImageDefinition {

    private static final Path DOCKERFILE = Path.of("..", "Dockerfile");
    private static final Pattern ENV = Pattern.compile("(\\w+)=(\"([^\"]*)\"|\\S+)");

    private ImageDefinition() {
    }

    /** The Dockerfile's ENV lines, as the container's environment. */
    static Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        for (String line : lines()) {
            if (line.startsWith("ENV ")) {
                Matcher variable = ENV.matcher(line.substring(4));
                while (variable.find()) {
                    environment.put(variable.group(1), variable.group(3) != null ? variable.group(3)
                            : variable.group(2));
                }
            }
        }
        assertThat(environment).as("the image names its profile").containsEntry("SPRING_PROFILES_ACTIVE", "postgres");
        return environment;
    }

    /** The entry point's arguments after the jar. */
    static String[] entryPointArguments() {
        String entryPoint = lines().stream().filter(line -> line.startsWith("ENTRYPOINT ")).reduce((a, b) -> b)
                .orElseThrow();
        List<String> words = new ArrayList<>();
        Matcher quoted = Pattern.compile("\"([^\"]*)\"").matcher(entryPoint);
        while (quoted.find()) {
            words.add(quoted.group(1));
        }
        int jar = words.indexOf("-jar");
        assertThat(jar).as("java -jar <jar> in the entry point").isPositive();
        return words.subList(jar + 2, words.size()).toArray(String[]::new);
    }

    private static List<String> lines() {
        try {
            return Files.readAllLines(DOCKERFILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
