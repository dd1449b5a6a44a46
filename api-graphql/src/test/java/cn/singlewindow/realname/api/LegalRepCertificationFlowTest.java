package cn.singlewindow.realname.api;

import static cn.singlewindow.realname.api.EnterpriseLifecycleTest.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.singlewindow.realname.api.GraphQlApi.ImportedEnterprise;
import cn.singlewindow.realname.messages.certification.FindCertificationOverview;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.publisher.Mono;

/** Manual §2.5.2-§2.5.3 end to end over HTTP and WebSocket, against the sandbox's registry, CTID, bank and SMS. */
class LegalRepCertificationFlowTest extends RunningService {

    @Autowired
    QueryUpdateEmitter updateEmitter;

    // The administrator and legal representative that GraphQlApi.importInput creates.
    private static final String LEGAL_REP = "张三";
    private static final String LEGAL_REP_ID = "11010519491231002X";
    private static final String ADMIN = "李四";
    private static final String ADMIN_ID = "110101199003070011";
    private static final Pattern SMS_CODE = Pattern.compile("(\\d{6})");

    private record Certifiable(ImportedEnterprise enterprise, HttpGraphQlTester admin, String token) {
    }

    /** An imported enterprise the simulated registry knows, whose two persons the simulated CTID knows. */
    private Certifiable certifiable(GraphQlApi api, boolean legalRepInCtid) {
        ImportedEnterprise enterprise = api.importEnterprise(api.asOperations());
        api.registerNationally(enterprise.uscc(), "测试贸易有限公司");
        registerPerson(api, LEGAL_REP, LEGAL_REP_ID, "20150101", "00000000", legalRepInCtid);
        registerPerson(api, ADMIN, ADMIN_ID, "20200101", "20400101", true);
        String token = api.tokenOf(enterprise.adminUsername(), enterprise.adminPassword());
        return new Certifiable(enterprise, api.as(token), token);
    }

    private void registerPerson(GraphQlApi api, String name, String id, String from, String to, boolean inCtid) {
        api.anonymous().documentName("sandboxRegisterPerson")
                .variable("input", Map.of("name", name, "documentType", "RESIDENT_ID_CARD", "documentNumber", id,
                        "idValidFrom", from, "idValidTo", to, "inCtid", inCtid))
                .execute().path("sandboxRegisterPerson").entity(Boolean.class).isEqualTo(true);
    }

    private String start(Certifiable c) {
        return c.admin().documentName("startLegalRepCertification")
                .variable("input", Map.of("enterpriseId", c.enterprise().id())).execute()
                .path("startLegalRepCertification.status").entity(String.class).isEqualTo("IN_PROGRESS")
                .path("startLegalRepCertification.step").entity(String.class).isEqualTo("ENTERPRISE_INFO")
                .path("startLegalRepCertification.id").entity(String.class).get();
    }

    private void stepOne(Certifiable c, String attemptId) {
        c.admin().documentName("verifyEnterpriseInfo")
                .variable("input", Map.of("attemptId", attemptId, "enterpriseName", "测试贸易有限公司",
                        "uscc", c.enterprise().uscc(), "legalRepName", LEGAL_REP,
                        "legalRepDocumentType", "RESIDENT_ID_CARD", "legalRepDocumentNumber", LEGAL_REP_ID))
                .execute()
                .path("verifyEnterpriseInfo.failureCode").valueIsNull()
                .path("verifyEnterpriseInfo.step").entity(String.class).isEqualTo("LEGAL_REP_IDENTITY");
    }

    @Test
    void the_legal_representative_the_registry_confirmed_in_step_one_is_the_one_the_enterprise_shows() {
        GraphQlApi api = api();
        ImportedEnterprise enterprise = api.importEnterprise(api.asOperations());
        // The legacy system had a former legal representative; the registry has today's.
        api.anonymous().documentName("sandboxRegisterEnterprise").variable("input", Map.of("name", "测试贸易有限公司",
                "uscc", enterprise.uscc(), "legalRepName", "王五", "legalRepDocumentType", "RESIDENT_ID_CARD",
                "legalRepDocumentNumber", "110101198001010010")).execute()
                .path("sandboxRegisterEnterprise.status").entity(String.class).isEqualTo("ACTIVE");
        HttpGraphQlTester admin = api.asAdministratorOf(enterprise);
        admin.documentName("enterprise").variable("id", enterprise.id()).execute()
                .path("enterprise.legalRepresentative.name").entity(String.class).isEqualTo(LEGAL_REP);
        String attemptId = start(new Certifiable(enterprise, admin, null));
        admin.documentName("verifyEnterpriseInfo")
                .variable("input", Map.of("attemptId", attemptId, "enterpriseName", "测试贸易有限公司",
                        "uscc", enterprise.uscc(), "legalRepName", "王五", "legalRepDocumentType", "RESIDENT_ID_CARD",
                        "legalRepDocumentNumber", "110101198001010010"))
                .execute().path("verifyEnterpriseInfo.step").entity(String.class).isEqualTo("LEGAL_REP_IDENTITY");
        admin.documentName("enterprise").variable("id", enterprise.id()).execute()
                .path("enterprise.legalRepresentative.name").entity(String.class).isEqualTo("王五")
                .path("enterprise.legalRepresentative.documentNumber").entity(String.class)
                .isEqualTo("1101**********0010");
    }

    @Test
    void both_persons_by_id_card_pass_the_method_and_a_subscriber_sees_pending_then_passed() throws Exception {
        GraphQlApi api = api();
        Certifiable c = certifiable(api, true);
        CountDownLatch subscribed = new CountDownLatch(1);
        WebSocketGraphQlTester socket = WebSocketGraphQlTester.builder("ws://localhost:" + port + "/graphql-ws",
                        new StandardWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(Map.of("Authorization", "Bearer " + c.token()));
                    }
                })
                .build();
        CompletableFuture<List<String>> seen = socket.documentName("certificationStatusChanged")
                .variable("enterpriseId", c.enterprise().id())
                .executeSubscription()
                .toFlux("certificationStatusChanged.methods[1].status", String.class)
                .doOnNext(status -> subscribed.countDown())
                .takeUntil("PASSED"::equals)
                .timeout(Duration.ofSeconds(30))
                .collectList()
                .toFuture();
        assertThat(subscribed.await(20, TimeUnit.SECONDS)).isTrue();

        String attemptId = start(c);
        stepOne(c, attemptId);
        c.admin().documentName("verifyLegalRepByIdCard")
                .variable("input", Map.of("attemptId", attemptId, "name", LEGAL_REP, "idNumber", LEGAL_REP_ID,
                        "idValidFrom", "20150101", "idValidTo", "00000000"))
                .execute()
                .path("verifyLegalRepByIdCard.step").entity(String.class).isEqualTo("ADMINISTRATOR_IDENTITY");
        c.admin().documentName("verifyAdministratorByIdCard")
                .variable("input", Map.of("attemptId", attemptId, "name", ADMIN, "idNumber", ADMIN_ID,
                        "idValidFrom", "20200101", "idValidTo", "20400101"))
                .execute()
                .path("verifyAdministratorByIdCard.status").entity(String.class).isEqualTo("PASSED")
                .path("verifyAdministratorByIdCard.step").entity(String.class).isEqualTo("DONE");

        assertThat(seen.get(30, TimeUnit.SECONDS)).first().isEqualTo("NOT_STARTED");
        assertThat(seen.get()).contains("PENDING").last().isEqualTo("PASSED");
        // An open socket would hold the server's graceful shutdown for its whole timeout.
        socket.stop().block(Duration.ofSeconds(10));
        FindCertificationOverview watched = new FindCertificationOverview(new EnterpriseId(c.enterprise().id()));
        await().atMost(Duration.ofSeconds(5)).until(() -> updateEmitter.activeSubscriptions().stream()
                .noneMatch(open -> open.getPayload().equals(watched)));
        c.admin().documentName("enterprise").variable("id", c.enterprise().id()).execute()
                .path("enterprise.certification.certified").entity(Boolean.class).isEqualTo(true)
                .path("enterprise.certification.securityLevel").entity(String.class).isEqualTo("MEDIUM")
                .path("enterprise.certification.enterpriseInfoVerified").entity(Boolean.class).isEqualTo(true)
                .path("enterprise.certification.ownerIdentityVerified").entity(Boolean.class).isEqualTo(true)
                .path("enterprise.certification.methods[1].status").entity(String.class).isEqualTo("PASSED")
                .path("enterprise.accounts[0].identityVerified").entity(Boolean.class).isEqualTo(true);
        // Certified: the identity fields are locked now (§2.3).
        c.admin().documentName("changeEnterpriseInfo")
                .variable("input", Map.of("enterpriseId", c.enterprise().id(), "name", "测试贸易（北京）有限公司",
                        "uscc", c.enterprise().uscc()))
                .execute().errors().satisfy(code("ENTERPRISE_LOCKED"));
    }

    @Test
    void both_persons_by_bank_card_pass_with_the_codes_texted_to_their_bank_reserved_phones() {
        GraphQlApi api = api();
        Certifiable c = certifiable(api, true);
        registerCard(api, "6222021234567890123", LEGAL_REP, LEGAL_REP_ID, "13812345678");
        registerCard(api, "6217001234567890", ADMIN, ADMIN_ID, "13987654321");
        String attemptId = start(c);
        stepOne(c, attemptId);

        bankCardStep(api, c, attemptId, "LEGAL_REP", "verifyLegalRepByBankCard", "6222021234567890123",
                "13812345678").path("verifyLegalRepByBankCard.step").entity(String.class)
                .isEqualTo("ADMINISTRATOR_IDENTITY");
        bankCardStep(api, c, attemptId, "ADMINISTRATOR", "verifyAdministratorByBankCard", "6217001234567890",
                "13987654321").path("verifyAdministratorByBankCard.status").entity(String.class).isEqualTo("PASSED");
    }

    private void registerCard(GraphQlApi api, String card, String name, String id, String phone) {
        api.anonymous().documentName("sandboxRegisterBankCard")
                .variable("input", Map.of("cardNumber", card, "name", name, "documentType", "RESIDENT_ID_CARD",
                        "documentNumber", id, "phone", phone))
                .execute().path("sandboxRegisterBankCard").entity(Boolean.class).isEqualTo(true);
    }

    private HttpGraphQlTester.Response bankCardStep(GraphQlApi api, Certifiable c, String attemptId, String subject,
                                                    String mutation, String card, String phone) {
        c.admin().documentName("sendBankCardSmsCode")
                .variable("input", Map.of("attemptId", attemptId, "subject", subject, "bankCardNumber", card,
                        "phone", phone))
                .execute()
                .path("sendBankCardSmsCode.sentTo").entity(String.class)
                .isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        String text = api.anonymous().documentName("sandboxSmsOutbox").variable("phone", phone).execute()
                .path("sandboxSmsOutbox[0].text").entity(String.class).get();
        Matcher code = SMS_CODE.matcher(text);
        assertThat(code.find()).isTrue();
        return c.admin().documentName(mutation)
                .variable("input", Map.of("attemptId", attemptId, "bankCardNumber", card, "phone", phone,
                        "smsCode", code.group(1)))
                .execute();
    }

    @Test
    void a_card_missing_from_ctid_answers_with_the_ctid_app_hint_and_the_attempt_goes_on() {
        GraphQlApi api = api();
        Certifiable c = certifiable(api, false);
        String attemptId = start(c);
        stepOne(c, attemptId);
        c.admin().documentName("verifyLegalRepByIdCard")
                .variable("input", Map.of("attemptId", attemptId, "name", LEGAL_REP, "idNumber", LEGAL_REP_ID,
                        "idValidFrom", "20150101", "idValidTo", "00000000"))
                .execute()
                .path("verifyLegalRepByIdCard.failureCode").entity(String.class).isEqualTo("NOT_IN_CTID")
                .path("verifyLegalRepByIdCard.hint").entity(String.class).satisfies(hint ->
                        assertThat(hint).startsWith("CTID_APP").contains("SWITCH_TO_BANK_CARD"))
                .path("verifyLegalRepByIdCard.failureMessageZh").entity(String.class).satisfies(message ->
                        assertThat(message).contains("CTID"))
                .path("verifyLegalRepByIdCard.status").entity(String.class).isEqualTo("IN_PROGRESS")
                .path("verifyLegalRepByIdCard.step").entity(String.class).isEqualTo("LEGAL_REP_IDENTITY");
    }

    @Test
    void a_step_out_of_order_is_refused_and_another_enterprises_administrator_gets_nowhere() {
        GraphQlApi api = api();
        Certifiable c = certifiable(api, true);
        String attemptId = start(c);
        c.admin().documentName("verifyAdministratorByIdCard")
                .variable("input", Map.of("attemptId", attemptId, "name", ADMIN, "idNumber", ADMIN_ID,
                        "idValidFrom", "20200101", "idValidTo", "20400101"))
                .execute().errors().satisfy(code("STEP_OUT_OF_ORDER"));
        ImportedEnterprise other = api.importEnterprise(api.asOperations());
        api.asAdministratorOf(other).documentName("verifyEnterpriseInfo")
                .variable("input", Map.of("attemptId", attemptId, "enterpriseName", "测试贸易有限公司",
                        "uscc", c.enterprise().uscc(), "legalRepName", LEGAL_REP,
                        "legalRepDocumentType", "RESIDENT_ID_CARD", "legalRepDocumentNumber", LEGAL_REP_ID))
                .execute().errors().satisfy(code("FORBIDDEN"));
    }

    @Test
    void attempts_page_newest_first_with_cursors() {
        GraphQlApi api = api();
        Certifiable c = certifiable(api, true);
        String first = start(c);
        // Five counted failures end the attempt (the default limit).
        for (int i = 1; i <= 5; i++) {
            c.admin().documentName("verifyEnterpriseInfo")
                    .variable("input", Map.of("attemptId", first, "enterpriseName", "别的公司" + i,
                            "uscc", c.enterprise().uscc(), "legalRepName", LEGAL_REP,
                            "legalRepDocumentType", "RESIDENT_ID_CARD", "legalRepDocumentNumber", LEGAL_REP_ID))
                    .execute()
                    .path("verifyEnterpriseInfo.failureCode").entity(String.class)
                    .isEqualTo(i < 5 ? "ENTERPRISE_INFO_MISMATCH" : "TOO_MANY_ATTEMPTS")
                    .path("verifyEnterpriseInfo.status").entity(String.class)
                    .isEqualTo(i < 5 ? "IN_PROGRESS" : "FAILED");
        }
        String second = start(c);
        assertThat(second).isNotEqualTo(first);

        var page1 = c.admin().documentName("certificationAttempts")
                .variable("enterpriseId", c.enterprise().id()).variable("first", 1).execute();
        page1.path("certificationAttempts.edges[0].node.id").entity(String.class).isEqualTo(second)
                .path("certificationAttempts.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String cursor = page1.path("certificationAttempts.pageInfo.endCursor").entity(String.class).get();
        c.admin().documentName("certificationAttempts")
                .variable("enterpriseId", c.enterprise().id()).variable("first", 1).variable("after", cursor)
                .execute()
                .path("certificationAttempts.edges[0].node.id").entity(String.class).isEqualTo(first)
                .path("certificationAttempts.edges[0].node.status").entity(String.class).isEqualTo("FAILED")
                .path("certificationAttempts.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
    }
}
