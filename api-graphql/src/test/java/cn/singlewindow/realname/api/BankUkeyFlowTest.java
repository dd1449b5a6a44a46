package cn.singlewindow.realname.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.api.GraphQlApi.ImportedEnterprise;
import cn.singlewindow.realname.cardbridge.bankukey.BankUkeyResponse;
import cn.singlewindow.realname.cardbridge.bankukey.BankUkeyStates;
import cn.singlewindow.realname.cardbridge.bankukey.SelfSigned;
import cn.singlewindow.realname.cardbridge.bankukey.SignedMessages;
import cn.singlewindow.realname.cardbridge.sandbox.SandboxBanks;
import cn.singlewindow.realname.messages.card.Bank;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import cn.singlewindow.realname.messages.testing.SampleCodes;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.util.HtmlUtils;

/** Manual §2.5.6 through the sandbox banks' pages, with real CMS signatures (SM2 for CCB and CMBC, RSA for ABC). */
class BankUkeyFlowTest extends RunningService {

    private static final Pattern RESPONSE_FIELD = Pattern.compile("name=\"response\" value=\"([^\"]+)\"");

    @Autowired
    SandboxBanks banks;
    @Autowired
    BankUkeyStates states;
    @Autowired
    ObjectMapper json;

    private WebTestClient browser() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    private record Started(ImportedEnterprise enterprise, HttpGraphQlTester admin, String attemptId, String request) {
    }

    private static final String UKEY_PASSWORD = "ukey-123456";

    /** An enterprise with a corporate account at the bank, and its administrator redirected there. */
    private Started start(Bank bank) {
        GraphQlApi api = api();
        ImportedEnterprise enterprise = api.importEnterprise(api.asOperations());
        api.anonymous().documentName("sandboxRegisterBankAccount").variable("input", Map.of("bank", bank.name(),
                "uscc", enterprise.uscc(), "enterpriseName", "测试贸易有限公司", "ukeyPassword", UKEY_PASSWORD))
                .execute().path("sandboxRegisterBankAccount").entity(Boolean.class).isEqualTo(true);
        return redirected(api, enterprise, bank);
    }

    private Started redirected(GraphQlApi api, ImportedEnterprise enterprise, Bank bank) {
        HttpGraphQlTester admin = api.asAdministratorOf(enterprise);
        var redirect = admin.documentName("startBankUkeyCertification")
                .variable("input", Map.of("enterpriseId", enterprise.id(), "bank", bank.name())).execute();
        String url = redirect.path("startBankUkeyCertification.redirectUrl").entity(String.class).get();
        assertThat(url).startsWith("/sandbox/bank/" + bank.name() + "?request=");
        String request = URLDecoder.decode(url.substring(url.indexOf("request=") + 8), StandardCharsets.US_ASCII);
        return new Started(enterprise, admin,
                redirect.path("startBankUkeyCertification.attemptId").entity(String.class).get(), request);
    }

    /** The user at the bank: sign-in page, then the UKey password; answers the bank's signed response. */
    private String atTheBank(Bank bank, String request) {
        return atTheBank(bank, request, UKEY_PASSWORD);
    }

    private String atTheBank(Bank bank, String request, String ukeyPassword) {
        String page = browser().get().uri(b -> b.path("/sandbox/bank/" + bank.name()).queryParam("request", "{r}")
                        .build(request))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("单一窗口企业实名认证");
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("request", request);
        form.add("password", ukeyPassword);
        String answer = browser().post().uri("/sandbox/bank/" + bank.name() + "/authorize")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(form))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        Matcher response = RESPONSE_FIELD.matcher(answer);
        assertThat(response.find()).isTrue();
        return HtmlUtils.htmlUnescape(response.group(1));
    }

    /** The browser posts the bank's answer back; answers where it is sent next. */
    private String callback(Bank bank, String response) {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("response", response);
        return browser().post().uri("/bank-ukey/callback/" + bank.name())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(form))
                .exchange().expectStatus().isSeeOther()
                .returnResult(Void.class).getResponseHeaders().getLocation().toString();
    }

    private void attemptIs(Started started, String status, String failureCode) {
        var attempts = started.admin().documentName("certificationAttempts")
                .variable("enterpriseId", started.enterprise().id()).execute();
        attempts.path("certificationAttempts.edges[0].node.id").entity(String.class).isEqualTo(started.attemptId())
                .path("certificationAttempts.edges[0].node.status").entity(String.class).isEqualTo(status);
        if (failureCode == null) {
            attempts.path("certificationAttempts.edges[0].node.failureCode").valueIsNull();
        } else {
            attempts.path("certificationAttempts.edges[0].node.failureCode").entity(String.class)
                    .isEqualTo(failureCode);
        }
    }

    @ParameterizedTest
    @EnumSource(Bank.class)
    void each_banks_signed_answer_certifies_the_enterprise_at_level_high(Bank bank) {
        Started started = start(bank);
        assertThat(callback(bank, atTheBank(bank, started.request()))).contains("outcome=PASSED");
        attemptIs(started, "PASSED", null);
        started.admin().documentName("enterprise").variable("id", started.enterprise().id()).execute()
                .path("enterprise.certification.methods[2].status").entity(String.class).isEqualTo("PASSED")
                .path("enterprise.certification.securityLevel").entity(String.class).isEqualTo("HIGH")
                .path("enterprise.certification.enterpriseInfoVerified").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void a_wrong_ukey_password_or_an_account_the_bank_does_not_hold_comes_back_as_bank_refused() {
        Started started = start(Bank.CCB);
        assertThat(callback(Bank.CCB, atTheBank(Bank.CCB, started.request(), "not-the-password")))
                .contains("outcome=BANK_REFUSED");
        attemptIs(started, "FAILED", "BANK_REFUSED");
        started.admin().documentName("enterprise").variable("id", started.enterprise().id()).execute()
                .path("enterprise.certification.methods[2].status").entity(String.class).isEqualTo("FAILED")
                .path("enterprise.certification.enterpriseInfoVerified").entity(Boolean.class).isEqualTo(false);

        GraphQlApi api = api();
        ImportedEnterprise withoutAccount = api.importEnterprise(api.asOperations());
        Started elsewhere = redirected(api, withoutAccount, Bank.CMBC);
        assertThat(callback(Bank.CMBC, atTheBank(Bank.CMBC, elsewhere.request()))).contains("outcome=BANK_REFUSED");
        attemptIs(elsewhere, "FAILED", "BANK_REFUSED");
    }

    @Test
    void a_bank_ukey_certifies_the_enterprise_and_the_owners_identity_then_completes_the_certification() {
        Started started = start(Bank.ABC);
        assertThat(callback(Bank.ABC, atTheBank(Bank.ABC, started.request()))).contains("outcome=PASSED");
        started.admin().documentName("enterprise").variable("id", started.enterprise().id()).execute()
                .path("enterprise.certification.certified").entity(Boolean.class).isEqualTo(false)
                .path("enterprise.certification.enterpriseInfoVerified").entity(Boolean.class).isEqualTo(true)
                .path("enterprise.certification.remaining[0].aspect").entity(String.class).isEqualTo("OWNER_IDENTITY")
                .path("enterprise.certification.remaining[0].ways").entityList(String.class)
                .contains("startOwnerIdentityVerification")
                .path("enterprise.certification.remaining[1]").pathDoesNotExist();

        api().anonymous().documentName("sandboxRegisterPerson").variable("input", Map.of("name", "李四",
                "documentType", "RESIDENT_ID_CARD", "documentNumber", "110101199003070011",
                "idValidFrom", "20200101", "idValidTo", "20400101", "inCtid", true)).execute();
        String attemptId = started.admin().documentName("startOwnerIdentityVerification")
                .variable("input", Map.of("enterpriseId", started.enterprise().id())).execute()
                .path("startOwnerIdentityVerification.method").entity(String.class).isEqualTo("OWNER_IDENTITY")
                .path("startOwnerIdentityVerification.step").entity(String.class).isEqualTo("ADMINISTRATOR_IDENTITY")
                .path("startOwnerIdentityVerification.id").entity(String.class).get();
        started.admin().documentName("verifyAdministratorByIdCard").variable("input", Map.of("attemptId", attemptId,
                        "name", "李四", "idNumber", "110101199003070011", "idValidFrom", "20200101",
                        "idValidTo", "20400101")).execute()
                .path("verifyAdministratorByIdCard.status").entity(String.class).isEqualTo("PASSED");
        started.admin().documentName("enterprise").variable("id", started.enterprise().id()).execute()
                .path("enterprise.certification.certified").entity(Boolean.class).isEqualTo(true)
                .path("enterprise.certification.ownerIdentityVerified").entity(Boolean.class).isEqualTo(true)
                .path("enterprise.certification.securityLevel").entity(String.class).isEqualTo("HIGH")
                .path("enterprise.certification.remaining").entityList(Object.class).hasSize(0)
                .path("enterprise.certification.methods").entityList(Object.class).hasSize(3);
    }

    @Test
    void a_second_start_through_the_same_bank_joins_the_open_attempt_whose_answer_then_finishes_it() {
        Started started = start(Bank.CCB);
        var again = started.admin().documentName("startBankUkeyCertification")
                .variable("input", Map.of("enterpriseId", started.enterprise().id(), "bank", "CCB")).execute();
        again.path("startBankUkeyCertification.attemptId").entity(String.class).isEqualTo(started.attemptId());
        String url = again.path("startBankUkeyCertification.redirectUrl").entity(String.class).get();
        String request = URLDecoder.decode(url.substring(url.indexOf("request=") + 8), StandardCharsets.US_ASCII);

        long before = System.nanoTime();
        assertThat(callback(Bank.CCB, atTheBank(Bank.CCB, request))).contains("outcome=PASSED");
        assertThat(Duration.ofNanos(System.nanoTime() - before)).as("answered without waiting out a time-out")
                .isLessThan(Duration.ofSeconds(4));
        attemptIs(started, "PASSED", null);
        assertThat(callback(Bank.CCB, atTheBank(Bank.CCB, started.request()))).as("the first redirect's answer, late")
                .contains("outcome=CALLBACK_INVALID");
        attemptIs(started, "PASSED", null);
    }

    @Test
    void a_replayed_answer_is_refused_and_changes_nothing() {
        Started started = start(Bank.CCB);
        String response = atTheBank(Bank.CCB, started.request());
        assertThat(callback(Bank.CCB, response)).contains("outcome=PASSED");
        assertThat(callback(Bank.CCB, response)).contains("outcome=CALLBACK_INVALID");
        attemptIs(started, "PASSED", null);
    }

    @Test
    void a_forged_answer_is_recorded_and_the_genuine_one_still_counts() throws Exception {
        Started started = start(Bank.CMBC);
        String genuine = atTheBank(Bank.CMBC, started.request());
        byte[] content = SignedMessages.verify(genuine, banks.bankCertificate(Bank.CMBC)).orElseThrow();
        SelfSigned.Identity forger = SelfSigned.create("Sandbox cmbc", false, Instant.now());
        String forged = SignedMessages.sign(content, forger.keys().getPrivate(), forger.certificate());

        assertThat(callback(Bank.CMBC, forged)).contains("outcome=CALLBACK_INVALID");
        attemptIs(started, "IN_PROGRESS", "CALLBACK_INVALID");
        assertThat(callback(Bank.CMBC, genuine)).contains("outcome=PASSED");
        attemptIs(started, "PASSED", null);
    }

    @Test
    void an_answer_about_another_enterprise_or_through_another_bank_is_refused() throws Exception {
        Started started = start(Bank.ABC);
        BankUkeyResponse genuine = json.readValue(SignedMessages.verify(atTheBank(Bank.ABC, started.request()),
                banks.bankCertificate(Bank.ABC)).orElseThrow(), BankUkeyResponse.class);
        BankUkeyResponse otherEnterprise = new BankUkeyResponse(genuine.attemptId(), genuine.state(),
                SampleCodes.randomUscc(), BankUkeyResponse.PASSED);
        assertThat(callback(Bank.ABC, banks.signAsBank(Bank.ABC, json.writeValueAsBytes(otherEnterprise))))
                .contains("outcome=CALLBACK_INVALID");
        attemptIs(started, "IN_PROGRESS", "CALLBACK_INVALID");

        Started second = start(Bank.CCB);
        BankUkeyResponse forCcb = json.readValue(SignedMessages.verify(atTheBank(Bank.CCB, second.request()),
                banks.bankCertificate(Bank.CCB)).orElseThrow(), BankUkeyResponse.class);
        assertThat(callback(Bank.ABC, banks.signAsBank(Bank.ABC, json.writeValueAsBytes(forCcb))))
                .contains("outcome=CALLBACK_INVALID");
        attemptIs(second, "IN_PROGRESS", "CALLBACK_INVALID");
    }

    @Test
    void a_state_used_after_its_time_is_late() {
        Instant now = Instant.now();
        String state = states.issue(new BankUkeyStates.Pending("late-attempt", EnterpriseId.create(), Bank.CCB,
                SampleCodes.randomUscc()), now);
        assertThat(states.claim(state, Bank.CCB, now.plus(states.ttl()).plusSeconds(1)).problem()).isEqualTo(
                cn.singlewindow.realname.messages.certification.FailureReason.LATE);
        assertThat(states.claim(state, Bank.CCB, now).problem()).isEqualTo(
                cn.singlewindow.realname.messages.certification.FailureReason.REPLAYED_OR_UNKNOWN_STATE);
    }
}
