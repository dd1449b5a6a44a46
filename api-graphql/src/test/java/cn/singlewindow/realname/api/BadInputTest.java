package cn.singlewindow.realname.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.api.GraphQlApi.ImportedEnterprise;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Ten thousand generated requests of the kinds attackers and broken clients send (wrong types, huge strings,
 * unicode tricks, injection strings, invalid codes and dates, deep and wide documents, garbage) at every mutation
 * and some queries, as anonymous, an administrator and OPERATIONS. Never a 500 or INTERNAL_ERROR, every error
 * typed with a code, and a request answered with an error never adds an event. In a service of its own: thousands
 * of refused logins would throttle the shared service's address.
 */
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

    private long lastEvent() {
        return jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
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
