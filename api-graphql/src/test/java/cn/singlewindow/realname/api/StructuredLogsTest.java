package cn.singlewindow.realname.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.api.common.CorrelationIds;
import cn.singlewindow.realname.api.common.RequestOrigin;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The service in a JVM of its own, as an operator starts it with structured logging on: every line on the console is
 * one JSON object, lines logged while serving a request carry its correlation id, start-up says nothing an operator
 * cannot act on, and no line holds an ID number, a phone number or a bank card number.
 */
class StructuredLogsTest {

    private static final Pattern ID_NUMBER = Pattern.compile(
            "(?<![0-9A-Za-z])\\d{6}(19|20)\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern PHONE = Pattern.compile("(?<![0-9A-Za-z])1[3-9]\\d{9}(?![0-9A-Za-z])");
    private static final Pattern BANK_CARD = Pattern.compile("(?<![0-9A-Za-z.])62\\d{14,17}(?![0-9A-Za-z])");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void one_property_gives_json_lines_with_the_requests_correlation_id_and_no_personal_data() throws Exception {
        Path dir = TestDirectories.create("realname-logs-");
        Path console = dir.resolve("console.log");
        try (ServiceProcess service = ServiceProcess.start(console, List.of("--server.port=0",
                "--realname.data-dir=" + dir.resolve("var"), "--logging.structured.format.console=ecs"))) {
            int port = service.port();
            GraphQlApi api = new GraphQlApi(port);
            api.asOperations().mutate().header(RequestOrigin.CORRELATION_HEADER, "seed-logs-1").build()
                    .document("mutation { sandboxSeedDemo(enterprises: 20) { enterprises } }").execute()
                    .path("sandboxSeedDemo.enterprises").entity(Integer.class).isEqualTo(20);
            HttpResponse<String> callback = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/bank-ukey/callback/CCB"))
                    .header(RequestOrigin.CORRELATION_HEADER, "callback-logs-2")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("response=forged")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(callback.headers().firstValue(RequestOrigin.CORRELATION_HEADER)).hasValue("callback-logs-2");
        }

        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(console)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode parsed = parse(line);
            assertThat(parsed).as("one JSON object per line: %s", line).isNotNull();
            lines.add(parsed);
            assertThat(line).as("no personal data in %s", line).doesNotContainPattern(ID_NUMBER)
                    .doesNotContainPattern(PHONE).doesNotContainPattern(BANK_CARD);
        }
        assertThat(lines).as("a start, a seeding and a forged callback").hasSizeGreaterThan(5);
        assertThat(lines).filteredOn(line -> message(line).startsWith("Seeded 20 demo enterprises"))
                .singleElement().satisfies(line -> assertThat(line.path(CorrelationIds.LOG_KEY).asText())
                        .isEqualTo("seed-logs-1"));
        assertThat(lines).filteredOn(line -> message(line).startsWith("Bank UKey callback from CCB"))
                .singleElement().satisfies(line -> assertThat(line.path(CorrelationIds.LOG_KEY).asText())
                        .isEqualTo("callback-logs-2"));
        assertThat(lines).as("start-up noise").noneMatch(line -> line.path("log").path("logger").asText()
                        .endsWith("AnnotationTypeMapping"))
                .noneMatch(line -> message(line).contains("AxonIQ Console"))
                .noneMatch(line -> message(line).contains("You can now start the database server"))
                .noneMatch(line -> message(line).contains("has been already registered"));
    }

    private JsonNode parse(String line) {
        try {
            JsonNode node = json.readTree(line);
            return node != null && node.isObject() ? node : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String message(JsonNode line) {
        return line.path("message").asText();
    }
}
