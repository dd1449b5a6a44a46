package cn.singlewindow.realname.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.api.GraphQlApi.ImportedEnterprise;
import cn.singlewindow.realname.messages.testing.SampleCodes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Who may call what (docs/authorization.md). Every cell sends a valid request as that actor: "ok" means it got
 * past authorisation (whatever the domain then answered), the codes mean it was refused for who is asking.
 * "own" is the enterprise the request is about; "other" is an administrator of another enterprise.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest extends RunningService {

    private static final String MATRIX = """
            operation                 anonymous  admin  other  operator  personal  operations  auditor  analyst
            me                        UNAUTH     ok     ok     ok        ok        ok          ok       ok
            enterprise                UNAUTH     ok     FORBID ok        FORBID    ok          ok       FORBID
            enterpriseByUscc          UNAUTH     FORBID FORBID FORBID    FORBID    ok          ok       FORBID
            importLegacyEnterprise    UNAUTH     FORBID FORBID FORBID    FORBID    ok          FORBID   FORBID
            changeEnterpriseInfo      UNAUTH     ok     FORBID FORBID    FORBID    FORBID      FORBID   FORBID
            changeAccountInfo         UNAUTH     ok     FORBID FORBID    FORBID    FORBID      FORBID   FORBID
            createStaffAccount        UNAUTH     FORBID FORBID FORBID    FORBID    ok          FORBID   FORBID
            requestOperatorUpgrade    UNAUTH     FORBID FORBID FORBID    ok        FORBID      FORBID   FORBID
            operatorUpgradeRequests   UNAUTH     ok     FORBID FORBID    FORBID    FORBID      FORBID   FORBID
            decideOperatorUpgrade     UNAUTH     ok     FORBID FORBID    FORBID    FORBID      FORBID   FORBID
            startLegalRepCertification UNAUTH    ok     FORBID FORBID    FORBID    FORBID      FORBID   FORBID
            verifyEnterpriseInfo      UNAUTH     ok     FORBID FORBID    FORBID    FORBID      FORBID   FORBID
            startOwnerIdentityVerification UNAUTH ok    FORBID FORBID    FORBID    FORBID      FORBID   FORBID
            sendBankCardSmsCode       UNAUTH     ok     FORBID FORBID    FORBID    FORBID      FORBID   FORBID
            certificationAttempts     UNAUTH     ok     FORBID FORBID    FORBID    FORBID      ok       FORBID
            certificationChallenge    UNAUTH     ok     FORBID FORBID    FORBID    FORBID      FORBID   FORBID
            loginChallenge            ok         ok     ok     ok        ok        ok          ok       ok
            startBankUkeyCertification UNAUTH    ok     FORBID FORBID    FORBID    FORBID      FORBID   FORBID
            auditTrail                UNAUTH     FORBID FORBID FORBID    FORBID    FORBID      ok       FORBID
            verifyAuditChain          UNAUTH     FORBID FORBID FORBID    FORBID    FORBID      ok       FORBID
            enterpriseAsOf            UNAUTH     FORBID FORBID FORBID    FORBID    FORBID      ok       FORBID
            certificationStatistics   UNAUTH     FORBID FORBID FORBID    FORBID    FORBID      ok       ok
            erasePersonalData         UNAUTH     FORBID FORBID FORBID    FORBID    ok          FORBID   FORBID
            rebuildProjections        UNAUTH     FORBID FORBID FORBID    FORBID    ok          FORBID   FORBID
            replayStatus              UNAUTH     FORBID FORBID FORBID    FORBID    ok          FORBID   FORBID
            takeAuditCheckpoint       UNAUTH     FORBID FORBID FORBID    FORBID    ok          FORBID   FORBID
            unlockAccount             UNAUTH     FORBID FORBID FORBID    FORBID    ok          FORBID   FORBID
            setAccountEnabled         UNAUTH     FORBID FORBID FORBID    FORBID    ok          FORBID   FORBID
            openCorrectionCase        UNAUTH     ok     FORBID FORBID    FORBID    FORBID      FORBID   FORBID
            submitCorrectionCase      UNAUTH     ok     HIDDEN FORBID    FORBID    FORBID      FORBID   FORBID
            correctionCase            UNAUTH     ok     HIDDEN FORBID    FORBID    ok          ok       FORBID
            correctionCases           UNAUTH     FORBID FORBID FORBID    FORBID    ok          ok       FORBID
            decideCorrectionCase      UNAUTH     FORBID FORBID FORBID    FORBID    ok          FORBID   FORBID
            legacyImport              UNAUTH     FORBID FORBID FORBID    FORBID    ok          ok       FORBID
            legacyImportRejections    UNAUTH     FORBID FORBID FORBID    FORBID    ok          ok       FORBID
            registerWebhook           UNAUTH     FORBID FORBID FORBID    FORBID    ok          FORBID   FORBID
            setWebhookEnabled         UNAUTH     FORBID FORBID FORBID    FORBID    ok          FORBID   FORBID
            webhooks                  UNAUTH     FORBID FORBID FORBID    FORBID    ok          FORBID   FORBID
            webhookDeliveries         UNAUTH     FORBID FORBID FORBID    FORBID    ok          FORBID   FORBID
            """;

    private final Map<String, HttpGraphQlTester> actors = new LinkedHashMap<>();
    private final Map<String, Function<HttpGraphQlTester, HttpGraphQlTester.Response>> operations = new HashMap<>();

    @BeforeAll
    void setUp() {
        GraphQlApi api = api();
        HttpGraphQlTester ops = api.asOperations();
        ImportedEnterprise own = api.importEnterprise(ops);
        ImportedEnterprise other = api.importEnterprise(ops);
        api.registerNationally(own.uscc(), "矩阵测试有限公司");
        HttpGraphQlTester admin = api.asAdministratorOf(own);
        String adminAccountId = admin.documentName("me").execute().path("me.id").entity(String.class).get();

        String operatorName = api.registerPersonal("周九");
        String operatorRequest = api.as(api.tokenOf(operatorName, GraphQlApi.PERSONAL_PASSWORD))
                .documentName("requestOperatorUpgrade").variable("input", Map.of("uscc", own.uscc())).execute()
                .path("requestOperatorUpgrade.id").entity(String.class).get();
        admin.documentName("decideOperatorUpgrade")
                .variable("input", Map.of("requestId", operatorRequest, "approve", true)).execute()
                .path("decideOperatorUpgrade.status").entity(String.class).isEqualTo("APPROVED");
        String applicant = api.registerPersonal("吴十");
        String pendingRequest = api.as(api.tokenOf(applicant, GraphQlApi.PERSONAL_PASSWORD))
                .documentName("requestOperatorUpgrade").variable("input", Map.of("uscc", own.uscc())).execute()
                .path("requestOperatorUpgrade.id").entity(String.class).get();

        String disposable = GraphQlApi.accountOf(api.as(api.tokenOf(api.registerPersonal("王十二"),
                GraphQlApi.PERSONAL_PASSWORD)));

        String caseId = admin.documentName("openCorrectionCase").variable("input", Map.of("enterpriseId", own.id(),
                        "name", "矩阵更正有限公司", "uscc", own.uscc(), "explanation", "矩阵测试")).execute()
                .path("openCorrectionCase.id").entity(String.class).get();

        String attemptId = admin.documentName("startLegalRepCertification")
                .variable("input", Map.of("enterpriseId", own.id())).execute()
                .path("startLegalRepCertification.id").entity(String.class).get();

        actors.put("anonymous", api.anonymous());
        actors.put("admin", admin);
        actors.put("other", api.asAdministratorOf(other));
        actors.put("operator", api.as(api.tokenOf(operatorName, GraphQlApi.PERSONAL_PASSWORD)));
        actors.put("personal", api.as(api.tokenOf(api.registerPersonal("郑十一"), GraphQlApi.PERSONAL_PASSWORD)));
        actors.put("operations", ops);
        for (String role : List.of("auditor", "analyst")) {
            String username = role + System.nanoTime() % 1_000_000;
            ops.documentName("createStaffAccount")
                    .variable("input", Map.of("username", username, "password", "Staff-passw0rd",
                            "role", role.toUpperCase()))
                    .execute().path("createStaffAccount.id").hasValue();
            actors.put(role, api.as(api.tokenOf(username, "Staff-passw0rd")));
        }

        operations.put("me", as -> as.documentName("me").execute());
        operations.put("enterprise", as -> as.documentName("enterprise").variable("id", own.id()).execute());
        operations.put("enterpriseByUscc", as -> as.documentName("enterpriseByUscc").variable("uscc", own.uscc())
                .execute());
        operations.put("importLegacyEnterprise", as -> as.documentName("importLegacyEnterprise")
                .variable("input", GraphQlApi.importInput(SampleCodes.randomUscc(),
                        "matrix" + System.nanoTime() % 1_000_000))
                .execute());
        operations.put("changeEnterpriseInfo", as -> as.documentName("changeEnterpriseInfo")
                .variable("input", Map.of("enterpriseId", own.id(), "name", "矩阵测试有限公司", "uscc", own.uscc()))
                .execute());
        operations.put("changeAccountInfo", as -> as.documentName("changeAccountInfo")
                .variable("input", Map.of("accountId", adminAccountId, "ownerName", "李四",
                        "documentType", "RESIDENT_ID_CARD", "documentNumber", "110101199003070011",
                        "idValidFrom", "20200101", "idValidTo", "20400101"))
                .execute());
        operations.put("createStaffAccount", as -> as.documentName("createStaffAccount")
                .variable("input", Map.of("username", "staff" + System.nanoTime() % 1_000_000,
                        "password", "Staff-passw0rd", "role", "ANALYST"))
                .execute());
        operations.put("requestOperatorUpgrade", as -> as.documentName("requestOperatorUpgrade")
                .variable("input", Map.of("uscc", own.uscc())).execute());
        operations.put("operatorUpgradeRequests", as -> as.documentName("operatorUpgradeRequests")
                .variable("enterpriseId", own.id()).execute());
        operations.put("startLegalRepCertification", as -> as.documentName("startLegalRepCertification")
                .variable("input", Map.of("enterpriseId", own.id())).execute());
        operations.put("startOwnerIdentityVerification", as -> as.documentName("startOwnerIdentityVerification")
                .variable("input", Map.of("enterpriseId", own.id())).execute());
        operations.put("verifyEnterpriseInfo", as -> as.documentName("verifyEnterpriseInfo")
                .variable("input", Map.of("attemptId", attemptId, "enterpriseName", "矩阵测试有限公司",
                        "uscc", own.uscc(), "legalRepName", "张三", "legalRepDocumentType", "RESIDENT_ID_CARD",
                        "legalRepDocumentNumber", "11010519491231002X"))
                .execute());
        operations.put("sendBankCardSmsCode", as -> as.documentName("sendBankCardSmsCode")
                .variable("input", Map.of("attemptId", attemptId, "subject", "LEGAL_REP",
                        "bankCardNumber", "6222021234567890123", "phone", "13812345678"))
                .execute());
        operations.put("certificationAttempts", as -> as.documentName("certificationAttempts")
                .variable("enterpriseId", own.id()).execute());
        operations.put("certificationChallenge", as -> as.documentName("issueCardChallenge")
                .variable("input", Map.of("purpose", "CERTIFICATION", "enterpriseId", own.id())).execute());
        operations.put("loginChallenge", as -> as.documentName("issueCardChallenge")
                .variable("input", Map.of("purpose", "LOGIN")).execute());
        operations.put("startBankUkeyCertification", as -> as.documentName("startBankUkeyCertification")
                .variable("input", Map.of("enterpriseId", own.id(), "bank", "CCB")).execute());
        operations.put("certificationStatistics", as -> as.documentName("certificationStatistics")
                .variable("from", "2026-01-01").variable("to", "2026-12-31").execute());
        operations.put("auditTrail", as -> as.documentName("auditTrail").variable("enterpriseId", own.id()).execute());
        operations.put("verifyAuditChain", as -> as.documentName("verifyAuditChain")
                .variable("enterpriseId", own.id()).execute());
        operations.put("enterpriseAsOf", as -> as.documentName("enterpriseAsOf").variable("id", own.id())
                .variable("at", java.time.Instant.now().toString()).execute());
        // A person never seen: an admitted call erases nothing anyone else relies on.
        operations.put("erasePersonalData", as -> as.documentName("erasePersonalData")
                .variable("input", Map.of("documentType", "RESIDENT_ID_CARD",
                        "documentNumber", cn.singlewindow.realname.messages.testing.SampleCodes.randomResidentId(),
                        "reason", "矩阵测试"))
                .execute());
        operations.put("rebuildProjections", as -> as.documentName("rebuildProjections").execute());
        operations.put("takeAuditCheckpoint", as -> as.documentName("takeAuditCheckpoint").execute());
        operations.put("unlockAccount", as -> as.documentName("unlockAccount")
                .variable("input", Map.of("accountId", adminAccountId)).execute());
        operations.put("replayStatus", as -> as.documentName("replayStatus").execute());
        operations.put("openCorrectionCase", as -> as.documentName("openCorrectionCase").variable("input",
                Map.of("enterpriseId", own.id(), "name", "矩阵更正有限公司", "uscc", own.uscc(), "explanation", "矩阵"))
                .execute());
        operations.put("submitCorrectionCase", as -> as.documentName("submitCorrectionCase")
                .variable("input", Map.of("caseId", caseId)).execute());
        operations.put("correctionCase", as -> as.document("query q($id: ID!) { correctionCase(id: $id) { id } }")
                .variable("id", caseId).execute());
        operations.put("correctionCases", as -> as.documentName("correctionCases").variable("status", "SUBMITTED")
                .execute());
        operations.put("decideCorrectionCase", as -> as.documentName("decideCorrectionCase")
                .variable("input", Map.of("caseId", caseId, "approve", true)).execute());
        Map<String, Object> webhook = Map.of("url", "http://127.0.0.1:9/matrix", "eventTypes",
                List.of("ENTERPRISE_CERTIFIED"), "secret", "matrix-secret-0123456789");
        String webhookId = ops.document("mutation r($input: RegisterWebhookInput!) { registerWebhook(input: $input)"
                + " { id } }").variable("input", webhook).execute().path("registerWebhook.id").entity(String.class)
                .get();
        operations.put("registerWebhook", as -> as.document("mutation r($input: RegisterWebhookInput!) {"
                + " registerWebhook(input: $input) { id } }").variable("input", webhook).execute());
        operations.put("webhooks", as -> as.document("query { webhooks { id } }").execute());
        operations.put("legacyImport", as -> as.document("query { legacyImport(id: \"none\") { id } }").execute());
        operations.put("legacyImportRejections", as -> as.document(
                "query { legacyImportRejections(id: \"none\") { pageInfo { hasNextPage } } }").execute());
        operations.put("setWebhookEnabled", as -> as.document("mutation e($input: SetWebhookEnabledInput!) {"
                + " setWebhookEnabled(input: $input) { id } }")
                .variable("input", Map.of("webhookId", webhookId, "enabled", true)).execute());
        operations.put("webhookDeliveries", as -> as.document("query d($id: ID!) { webhookDeliveries(webhookId: $id)"
                + " { pageInfo { hasNextPage } } }").variable("id", webhookId).execute());
        operations.put("setAccountEnabled", as -> as.documentName("setAccountEnabled")
                .variable("input", Map.of("accountId", disposable, "enabled", false, "reason", "矩阵测试")).execute());
        operations.put("decideOperatorUpgrade", as -> as.documentName("decideOperatorUpgrade")
                .variable("input", Map.of("requestId", pendingRequest, "approve", false, "reason", "矩阵测试"))
                .execute());
    }

    static Stream<Arguments> cells() {
        List<String> lines = MATRIX.lines().filter(line -> !line.isBlank()).toList();
        String[] actorNames = lines.get(0).trim().split("\\s+");
        List<Arguments> cells = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] columns = line.trim().split("\\s+");
            for (int i = 1; i < columns.length; i++) {
                cells.add(Arguments.of(columns[0], actorNames[i], columns[i]));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @MethodSource("cells")
    void each_operation_admits_exactly_the_actors_of_its_row(String operation, String actor, String expected) {
        List<String> codes = new ArrayList<>();
        operations.get(operation).apply(actors.get(actor)).errors().satisfy(errors ->
                errors.forEach(error -> codes.add(String.valueOf(error.getExtensions().get("code")))));
        switch (expected) {
            case "ok" -> assertThat(codes).doesNotContain("UNAUTHENTICATED", "FORBIDDEN", "INTERNAL_ERROR");
            case "UNAUTH" -> assertThat(codes).containsExactly("UNAUTHENTICATED");
            case "FORBID" -> assertThat(codes).containsExactly("FORBIDDEN");
            // Another enterprise's case is answered as no case at all: its existence is not told.
            case "HIDDEN" -> assertThat(codes).containsExactly("NOT_FOUND");
            default -> throw new IllegalArgumentException(expected);
        }
    }
}
