package cn.singlewindow.realname.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.api.GraphQlApi.ImportedEnterprise;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.TreeMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Ten thousand generated requests of the kinds attackers and broken clients send (wrong types, huge strings,
 * unicode tricks, injection strings, invalid codes and dates, deep and wide documents, garbage) at every mutation
 * and some queries, as anonymous, an administrator and OPERATIONS. Never a 500 or INTERNAL_ERROR, every error
 * typed with a code, and a request answered with an error adds no event but the record of its refusal. Then each class of hostile input
 * found reaching the database or a library unchecked, generated in its own right: pagination cursors, dates far
 * outside any sensible range, strings longer than their columns, X.500 names with special characters, WebSocket
 * frames that are not graphql-transport-ws messages, subscriptions over plain POST, the error path and truncated
 * bodies. In a service of its own: thousands of refused logins would throttle the shared service's address.
 */
@ExtendWith(OutputCaptureExtension.class)
class BadInputTest extends SeparateService {

    private static final int REQUESTS = 10_000;
    private static final long SEED = 20261128L;
    private static final List<String> INJECTIONS = List.of("' OR '1'='1", "'; DROP TABLE domain_event_entry; --",
            "\") { __typename } #", "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}", "../../etc/passwd",
            "%00", "\\u0000", "{{7*7}}", "$(reboot)", "1; SELECT pg_sleep(10)", "admin'--", "null", "undefined",
            "NaN", "-1", "9".repeat(40), "1e309", "[]", "{}", "true");
    private static final List<String> UNICODE_TRICKS = List.of("\u202Eevil\u202C", "张\u200B三", "Ａｄｍｉｎ",
            "e\u0301\u0301\u0301", "\uD83D\uDE00\uD83D\uDE00", "\uD800", "\u0000", "\uFEFF110101199003070011",
            "ᴬᴰᴹᴵᴺ", "Ⅸ", "\u3000\u3000", "\n\r\t", "𠀀𠀁", "１１０１０１１９９００３０７００１１");
    private static final List<String> CODES_AND_DATES = List.of("91110000600037341L", "91110000600037341",
            "9111000060003734XX", "60003734-1", "110101199002300011", "11010119900307001X", "E1234567", "G1234567890",
            "20260230", "00000000", "99999999", "2026-11-28", "19000101", "20991231", "-20200101", "2020010");
    private static final List<String> ENUMS = List.of("RESIDENT_ID_CARD", "PRC_PASSPORT", "CCB", "ABC", "CMBC",
            "LEGAL_REP", "ADMINISTRATOR", "ANALYST", "OPERATIONS", "LOGIN", "CERTIFICATION", "resident_id_card", "");

    /** Operation, who sends it, and its input fields (or, for queries, its arguments). */
    private record Operation(String name, String actor, String document, List<String> fields) {
    }

    private static final List<Operation> OPERATIONS = List.of(
            mutation("importLegacyEnterprise", "operations", "ImportLegacyEnterpriseInput", "id",
                    "name", "uscc", "orgCode", "legalRepName", "legalRepDocumentType", "legalRepDocumentNumber",
                    "origin", "administrator"),
            mutation("createStaffAccount", "operations", "CreateStaffAccountInput", "id", "username", "password",
                    "role"),
            mutation("erasePersonalData", "operations", "ErasePersonalDataInput", "keysErased", "documentType",
                    "documentNumber", "reason"),
            mutation("changeEnterpriseInfo", "admin", "ChangeEnterpriseInfoInput", "id", "enterpriseId", "name",
                    "uscc", "orgCode"),
            mutation("changeAccountInfo", "admin", "ChangeAccountInfoInput", "id", "accountId", "ownerName",
                    "documentType", "documentNumber", "idValidFrom", "idValidTo"),
            mutation("startLegalRepCertification", "admin", "StartLegalRepCertificationInput", "id",
                    "enterpriseId"),
            mutation("verifyEnterpriseInfo", "admin", "VerifyEnterpriseInfoInput", "id", "attemptId",
                    "enterpriseName", "uscc", "orgCode", "legalRepName", "legalRepDocumentType",
                    "legalRepDocumentNumber"),
            mutation("verifyLegalRepByIdCard", "admin", "VerifyByIdCardInput", "id", "attemptId", "name",
                    "idNumber", "idValidFrom", "idValidTo"),
            mutation("sendBankCardSmsCode", "admin", "SendBankCardSmsCodeInput", "sentTo", "attemptId",
                    "subject", "bankCardNumber", "phone"),
            mutation("verifyAdministratorByBankCard", "admin", "VerifyByBankCardInput", "id", "attemptId",
                    "bankCardNumber", "phone", "smsCode"),
            mutation("startBankUkeyCertification", "admin", "StartBankUkeyCertificationInput", "redirectUrl",
                    "enterpriseId", "bank"),
            mutation("issueCardChallenge", "anonymous", "IssueCardChallengeInput", "id", "purpose",
                    "enterpriseId"),
            mutation("certifyByIcCard", "admin", "CardEvidenceInput", "id", "challengeId", "certificatePem",
                    "signature"),
            mutation("registerPersonalAccount", "anonymous", "RegisterPersonalAccountInput", "id", "username",
                    "password", "captchaId", "captchaAnswer", "ownerName", "documentType", "documentNumber",
                    "idValidFrom", "idValidTo"),
            mutation("login", "anonymous", "LoginInput", "token", "username", "password", "captchaId",
                    "captchaAnswer"),
            mutation("requestOperatorUpgrade", "anonymous", "RequestOperatorUpgradeInput", "id", "uscc"),
            mutation("decideOperatorUpgrade", "admin", "DecideOperatorUpgradeInput", "id", "requestId", "approve",
                    "reason"),
            new Operation("enterprise", "admin", "query q($id: ID!) { enterprise(id: $id) { id name } }",
                    List.of("id")),
            new Operation("enterpriseAsOf", "operations",
                    "query q($id: ID!, $at: DateTime!) { enterpriseAsOf(id: $id, at: $at) { id } }",
                    List.of("id", "at")),
            new Operation("certificationStatistics", "operations",
                    "query q($from: Date!, $to: Date!) { certificationStatistics(from: $from, to: $to) { from } }",
                    List.of("from", "to")));

    private static Operation mutation(String name, String actor, String inputType, String selection,
                                      String... fields) {
        return new Operation(name, actor, "mutation m($input: " + inputType + "!) { " + name + "(input: $input) { "
                + selection + " } }", List.of(fields));
    }

    @Autowired
    JdbcTemplate jdbc;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void ten_thousand_bad_requests_never_fail_internally_and_never_change_anything_when_refused() throws Exception {
        GraphQlApi api = new GraphQlApi(port);
        ImportedEnterprise enterprise = api.importEnterprise(api.asOperations());
        Map<String, String> tokens = Map.of("operations", api.tokenOf(GraphQlApi.OPERATIONS_USER,
                        GraphQlApi.OPERATIONS_PASSWORD), "admin", api.tokenOf(enterprise.adminUsername(),
                enterprise.adminPassword()));
        Random random = new Random(SEED);
        Arbitrary<Object> values = values(enterprise);
        Map<String, Integer> statuses = new HashMap<>();
        Map<String, Integer> codes = new HashMap<>();
        int changes = 0;
        for (int i = 0; i < REQUESTS; i++) {
            Operation operation = OPERATIONS.get(random.nextInt(OPERATIONS.size()));
            String body = body(operation, values, random);
            long before = lastEvent();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            String token = tokens.get(operation.actor());
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            statuses.merge(String.valueOf(response.statusCode()), 1, Integer::sum);
            assertThat(response.statusCode()).as("%s\n%s", body, response.body()).isIn(200, 400, 413);
            List<String> errorCodes = errorCodes(response.body());
            errorCodes.forEach(code -> codes.merge(code, 1, Integer::sum));
            assertThat(errorCodes).as("%s\n%s", body, response.body()).doesNotContain("INTERNAL_ERROR", "null");
            boolean refused = response.statusCode() != 200 || !errorCodes.isEmpty();
            if (refused) {
                assertThat(lastEvent()).as("a refused request stored an event: %s", body).isEqualTo(before);
            } else if (lastEvent() != before) {
                changes++;
            }
        }
        System.out.printf("%d generated requests: HTTP statuses %s; error codes %s; %d accepted with a change%n",
                REQUESTS, statuses, codes, changes);
    }

    /** One class of hostile input: how many requests, their HTTP statuses and error codes. */
    private static final class Tally {
        int requests;
        final Map<String, Integer> statuses = new TreeMap<>();
        final Map<String, Integer> codes = new TreeMap<>();

        @Override
        public String toString() {
            return requests + " requests, HTTP " + statuses + ", codes " + codes;
        }
    }

    private static final int PER_CLASS = 300;

    @Test
    void each_class_of_hostile_input_gets_a_typed_answer_and_changes_nothing(CapturedOutput output) throws Exception {
        GraphQlApi api = new GraphQlApi(port);
        ImportedEnterprise enterprise = api.importEnterprise(api.asOperations());
        String operations = api.tokenOf(GraphQlApi.OPERATIONS_USER, GraphQlApi.OPERATIONS_PASSWORD);
        String admin = api.tokenOf(enterprise.adminUsername(), enterprise.adminPassword());
        String auditor = auditor(api, operations);
        Random random = new Random(SEED + 1);
        Map<String, Tally> classes = new LinkedHashMap<>();

        graphQl(classes, "cursors", random, () -> {
            String cursor = hostileCursor(random);
            return random.nextBoolean()
                    ? new Sent(admin, "query q($id: ID!, $after: String) { certificationAttempts(enterpriseId: $id,"
                            + " first: 5, after: $after) { edges { cursor } } }",
                            Map.of("id", enterprise.id(), "after", cursor))
                    : new Sent(auditor, "query q($id: ID!, $after: String) { auditTrail(enterpriseId: $id, first: 5,"
                            + " after: $after) { edges { cursor } } }", Map.of("id", enterprise.id(), "after", cursor));
        });
        graphQl(classes, "dates", random, () -> switch (random.nextInt(4)) {
            case 0 -> new Sent(auditor, "query q($from: Date!, $to: Date!) { certificationStatistics(from: $from,"
                    + " to: $to) { from } }", Map.of("from", hostileDate(random), "to", hostileDate(random)));
            case 1 -> new Sent(auditor, "query q($id: ID!, $at: DateTime!) { enterpriseAsOf(id: $id, at: $at) { id }"
                    + " }", Map.of("id", enterprise.id(), "at", hostileDate(random) + "T00:00:00Z"));
            case 2 -> new Sent(operations, "mutation m($input: SandboxIcCardInput!) { sandboxIssueIcCard(input:"
                    + " $input) { certificatePem } }", Map.of("input", Map.of("enterpriseName", "日期测试有限公司",
                    "uscc", enterprise.uscc(), "holderName", "张三", "holderIdNumber", "110101199003070011",
                    "cardType", "LEGAL_PERSON", "validFrom", hostileDate(random) + "T00:00:00Z",
                    "validTo", hostileDate(random) + "T00:00:00+08:00")));
            default -> new Sent(operations, "mutation m($input: SandboxPersonInput!) { sandboxRegisterPerson(input:"
                    + " $input) }", Map.of("input", Map.of("name", "李四", "documentType", "RESIDENT_ID_CARD",
                    "documentNumber", "110101199003070011", "idValidFrom", hostileDate(random).replace("-", ""),
                    "idValidTo", hostileDate(random), "inCtid", true)));
        });
        graphQl(classes, "long strings", random, () -> {
            Function<Integer, String> text = limit -> longString(random, limit);
            return switch (random.nextInt(4)) {
                case 0 -> new Sent(operations, "mutation m($input: SandboxEnterpriseInput!) {"
                        + " sandboxRegisterEnterprise(input: $input) { uscc } }", Map.of("input", Map.of(
                        "name", text.apply(200), "uscc", text.apply(40), "orgCode", text.apply(20),
                        "legalRepName", text.apply(100), "legalRepDocumentType", "RESIDENT_ID_CARD",
                        "legalRepDocumentNumber", text.apply(40))));
                case 1 -> new Sent(operations, "mutation m($input: SandboxBankCardInput!) {"
                        + " sandboxRegisterBankCard(input: $input) }", Map.of("input", Map.of(
                        "cardNumber", text.apply(32), "name", text.apply(100), "documentType", "RESIDENT_ID_CARD",
                        "documentNumber", text.apply(40), "phone", text.apply(20))));
                case 2 -> new Sent(operations, "query q($phone: String!) { sandboxSmsOutbox(phone: $phone) { text } }",
                        Map.of("phone", text.apply(20)));
                default -> new Sent(admin, "mutation m($input: SendBankCardSmsCodeInput!) { sendBankCardSmsCode("
                        + "input: $input) { sentTo } }", Map.of("input", Map.of("attemptId", text.apply(64),
                        "subject", "LEGAL_REP", "bankCardNumber", text.apply(32), "phone", text.apply(20))));
            };
        });
        graphQl(classes, "X.500 names", random, () -> new Sent(operations, "mutation m($input: SandboxIcCardInput!) {"
                + " sandboxIssueIcCard(input: $input) { certificatePem } }", Map.of("input", Map.of(
                "enterpriseName", distinguishedNameTrick(random), "uscc", enterprise.uscc(),
                "holderName", distinguishedNameTrick(random),
                "holderIdNumber", random.nextBoolean() ? "110101199003070011" : distinguishedNameTrick(random),
                "cardType", random.nextBoolean() ? "LEGAL_PERSON" : "OPERATOR"))));
        protocol(classes.computeIfAbsent("protocol", name -> new Tally()), random);
        webSocketFrames(classes.computeIfAbsent("WebSocket frames", name -> new Tally()), random);

        classes.forEach((name, tally) -> System.out.printf("hostile input, %s: %s%n", name, tally));
        assertThat(classes.values().stream().mapToInt(tally -> tally.codes.getOrDefault("INTERNAL_ERROR", 0)).sum())
                .isZero();
        String log = output.getOut() + output.getErr();
        assertThat(log).as("no stack trace for a client's mistake").doesNotContain("\tat org.", "\tat cn.",
                "\tat java.");
        assertThat(log).as("no ERROR line for a client's mistake").doesNotContainPattern(" ERROR \\d+ ---");
    }

    /** A request and who sends it. */
    private record Sent(String token, String query, Map<String, Object> variables) {
    }

    /** Sends a class's requests: each answered with a typed error or data; a refused one changes nothing. */
    private void graphQl(Map<String, Tally> classes, String name, Random random, Supplier<Sent> requests)
            throws Exception {
        Tally tally = classes.computeIfAbsent(name, key -> new Tally());
        for (int i = 0; i < PER_CLASS; i++) {
            Sent sent = requests.get();
            Map<String, Object> body = new HashMap<>();
            body.put("query", sent.query());
            body.put("variables", sent.variables());
            String text = json.writeValueAsString(body);
            long before = stateOfRecord();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/graphql"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + sent.token())
                    .POST(HttpRequest.BodyPublishers.ofString(text)).build(), HttpResponse.BodyHandlers.ofString());
            List<String> codes = count(tally, response);
            assertThat(response.statusCode()).as("%s\n%s", text, response.body()).isIn(200, 400);
            assertThat(codes).as("%s\n%s", text, response.body()).doesNotContain("INTERNAL_ERROR", "null", "NOT_JSON");
            if (!codes.isEmpty()) {
                assertThat(stateOfRecord()).as("a refused request changed something: %s", text).isEqualTo(before);
            }
        }
    }

    private List<String> count(Tally tally, HttpResponse<String> response) {
        tally.requests++;
        tally.statuses.merge(String.valueOf(response.statusCode()), 1, Integer::sum);
        List<String> codes = errorCodes(response.body());
        codes.forEach(code -> tally.codes.merge(code, 1, Integer::sum));
        return codes;
    }

    /** Subscriptions over plain POST, the error path, truncated and mistyped bodies: the contract's error shape. */
    private void protocol(Tally tally, Random random) throws Exception {
        String valid = json.writeValueAsString(Map.of("query", "query { captcha { id } }"));
        for (int i = 0; i < PER_CLASS; i++) {
            HttpRequest.Builder request = switch (i % 5) {
                case 0 -> HttpRequest.newBuilder(uri("/graphql")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("query",
                                "subscription { certificationStatusChanged(enterpriseId: \"e-" + random.nextInt(1000)
                                        + "\") { certified } }"))));
                case 1 -> HttpRequest.newBuilder(uri(random.nextBoolean() ? "/error" : "/error?status="
                        + random.nextInt(1000)));
                case 2 -> HttpRequest.newBuilder(uri("/graphql")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(valid.substring(0, random.nextInt(valid.length()))));
                case 3 -> HttpRequest.newBuilder(uri("/graphql")).header("Content-Type",
                                List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                                        "image/png").get(random.nextInt(4)))
                        .POST(HttpRequest.BodyPublishers.ofString(valid));
                default -> HttpRequest.newBuilder(uri("/graphql")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(randomBytes(random, 1 + random.nextInt(300))));
            };
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            List<String> codes = count(tally, response);
            assertThat(response.statusCode()).as(response.body()).isIn(200, 400, 404, 405, 415);
            assertThat(codes).as("%d: %d %s", i % 5, response.statusCode(), response.body()).isNotEmpty()
                    .doesNotContain("INTERNAL_ERROR", "null", "NOT_JSON");
            assertThat(response.body()).doesNotContain("Exception:", "\tat ", ".java:");
        }
    }

    /** Frames that are not graphql-transport-ws messages close the socket with 4400, never 1011. */
    private void webSocketFrames(Tally tally, Random random) throws Exception {
        for (int i = 0; i < 60; i++) {
            int kind = i % 6;
            int status = WebSocketFrames.closeStatusAfter(http, port, socket -> {
                switch (kind) {
                    case 0 -> socket.sendText(new String(randomBytes(random, 1 + random.nextInt(100)),
                            StandardCharsets.ISO_8859_1), true);
                    case 1 -> socket.sendText("[" + random.nextInt() + ", {\"type\": \"subscribe\"}]", true);
                    case 2 -> socket.sendText("{\"type\": \"" + longString(random, 20) + "\"}", true);
                    case 3 -> socket.sendText("{\"type\": \"subscribe\", \"id\": " + random.nextInt()
                            + ", \"payload\": \"x\"}", true);
                    case 4 -> socket.sendText(String.valueOf(random.nextDouble()), true);
                    default -> socket.sendBinary(ByteBuffer.wrap(randomBytes(random, 1 + random.nextInt(100))), true);
                }
            });
            tally.requests++;
            tally.statuses.merge("close " + status, 1, Integer::sum);
            assertThat(status).isEqualTo(4400);
        }
    }

    private String auditor(GraphQlApi api, String operations) {
        String username = "auditor" + System.nanoTime() % 1_000_000;
        api.as(operations).documentName("createStaffAccount")
                .variable("input", Map.of("username", username, "password", "Audit0r-pass", "role", "AUDITOR"))
                .execute().path("createStaffAccount.id").hasValue();
        return api.tokenOf(username, "Audit0r-pass");
    }

    private static String hostileCursor(Random random) {
        Base64.Encoder base64 = random.nextBoolean() ? Base64.getUrlEncoder() : Base64.getEncoder();
        String prefix = List.of("", "c1.", "a1.", "c2.", "a0.", "c1..").get(random.nextInt(6));
        String inside = switch (random.nextInt(6)) {
            case 0 -> new String(randomBytes(random, random.nextInt(60)), StandardCharsets.ISO_8859_1);
            case 1 -> List.of("-999999999999999", "99999999999999999999", "1e400", "NaN", "0x10", "")
                    .get(random.nextInt(6)) + "|" + "attempt-" + random.nextInt(100);
            case 2 -> random.nextLong() + "|\u0000|" + random.nextLong();
            case 3 -> "|";
            case 4 -> random.nextLong() + ":" + random.nextLong() + ":" + random.nextLong();
            default -> "\u0000".repeat(random.nextInt(10));
        };
        String cursor = prefix + base64.encodeToString(inside.getBytes(StandardCharsets.UTF_8));
        return switch (random.nextInt(5)) {
            case 0 -> cursor.substring(0, random.nextInt(cursor.length() + 1));
            case 1 -> cursor + "!*%$";
            case 2 -> cursor.repeat(1 + random.nextInt(40));
            default -> cursor;
        };
    }

    private static String hostileDate(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> "+999999999-12-31";
            case 1 -> "-999999999-01-01";
            case 2 -> String.format("-%04d-01-01", random.nextInt(10_000));
            case 3 -> String.format("%04d-%02d-%02d", random.nextInt(10_000), random.nextInt(15), random.nextInt(35));
            case 4 -> "0000-01-01";
            case 5 -> "1899-12-31";
            case 6 -> "2200-01-01";
            default -> String.format("%04d-%02d-%02d", 1990 + random.nextInt(60), 1 + random.nextInt(12),
                    1 + random.nextInt(28));
        };
    }

    /** Around the limit: just under, at, just over, or far beyond it. */
    private static String longString(Random random, int limit) {
        int length = switch (random.nextInt(4)) {
            case 0 -> limit - 1;
            case 1 -> limit;
            case 2 -> limit + 1;
            default -> limit * (2 + random.nextInt(100));
        };
        String alphabet = "0123456789X张三有限公司-";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static String distinguishedNameTrick(Random random) {
        List<String> tricks = List.of(",", "+", "\"", "#", ";", "=", "<", ">", "\\", "CN=x", "O=y,", "\u0000",
                " ", "\n", "张三", "Ltd.", "+OU=admin", "\\,");
        StringBuilder name = new StringBuilder();
        int parts = 1 + random.nextInt(8);
        for (int i = 0; i < parts; i++) {
            name.append(tricks.get(random.nextInt(tricks.size())));
        }
        return name.toString();
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** The last event and the simulated providers' rows: what a refused request must leave as it was. */
    private long stateOfRecord() {
        return lastEvent() * 1_000_000L + jdbc.queryForObject("SELECT (SELECT count(*) FROM sandbox_registry_enterprise)"
                + " + (SELECT count(*) FROM sandbox_person) + (SELECT count(*) FROM sandbox_bank_card)", Long.class);
    }

    /** The last event that changes state: a refusal that reached an aggregate is recorded, and changes nothing. */
    private long lastEvent() {
        return jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry"
                + " WHERE payload_type NOT LIKE '%Refused'", Long.class);
    }

    private List<String> errorCodes(String body) {
        List<String> codes = new ArrayList<>();
        try {
            JsonNode errors = json.readTree(body).path("errors");
            errors.forEach(error -> codes.add(error.path("extensions").path("code").asText("null")));
        } catch (Exception notJson) {
            codes.add("NOT_JSON");
        }
        return codes;
    }

    private String body(Operation operation, Arbitrary<Object> values, Random random) throws Exception {
        int shape = random.nextInt(20);
        if (shape == 0) {
            // Garbage where JSON belongs.
            return String.valueOf(values.sample());
        }
        if (shape == 1) {
            return json.writeValueAsString(Map.of("query", deepOrWide(random)));
        }
        if (shape == 2) {
            // Garbage where a GraphQL document belongs.
            return json.writeValueAsString(Map.of("query", String.valueOf(values.sample())));
        }
        // Half well typed with nasty contents, to get past GraphQL's type checks to the rules behind them.
        boolean wellTyped = random.nextBoolean();
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String field : operation.fields()) {
            if (random.nextInt(10) > 0) {
                fields.put(field, wellTyped ? typed(field, random) : values.sample());
            }
        }
        if (random.nextInt(10) == 0) {
            fields.put("unexpected" + random.nextInt(100), values.sample());
        }
        Map<String, Object> variables = fields;
        if (operation.document().startsWith("mutation")) {
            variables = new HashMap<>();
            variables.put("input", random.nextInt(15) == 0 ? values.sample() : fields);
        }
        Map<String, Object> request = new HashMap<>();
        request.put("query", operation.document());
        request.put("variables", variables);
        return json.writeValueAsString(request);
    }

    private Object typed(String field, Random random) {
        List<String> enumValues = switch (field) {
            case "documentType", "legalRepDocumentType" -> List.of("RESIDENT_ID_CARD", "PRC_PASSPORT",
                    "HK_MACAO_PERMIT", "TAIWAN_PERMIT", "HMT_RESIDENCE_PERMIT", "FOREIGN_PERMANENT_RESIDENT_ID");
            case "origin" -> List.of("LEGACY_INSPECTION", "LOCAL_SYSTEM", "SINGLE_WINDOW_REGISTERED", "CARD_LOGIN");
            case "role" -> List.of("OPERATIONS", "AUDITOR", "ANALYST", "ADMINISTRATOR", "OPERATOR", "PERSONAL");
            case "subject" -> List.of("LEGAL_REP", "ADMINISTRATOR");
            case "bank" -> List.of("CCB", "ABC", "CMBC");
            case "purpose" -> List.of("LOGIN", "CERTIFICATION");
            default -> null;
        };
        if (enumValues != null) {
            return enumValues.get(random.nextInt(enumValues.size()));
        }
        if (field.equals("approve")) {
            return random.nextBoolean();
        }
        if (field.equals("administrator")) {
            Map<String, Object> administrator = new LinkedHashMap<>();
            for (String nested : List.of("username", "initialPassword", "ownerName", "idValidFrom", "idValidTo",
                    "documentNumber")) {
                administrator.put(nested, typedString());
            }
            administrator.put("documentType", typed("documentType", random));
            return administrator;
        }
        return typedString();
    }

    private String typedString() {
        return strings.sample();
    }

    private static String deepOrWide(Random random) {
        if (random.nextBoolean()) {
            int depth = 1 + random.nextInt(40);
            return "query { " + "enterprise(id: \"x\") { accounts { ".repeat(depth) + "id" + " } }".repeat(depth)
                    + " }";
        }
        int width = 1 + random.nextInt(2_000);
        return "query { " + IntStream.range(0, width).mapToObj(i -> "f" + i + ": me { id username }")
                .collect(Collectors.joining(" ")) + " }";
    }

    private Arbitrary<String> strings;

    private Arbitrary<Object> values(ImportedEnterprise enterprise) {
        strings = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.strings().ascii().ofMinLength(1_000).ofMaxLength(70_000)
                        .withLengthDistribution(RandomDistribution.uniform()),
                Arbitraries.of(INJECTIONS), Arbitraries.of(UNICODE_TRICKS), Arbitraries.of(CODES_AND_DATES),
                Arbitraries.of(ENUMS),
                // Real identifiers, so that some requests get past the type checks to the rules behind them.
                Arbitraries.of(enterprise.id(), enterprise.uscc(), enterprise.adminUsername(),
                        "11010519491231002X", "110101199003070011", "20200101", "20400101"));
        Arbitrary<Object> scalars = Arbitraries.oneOf(strings.map(s -> (Object) s),
                Arbitraries.integers().map(n -> (Object) n), Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b), Arbitraries.just(null));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, scalars),
                net.jqwik.api.Tuple.of(1, scalars.list().ofMaxSize(5).map(list -> (Object) list)),
                net.jqwik.api.Tuple.of(1, Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(12), scalars)
                        .ofMaxSize(4).map(map -> (Object) map)));
    }
}
