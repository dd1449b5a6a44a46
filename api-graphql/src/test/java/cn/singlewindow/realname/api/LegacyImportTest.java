package cn.singlewindow.realname.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import cn.singlewindow.realname.messages.testing.SampleCodes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.publisher.Mono;

/**
 * Bulk legacy imports over HTTP, as OPERATIONS runs a migration: every row by the rules and the command of
 * importLegacyEnterprise, refusals listed per line, the same file again changing nothing, another file's row with an
 * imported USCC and other data refused, and the documented example file imported as it stands.
 */
class LegacyImportTest extends RunningService {

    private static final String HEADER = "name,uscc,orgCode,legalRepName,legalRepDocumentType,legalRepDocumentNumber,"
            + "origin,administrator.username,administrator.initialPassword,administrator.ownerName,"
            + "administrator.documentType,administrator.documentNumber,administrator.idValidFrom,"
            + "administrator.idValidTo";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_file_is_imported_row_by_row_and_a_second_run_changes_nothing() throws Exception {
        GraphQlApi api = api();
        String operations = api.tokenOf(GraphQlApi.OPERATIONS_USER, GraphQlApi.OPERATIONS_PASSWORD);
        List<String> usccs = List.of(SampleCodes.randomUscc(), SampleCodes.randomUscc(), SampleCodes.randomUscc());
        String file = HEADER + "\n"
                + row("甲贸易有限公司", usccs.get(0), "LEGACY_INSPECTION") + "\n"
                + row("乙贸易有限公司", usccs.get(1), "LOCAL_SYSTEM") + "\n"
                + "\n"
                + row("丙贸易有限公司", usccs.get(2), "LEGACY_INSPECTION") + "\n"
                + row("丁贸易有限公司", "91110105NOTAUSCC", "LEGACY_INSPECTION") + "\n"
                + row("", SampleCodes.randomUscc(), "LEGACY_INSPECTION") + "\n";

        JsonNode first = finished(api, operations, upload(operations, "text/csv", file));
        assertThat(counts(first)).containsExactly(5, 5, 3, 0, 2);
        HttpGraphQlTester ops = api.as(operations);
        List<Map<String, Object>> refused = rejections(ops, first.path("id").asText());
        assertThat(refused).extracting(rejection -> rejection.get("line")).containsExactly(6, 7);
        assertThat(refused.get(1)).containsEntry("code", "VALIDATION_FAILED");
        assertThat(refused).allSatisfy(rejection -> assertThat((String) rejection.get("messageZh")).isNotBlank());
        ops.document("query e($uscc: String!) { enterpriseByUscc(uscc: $uscc) { name origin } }")
                .variable("uscc", usccs.get(1)).execute().path("enterpriseByUscc.name").entity(String.class)
                .isEqualTo("乙贸易有限公司");

        JsonNode again = finished(api, operations, upload(operations, "text/csv", file));
        assertThat(counts(again)).as("the same file again").containsExactly(5, 5, 0, 3, 2);

        String ndjson = JSON.writeValueAsString(Map.of("name", "甲贸易有限公司改", "uscc", usccs.get(0),
                "legalRepName", "张三", "legalRepDocumentType", "RESIDENT_ID_CARD",
                "legalRepDocumentNumber", "11010519491231002X", "origin", "LEGACY_INSPECTION",
                "administrator", administrator())) + "\n"
                + JSON.writeValueAsString(Map.of("name", "戊贸易有限公司", "uscc", SampleCodes.randomUscc(),
                "legalRepName", "张三", "legalRepDocumentType", "RESIDENT_ID_CARD",
                "legalRepDocumentNumber", "11010519491231002X", "origin", "LOCAL_SYSTEM",
                "administrator", administrator())) + "\n";
        JsonNode lines = finished(api, operations, upload(operations, "application/x-ndjson", ndjson));
        assertThat(counts(lines)).containsExactly(2, 2, 1, 0, 1);
        assertThat(rejections(ops, lines.path("id").asText())).singleElement()
                .satisfies(rejection -> assertThat(rejection).containsEntry("line", 1)
                        .containsEntry("code", "ALREADY_IMPORTED_DIFFERENTLY").containsEntry("uscc", usccs.get(0)));
    }

    @Test
    void a_legacy_bcrypt_hash_is_kept_so_the_administrator_logs_in_with_the_old_password() throws Exception {
        GraphQlApi api = api();
        String operations = api.tokenOf(GraphQlApi.OPERATIONS_USER, GraphQlApi.OPERATIONS_PASSWORD);
        String oldPassword = "Old-system-passw0rd";
        String legacyHash = new BCryptPasswordEncoder(10).encode(oldPassword);
        Map<String, Object> kept = administrator("initialPassword", null, "passwordHash", legacyHash);
        String file = Stream.of(kept,
                        administrator("initialPassword", null, "passwordHash", "{MD5}5f4dcc3b5aa765d61d8327deb882cf99"),
                        administrator("passwordHash", legacyHash),
                        administrator("initialPassword", null))
                .map(administrator -> Map.of("name", "沿用密码贸易有限公司", "uscc", SampleCodes.randomUscc(),
                        "legalRepName", "张三", "legalRepDocumentType", "RESIDENT_ID_CARD",
                        "legalRepDocumentNumber", "11010519491231002X", "origin", "LEGACY_INSPECTION",
                        "administrator", administrator))
                .map(row -> {
                    try {
                        return JSON.writeValueAsString(row);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .collect(Collectors.joining("\n"));

        JsonNode run = finished(api, operations, upload(operations, "application/x-ndjson", file));
        assertThat(counts(run)).containsExactly(4, 4, 1, 0, 3);
        assertThat(rejections(api.as(operations), run.path("id").asText()))
                .extracting(rejection -> rejection.get("line"), rejection -> rejection.get("code"),
                        rejection -> ((String) rejection.get("message")).substring(0, 20))
                .containsExactly(tuple(2, "VALIDATION_FAILED", "A password hash carr"),
                        tuple(3, "VALIDATION_FAILED", "Give the administrat"),
                        tuple(4, "VALIDATION_FAILED", "Give the administrat"));
        assertThat(api.tokenOf((String) kept.get("username"), oldPassword)).isNotBlank();
        api.login((String) kept.get("username"), legacyHash).errors().expect(error -> "BAD_CREDENTIALS"
                .equals(error.getExtensions().get("code"))).verify();

        // The mutation takes the hash too.
        Map<String, Object> one = administrator("initialPassword", null, "passwordHash", "{bcrypt}" + legacyHash);
        api.as(operations).document("""
                        mutation i($input: ImportLegacyEnterpriseInput!) { importLegacyEnterprise(input: $input) { id } }""")
                .variable("input", Map.of("name", "沿用密码报关有限公司", "uscc", SampleCodes.randomUscc(),
                        "legalRepName", "张三", "legalRepDocumentType", "RESIDENT_ID_CARD",
                        "legalRepDocumentNumber", "11010519491231002X", "origin", "LOCAL_SYSTEM", "administrator", one))
                .execute().path("importLegacyEnterprise.id").hasValue();
        assertThat(api.tokenOf((String) one.get("username"), oldPassword)).isNotBlank();
    }

    @Test
    void a_file_whose_service_was_killed_half_way_is_finished_by_a_second_run_without_duplicates() throws Exception {
        Path dir = TestDirectories.create("realname-import-killed-");
        List<String> arguments = List.of("--server.port=0", "--realname.data-dir=" + dir.resolve("var"),
                "--realname.http.anonymous.per-address-per-minute=1000000");
        int rows = 3_000;
        String legacyHash = new BCryptPasswordEncoder(10).encode("Old-system-passw0rd");
        StringBuilder file = new StringBuilder(HEADER.replace("initialPassword", "passwordHash")).append('\n');
        for (int i = 0; i < rows; i++) {
            file.append(String.join(",", "断点续传贸易有限公司" + i, SampleCodes.randomUscc(), "", "张三",
                    "RESIDENT_ID_CARD", "11010519491231002X", "LEGACY_INSPECTION", "resume" + i, legacyHash, "李四",
                    "RESIDENT_ID_CARD", "110101199003070011", "20200101", "20400101")).append('\n');
        }
        int doneBeforeTheKill;
        try (ServiceProcess first = ServiceProcess.start(dir.resolve("first.log"), arguments)) {
            GraphQlApi api = new GraphQlApi(first.port());
            String operations = api.tokenOf(GraphQlApi.OPERATIONS_USER, GraphQlApi.OPERATIONS_PASSWORD);
            String importId = upload(first.port(), operations, "text/csv", file.toString());
            HttpGraphQlTester ops = api.as(operations);
            doneBeforeTheKill = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> ops.document("query i($id: ID!) { legacyImport(id: $id) { rowsDone } }")
                            .variable("id", importId).execute().path("legacyImport.rowsDone").entity(Integer.class)
                            .get(), done -> done >= 300);
            first.kill();
        }
        try (ServiceProcess second = ServiceProcess.start(dir.resolve("second.log"), arguments)) {
            GraphQlApi api = new GraphQlApi(second.port());
            String operations = api.tokenOf(GraphQlApi.OPERATIONS_USER, GraphQlApi.OPERATIONS_PASSWORD);
            JsonNode again = finished(api, operations, upload(second.port(), operations, "text/csv",
                    file.toString()), Duration.ofMinutes(3));
            assertThat(again.path("state").asText()).isEqualTo("SUCCEEDED");
            assertThat(again.path("rejected").asInt()).isZero();
            assertThat(again.path("unchanged").asInt()).as("what the killed service had committed")
                    .isGreaterThanOrEqualTo(doneBeforeTheKill);
            assertThat(again.path("accepted").asInt()).as("what it had not").isPositive();
            assertThat(again.path("accepted").asInt() + again.path("unchanged").asInt()).isEqualTo(rows);
            Matcher database = Pattern.compile("Embedded PostgreSQL on port (\\d+)")
                    .matcher(Files.readString(second.console()));
            assertThat(database.find()).isTrue();
            try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + database.group(1)
                    + "/postgres", "postgres", ""); Statement sql = db.createStatement();
                 ResultSet imported = sql.executeQuery("SELECT count(*), count(DISTINCT aggregate_identifier)"
                         + " FROM domain_event_entry WHERE payload_type LIKE '%LegacyEnterpriseImported'")) {
                imported.next();
                assertThat(List.of(imported.getInt(1), imported.getInt(2))).as("one stream per enterprise, once")
                        .containsExactly(rows, rows);
            }
        }
    }

    @Test
    void a_subscriber_sees_the_import_move_until_it_ends() throws Exception {
        GraphQlApi api = api();
        String operations = api.tokenOf(GraphQlApi.OPERATIONS_USER, GraphQlApi.OPERATIONS_PASSWORD);
        StringBuilder file = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 12; i++) {
            file.append(row("订阅贸易有限公司" + i, SampleCodes.randomUscc(), "LEGACY_INSPECTION")).append('\n');
        }
        String importId = upload(operations, "text/csv", file.toString());
        WebSocketGraphQlTester socket = WebSocketGraphQlTester.builder("ws://localhost:" + port + "/graphql-ws",
                        new StandardWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(Map.of("Authorization", "Bearer " + operations));
                    }
                })
                .build();
        List<Map> seen = socket.document("subscription p($id: ID!) { legacyImportProgress(id: $id) { state rowsDone"
                        + " accepted } }").variable("id", importId).executeSubscription()
                .toFlux("legacyImportProgress", Map.class).timeout(Duration.ofSeconds(60)).collectList().block();
        assertThat(seen).isNotEmpty();
        assertThat(seen.get(seen.size() - 1)).containsEntry("state", "SUCCEEDED").containsEntry("rowsDone", 12)
                .containsEntry("accepted", 12);
        assertThat(seen).extracting(progress -> (Integer) progress.get("rowsDone")).isSorted();
    }

    @Test
    void a_row_longer_than_allowed_is_refused_unread_and_the_next_ones_go_on() throws Exception {
        GraphQlApi api = api();
        String operations = api.tokenOf(GraphQlApi.OPERATIONS_USER, GraphQlApi.OPERATIONS_PASSWORD);
        String file = HEADER + "\n" + row("长".repeat(20_000), SampleCodes.randomUscc(), "LEGACY_INSPECTION") + "\n"
                + row("己贸易有限公司", SampleCodes.randomUscc(), "LEGACY_INSPECTION") + "\n";
        JsonNode run = finished(api, operations, upload(operations, "text/csv", file));
        assertThat(counts(run)).containsExactly(2, 2, 1, 0, 1);
        assertThat(rejections(api.as(operations), run.path("id").asText())).singleElement()
                .satisfies(rejection -> assertThat(rejection).containsEntry("line", 2)
                        .containsEntry("message", "The row is longer than allowed."));
    }

    @Test
    void the_documented_example_file_imports_as_it_stands() throws Exception {
        GraphQlApi api = api();
        String operations = api.tokenOf(GraphQlApi.OPERATIONS_USER, GraphQlApi.OPERATIONS_PASSWORD);
        String example = Files.readString(Path.of("..", "docs", "examples", "legacy-import.csv"));
        JsonNode run = finished(api, operations, upload(operations, "text/csv", example));
        assertThat(run.path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(run.path("rejected").asInt()).as("%s", rejections(api.as(operations), run.path("id").asText()))
                .isZero();
        assertThat(run.path("accepted").asInt() + run.path("unchanged").asInt()).isEqualTo(3);
        assertThat(api.tokenOf("haigang_admin", "Migr8-haigang")).as("the row with a legacy hash").isNotBlank();
    }

    @Test
    void only_operations_may_import_and_only_the_two_formats() throws Exception {
        GraphQlApi api = api();
        GraphQlApi.ImportedEnterprise enterprise = api.importEnterprise(api.asOperations());
        String administrator = api.tokenOf(enterprise.adminUsername(), enterprise.adminPassword());
        assertThat(post(administrator, "text/csv", HEADER).statusCode()).isEqualTo(403);
        assertThat(post(null, "text/csv", HEADER).statusCode()).isEqualTo(401);
        String operations = api.tokenOf(GraphQlApi.OPERATIONS_USER, GraphQlApi.OPERATIONS_PASSWORD);
        assertThat(post(operations, "text/plain", HEADER).statusCode()).isEqualTo(415);
        HttpResponse<String> empty = post(operations, "text/csv", HEADER + "\n");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("VALIDATION_FAILED");
    }

    private static String row(String name, String uscc, String origin) {
        String username = "bulk" + System.nanoTime() % 1_000_000_000L;
        return String.join(",", name, uscc, "", "张三", "RESIDENT_ID_CARD", "11010519491231002X", origin, username,
                "Passw0rd-bulk", "李四", "RESIDENT_ID_CARD", "110101199003070011", "20200101", "20400101");
    }

    /** An administrator's fields, with {@code changes} (name, value pairs; a null value leaves the field out). */
    private static Map<String, Object> administrator(Object... changes) {
        Map<String, Object> fields = new LinkedHashMap<>(Map.of("username", "bulk" + System.nanoTime() % 1_000_000_000L,
                "initialPassword", "Passw0rd-bulk", "ownerName", "李四", "documentType", "RESIDENT_ID_CARD",
                "documentNumber", "110101199003070011", "idValidFrom", "20200101", "idValidTo", "20400101"));
        for (int i = 0; i < changes.length; i += 2) {
            if (changes[i + 1] == null) {
                fields.remove((String) changes[i]);
            } else {
                fields.put((String) changes[i], changes[i + 1]);
            }
        }
        return fields;
    }

    private String upload(String token, String contentType, String body) throws Exception {
        return upload(port, token, contentType, body);
    }

    private static String upload(int port, String token, String contentType, String body) throws Exception {
        HttpResponse<String> accepted = post(port, token, contentType, body);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return JSON.readTree(accepted.body()).path("importId").asText();
    }

    private HttpResponse<String> post(String token, String contentType, String body) throws Exception {
        return post(port, token, contentType, body);
    }

    private static HttpResponse<String> post(int port, String token, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/legacy-imports"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode finished(GraphQlApi api, String token, String importId) {
        return finished(api, token, importId, Duration.ofSeconds(60));
    }

    private static JsonNode finished(GraphQlApi api, String token, String importId, Duration atMost) {
        HttpGraphQlTester ops = api.as(token);
        return await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> JSON.valueToTree(
                        ops.document("""
                                query i($id: ID!) { legacyImport(id: $id) { id state rowsTotal rowsDone accepted
                                    unchanged rejected rowsPerSecond secondsLeft startedAt finishedAt } }""")
                                .variable("id", importId).execute().path("legacyImport").entity(Map.class).get()),
                node -> !"RUNNING".equals(node.path("state").asText()));
    }

    private static List<Integer> counts(JsonNode run) {
        return List.of(run.path("rowsTotal").asInt(), run.path("rowsDone").asInt(), run.path("accepted").asInt(),
                run.path("unchanged").asInt(), run.path("rejected").asInt());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rejections(HttpGraphQlTester ops, String importId) {
        return ops.document("""
                        query r($id: ID!) { legacyImportRejections(id: $id) {
                            edges { node { line uscc code message messageZh } } } }""")
                .variable("id", importId).execute().path("legacyImportRejections.edges[*].node").entityList(Map.class)
                .get().stream().map(node -> (Map<String, Object>) node).toList();
    }
}
