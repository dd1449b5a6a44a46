package cn.singlewindow.realname.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Documents, comments, scripts and compose files say what is; the project's own history (its work sessions and
 * issues by number) lives in the commit messages. Also: README and docs stand alone, with no link out of the
 * repository's tree.
 */
class NoProjectHistoryInTheTreeTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "target", "var", "node_modules", ".ci");
    private static final Pattern HISTORY = Pattern.compile("(?i)\\b(session|issue)s?\\s*#?\\d+");
    private static final Pattern OUTSIDE_LINK = Pattern.compile("\\.\\./shared|\\]\\(\\.\\./");

    private static List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(ROOT)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> ROOT.relativize(file).toString().split("/").length > 0)
                    .filter(file -> {
                        for (Path part : ROOT.relativize(file)) {
                            if (SKIPPED_FOLDERS.contains(part.toString())) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .filter(file -> {
                        String name = file.getFileName().toString();
                        return name.matches(".*\\.(md|java|sh|yml|yaml|graphqls|graphql|sql|properties|xml|html|js"
                                + "|css)$") || name.equals("Dockerfile") || name.equals(".dockerignore");
                    })
                    .toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void nothing_in_the_tree_speaks_of_the_projects_sessions_or_issues_by_number() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> files = files();
        for (Path file : files) {
            Matcher history = HISTORY.matcher(read(file));
            while (history.find()) {
                found.add(ROOT.relativize(file) + ": " + history.group());
            }
        }
        assertThat(files).as("files read").hasSizeGreaterThan(300);
        assertThat(found).isEmpty();
    }

    @Test
    void readme_and_docs_link_nowhere_outside_the_repository() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : files()) {
            String relative = ROOT.relativize(file).toString();
            if (relative.equals("README.md") || relative.startsWith("docs/")) {
                Matcher outside = OUTSIDE_LINK.matcher(read(file));
                while (outside.find()) {
                    found.add(relative + ": " + outside.group());
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
