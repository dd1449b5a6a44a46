package cn.singlewindow.realname.api;

import static cn.singlewindow.realname.api.EnterpriseLifecycleTest.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.singlewindow.realname.api.GraphQlApi.ImportedEnterprise;
import cn.singlewindow.realname.cardbridge.challenge.CardChallenges;
import cn.singlewindow.realname.cardbridge.challenge.ChallengePurpose;
import cn.singlewindow.realname.cardbridge.iccard.Pem;
import cn.singlewindow.realname.cardbridge.iccard.SoftwareCardAuthority;
import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.testing.SampleCodes;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import cn.singlewindow.realname.messages.account.LoginRejected;
import cn.singlewindow.realname.messages.card.CardLoginRefused;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Manual §2.1 (card media) and §2.5.1 over HTTP, with software cards of the sandbox E-Port CA. */
class IcCardFlowTest extends RunningService {

    private static final String ADMIN_ID = "110101199003070011";

    @Autowired
    CardChallenges challenges;

    private record Card(String certificatePem, String privateKeyPem) {
    }

    private Card issueCard(GraphQlApi api, String uscc, String holderId, Instant from, Instant to, boolean revoked) {
        Map<String, Object> input = new HashMap<>(Map.of("enterpriseName", "测试贸易有限公司", "uscc", uscc,
                "holderName", "李四", "holderIdNumber", holderId, "cardType", "OPERATOR", "revoked", revoked));
        if (from != null) {
            input.put("validFrom", from.toString());
            input.put("validTo", to.toString());
        }
        GraphQlTester.Response issued = api.anonymous().documentName("sandboxIssueIcCard")
                .variable("input", input).execute();
        return new Card(issued.path("sandboxIssueIcCard.certificatePem").entity(String.class).get(),
                issued.path("sandboxIssueIcCard.privateKeyPem").entity(String.class).get());
    }

    private Map<String, Object> evidence(String challengeId, String nonce, Card card) throws Exception {
        byte[] signature = SoftwareCardAuthority.sign(Pem.privateKey(card.privateKeyPem()),
                Base64.getDecoder().decode(nonce));
        return Map.of("challengeId", challengeId, "certificatePem", card.certificatePem(),
                "signature", Base64.getEncoder().encodeToString(signature));
    }

    private GraphQlTester.Response certify(HttpGraphQlTester admin, String enterpriseId, Card card) throws Exception {
        GraphQlTester.Response challenge = admin.documentName("issueCardChallenge")
                .variable("input", Map.of("purpose", "CERTIFICATION", "enterpriseId", enterpriseId)).execute();
        return admin.documentName("certifyByIcCard")
                .variable("input", evidence(challenge.path("issueCardChallenge.id").entity(String.class).get(),
                        challenge.path("issueCardChallenge.nonce").entity(String.class).get(), card))
                .execute();
    }

    @Test
    void the_owners_own_card_certifies_the_enterprise_at_level_high_and_logs_the_owner_in() throws Exception {
        GraphQlApi api = api();
        ImportedEnterprise enterprise = api.importEnterprise(api.asOperations());
        HttpGraphQlTester admin = api.asAdministratorOf(enterprise);
        Card card = issueCard(api, enterprise.uscc(), ADMIN_ID, null, null, false);

        certify(admin, enterprise.id(), card)
                .path("certifyByIcCard.status").entity(String.class).isEqualTo("PASSED")
                .path("certifyByIcCard.method").entity(String.class).isEqualTo("IC_CARD");
        admin.documentName("enterprise").variable("id", enterprise.id()).execute()
                .path("enterprise.certification.certified").entity(Boolean.class).isEqualTo(true)
                .path("enterprise.certification.securityLevel").entity(String.class).isEqualTo("HIGH")
                .path("enterprise.certification.methods[0].status").entity(String.class).isEqualTo("PASSED");

        GraphQlTester.Response login = api.anonymous().documentName("issueCardChallenge")
                .variable("input", Map.of("purpose", "LOGIN")).execute();
        api.anonymous().documentName("loginWithCard")
                .variable("input", evidence(login.path("issueCardChallenge.id").entity(String.class).get(),
                        login.path("issueCardChallenge.nonce").entity(String.class).get(), card))
                .execute()
                .path("loginWithCard.account.username").entity(String.class).isEqualTo(enterprise.adminUsername());
    }

    @Test
    void enterprises_read_without_their_overview_get_each_their_own_in_one_answer() throws Exception {
        GraphQlApi api = api();
        HttpGraphQlTester operations = api.asOperations();
        ImportedEnterprise certified = api.importEnterprise(operations);
        ImportedEnterprise pending = api.importEnterprise(operations);
        certify(api.asAdministratorOf(certified), certified.id(),
                issueCard(api, certified.uscc(), ADMIN_ID, null, null, false))
                .path("certifyByIcCard.status").entity(String.class).isEqualTo("PASSED");

        // Looked up by USCC, an enterprise comes without its overview: both are loaded together, each its own.
        String overview = "{ certification { certified securityLevel methods { method status } } }";
        operations.document("query q($a: String!, $b: String!) { a: enterpriseByUscc(uscc: $a) " + overview
                        + " b: enterpriseByUscc(uscc: $b) " + overview + " }")
                .variable("a", certified.uscc()).variable("b", pending.uscc()).execute()
                .path("a.certification.certified").entity(Boolean.class).isEqualTo(true)
                .path("a.certification.securityLevel").entity(String.class).isEqualTo("HIGH")
                .path("a.certification.methods[?(@.method == 'IC_CARD')].status").entityList(String.class)
                .containsExactly("PASSED")
                .path("b.certification.certified").entity(Boolean.class).isEqualTo(false)
                .path("b.certification.methods[*].status").entityList(String.class)
                .containsExactly("NOT_STARTED", "NOT_STARTED", "NOT_STARTED");
    }

    @Test
    void a_challenge_signs_once() throws Exception {
        GraphQlApi api = api();
        ImportedEnterprise enterprise = api.importEnterprise(api.asOperations());
        Card card = issueCard(api, enterprise.uscc(), ADMIN_ID, null, null, false);
        GraphQlTester.Response challenge = api.anonymous().documentName("issueCardChallenge")
                .variable("input", Map.of("purpose", "LOGIN")).execute();
        Map<String, Object> input = evidence(challenge.path("issueCardChallenge.id").entity(String.class).get(),
                challenge.path("issueCardChallenge.nonce").entity(String.class).get(), card);
        api.anonymous().documentName("loginWithCard").variable("input", input).execute()
                .path("loginWithCard.token").hasValue();
        api.anonymous().documentName("loginWithCard").variable("input", input).execute()
                .errors().satisfy(code("CHALLENGE_USED"));
    }

    @Test
    void a_challenge_past_its_time_or_for_another_purpose_is_refused() {
        Instant now = Instant.now();
        CardChallenges.Challenge late = challenges.issue(ChallengePurpose.LOGIN, null, now);
        assertThatThrownBy(() -> challenges.claim(late.id(), ChallengePurpose.LOGIN, now.plus(Duration.ofMinutes(3))))
                .isInstanceOfSatisfying(RejectedException.class,
                        e -> assertThat(e.rejection().code()).isEqualTo("CHALLENGE_EXPIRED"));
        CardChallenges.Challenge forLogin = challenges.issue(ChallengePurpose.LOGIN, null, now);
        assertThatThrownBy(() -> challenges.claim(forLogin.id(), ChallengePurpose.CERTIFICATION, now))
                .isInstanceOf(RejectedException.class);
        assertThat(late.nonce()).hasSize(32);
    }

    @Test
    void cards_of_another_enterprise_revoked_or_expired_are_recorded_failures_with_their_reason() throws Exception {
        GraphQlApi api = api();
        ImportedEnterprise enterprise = api.importEnterprise(api.asOperations());
        HttpGraphQlTester admin = api.asAdministratorOf(enterprise);

        certify(admin, enterprise.id(), issueCard(api, SampleCodes.randomUscc(), ADMIN_ID, null, null, false))
                .path("certifyByIcCard.status").entity(String.class).isEqualTo("FAILED")
                .path("certifyByIcCard.failureCode").entity(String.class).isEqualTo("CARD_ENTERPRISE_MISMATCH");
        certify(admin, enterprise.id(), issueCard(api, enterprise.uscc(), ADMIN_ID, null, null, true))
                .path("certifyByIcCard.failureCode").entity(String.class).isEqualTo("CERTIFICATE_REVOKED");
        Instant now = Instant.now();
        certify(admin, enterprise.id(), issueCard(api, enterprise.uscc(), ADMIN_ID,
                now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(1)), false))
                .path("certifyByIcCard.failureCode").entity(String.class).isEqualTo("CERTIFICATE_EXPIRED");

        admin.documentName("certificationAttempts").variable("enterpriseId", enterprise.id()).execute()
                .path("certificationAttempts.edges[*].node.failureCode").entityList(String.class)
                .satisfies(codes -> assertThat(codes).containsExactlyInAnyOrder("CARD_ENTERPRISE_MISMATCH",
                        "CERTIFICATE_REVOKED", "CERTIFICATE_EXPIRED"));
        admin.documentName("enterprise").variable("id", enterprise.id()).execute()
                .path("enterprise.certification.methods[0].status").entity(String.class).isEqualTo("FAILED");

        // A second method under way: the enterprise read (which joins its methods in) shows each as it stands.
        admin.documentName("startLegalRepCertification")
                .variable("input", Map.of("enterpriseId", enterprise.id())).execute()
                .path("startLegalRepCertification.status").entity(String.class).isEqualTo("IN_PROGRESS");
        admin.documentName("enterprise").variable("id", enterprise.id()).execute()
                .path("enterprise.id").entity(String.class).isEqualTo(enterprise.id())
                .path("enterprise.certification.methods[*].status").entityList(String.class)
                .containsExactly("FAILED", "PENDING", "NOT_STARTED")
                .path("enterprise.certification.methods[1].currentStep").entity(String.class)
                .isEqualTo("ENTERPRISE_INFO")
                .path("enterprise.certification.certified").entity(Boolean.class).isEqualTo(false);
    }

    private GraphQlTester.Response loginWithCard(GraphQlApi api, Card card, Card signer) throws Exception {
        GraphQlTester.Response challenge = api.anonymous().documentName("issueCardChallenge")
                .variable("input", Map.of("purpose", "LOGIN")).execute();
        Map<String, Object> input = new HashMap<>(evidence(challenge.path("issueCardChallenge.id").entity(String.class)
                .get(), challenge.path("issueCardChallenge.nonce").entity(String.class).get(), signer));
        input.put("certificatePem", card.certificatePem());
        return api.anonymous().documentName("loginWithCard").variable("input", input).execute();
    }

    @Test
    void a_refused_card_login_is_recorded_where_the_card_belongs_and_a_card_refused_again_and_again_is_locked()
            throws Exception {
        GraphQlApi api = api();
        ImportedEnterprise enterprise = api.importEnterprise(api.asOperations());
        String adminAccount = GraphQlApi.accountOf(api.asAdministratorOf(enterprise));
        Card adminsCard = issueCard(api, enterprise.uscc(), ADMIN_ID, null, null, false);
        Card otherKey = issueCard(api, enterprise.uscc(), SampleCodes.randomResidentId(), null, null, false);

        // The administrator's certificate, presented without the card that holds its key.
        loginWithCard(api, adminsCard, otherKey).errors().satisfy(code("SIGNATURE_INVALID"));
        assertThat(eventStore.readEvents(adminAccount, 0).asStream().map(event -> event.getPayload()).toList())
                .last().isInstanceOfSatisfying(LoginRejected.class, rejected -> {
                    assertThat(rejected.method()).isEqualTo("CARD");
                    assertThat(rejected.reasonCode()).isEqualTo("SIGNATURE_INVALID");
                    assertThat(rejected.certificateSerial()).isNotBlank();
                });
        // A card of the enterprise that no account holds: recorded on the enterprise.
        loginWithCard(api, otherKey, otherKey).errors().satisfy(code("CARD_NOT_BOUND"));
        assertThat(eventStore.readEvents(enterprise.id(), 0).asStream().map(event -> event.getPayload()).toList())
                .last().isInstanceOfSatisfying(CardLoginRefused.class,
                        refused -> assertThat(refused.reasonCode()).isEqualTo("CARD_NOT_BOUND"));

        for (int i = 0; i < 4; i++) {
            loginWithCard(api, adminsCard, otherKey).errors().satisfy(code("SIGNATURE_INVALID"));
        }
        // Five refusals lock the card for a while, its own signature included.
        loginWithCard(api, adminsCard, adminsCard).errors().satisfy(code("TOO_MANY_ATTEMPTS"));
    }

    @Test
    void a_card_whose_holder_has_no_account_logs_nobody_in() throws Exception {
        GraphQlApi api = api();
        ImportedEnterprise enterprise = api.importEnterprise(api.asOperations());
        Card stranger = issueCard(api, enterprise.uscc(), SampleCodes.randomResidentId(), null, null, false);
        GraphQlTester.Response challenge = api.anonymous().documentName("issueCardChallenge")
                .variable("input", Map.of("purpose", "LOGIN")).execute();
        api.anonymous().documentName("loginWithCard")
                .variable("input", evidence(challenge.path("issueCardChallenge.id").entity(String.class).get(),
                        challenge.path("issueCardChallenge.nonce").entity(String.class).get(), stranger))
                .execute().errors().satisfy(code("CARD_NOT_BOUND"));
    }
}
