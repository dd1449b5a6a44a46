package cn.singlewindow.realname.command.enterprise;

import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.singlewindow.realname.command.certification.AdministratorDirectory;
import cn.singlewindow.realname.messages.certification.FailureReason;
import cn.singlewindow.realname.command.certification.CertificationPolicy;
import cn.singlewindow.realname.command.certification.IdentityCheckQuota;
import cn.singlewindow.realname.command.certification.SmsCodes;
import cn.singlewindow.realname.command.certification.providers.BankCardVerifier;
import cn.singlewindow.realname.command.certification.providers.IdentityAuthority;
import cn.singlewindow.realname.command.certification.providers.IdentityAuthority.Verdict;
import cn.singlewindow.realname.command.certification.providers.ProviderUnavailableException;
import cn.singlewindow.realname.command.certification.providers.SmsGateway;
import cn.singlewindow.realname.command.enterprise.registry.EnterpriseRegistry;
import cn.singlewindow.realname.command.enterprise.registry.RegisteredEnterprise;
import cn.singlewindow.realname.command.enterprise.registry.RegisteredEnterprise.RegistrationStatus;
import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.account.AccountOwner;
import cn.singlewindow.realname.messages.account.DocumentType;
import cn.singlewindow.realname.messages.account.IdValidity;
import cn.singlewindow.realname.messages.card.CardType;
import cn.singlewindow.realname.messages.card.IcCardCertificationAttempted;
import cn.singlewindow.realname.messages.certification.CertificationAttemptExpired;
import cn.singlewindow.realname.messages.certification.CertificationAttemptFailed;
import cn.singlewindow.realname.messages.certification.CertificationMethod;
import cn.singlewindow.realname.messages.certification.CertificationPassed;
import cn.singlewindow.realname.messages.certification.CertificationStep;
import cn.singlewindow.realname.messages.certification.CertificationStepRefused;
import cn.singlewindow.realname.messages.common.Refused;
import cn.singlewindow.realname.messages.certification.CertificationStepFailed;
import cn.singlewindow.realname.messages.certification.EnterpriseInfoVerified;
import cn.singlewindow.realname.messages.certification.IdentitySubject;
import cn.singlewindow.realname.messages.certification.IdentityVerified;
import cn.singlewindow.realname.messages.certification.LegalRepCertificationStarted;
import cn.singlewindow.realname.messages.certification.SecurityLevel;
import cn.singlewindow.realname.messages.certification.SendBankCardSmsCode;
import cn.singlewindow.realname.messages.certification.SmsCodeSent;
import cn.singlewindow.realname.messages.certification.StartLegalRepCertification;
import cn.singlewindow.realname.messages.certification.StepResult;
import cn.singlewindow.realname.messages.certification.VerificationRoute;
import cn.singlewindow.realname.messages.certification.VerifyEnterpriseInfo;
import cn.singlewindow.realname.messages.certification.VerifyIdentityByBankCard;
import cn.singlewindow.realname.messages.certification.VerifyIdentityByIdCard;
import cn.singlewindow.realname.messages.common.Versions;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import cn.singlewindow.realname.messages.enterprise.EnterpriseOrigin;
import cn.singlewindow.realname.messages.enterprise.LegacyEnterpriseImported;
import cn.singlewindow.realname.messages.enterprise.LegalRepresentative;
import cn.singlewindow.realname.messages.enterprise.Uscc;
import cn.singlewindow.realname.messages.testing.SampleCodes;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Manual §2.5.2-§2.5.3: the three steps, each route, each failure, limits and expiry. */
class LegalRepCertificationTest {

    private static final String ATTEMPT = "attempt-1";
    private static final LegalRepresentative LEGAL_REP = new LegalRepresentative("张三",
            DocumentType.RESIDENT_ID_CARD, "11010519491231002X");
    private static final AccountOwner ADMIN = new AccountOwner("李四", DocumentType.RESIDENT_ID_CARD,
            "110101199003070011", "20200101", "20400101");
    private static final IdValidity LEGAL_REP_CARD = new IdValidity("20150101", "00000000");

    private final EnterpriseId id = EnterpriseId.create();
    private final AccountId adminId = AccountId.create();
    private final Uscc uscc = Uscc.of(SampleCodes.randomUscc());
    private final CertificationPolicy policy = new CertificationPolicy(Duration.ofMinutes(30), 3, 10,
            SecurityLevel.MEDIUM, SecurityLevel.HIGH, SecurityLevel.HIGH);
    private final IdentityAuthority ctid = mock(IdentityAuthority.class);
    private final BankCardVerifier bankCards = mock(BankCardVerifier.class);
    private final SmsGateway sms = mock(SmsGateway.class);
    private final SmsCodes smsCodes = mock(SmsCodes.class);
    private final IdentityCheckQuota quota = mock(IdentityCheckQuota.class);
    private final AdministratorDirectory administrators = mock(AdministratorDirectory.class);
    private RegisteredEnterprise registryRecord;
    private FixtureConfiguration<Enterprise> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Enterprise.class);
        registryRecord = new RegisteredEnterprise(uscc, "测试贸易有限公司", uscc.orgCode(), LEGAL_REP,
                RegistrationStatus.ACTIVE);
        EnterpriseRegistry registry = code -> Optional.ofNullable(registryRecord).filter(r -> r.uscc().equals(code));
        for (Object resource : new Object[] {registry, ctid, bankCards, sms, smsCodes, quota, administrators,
                policy, new InMemoryUsccRegistry()}) {
            fixture.registerInjectableResource(resource);
        }
        when(quota.tryConsume(anyString(), any())).thenReturn(true);
        when(administrators.ownerOf(adminId, id)).thenReturn(ADMIN);
    }

    private LegacyEnterpriseImported imported(EnterpriseOrigin origin) {
        return new LegacyEnterpriseImported(id, "测试贸易有限公司", uscc, uscc.orgCode(), LEGAL_REP, origin, adminId);
    }

    private LegalRepCertificationStarted started() {
        return new LegalRepCertificationStarted(id, ATTEMPT, adminId, ADMIN);
    }

    private EnterpriseInfoVerified step1() {
        return new EnterpriseInfoVerified(id, ATTEMPT, LEGAL_REP);
    }

    private IdentityVerified step2() {
        return new IdentityVerified(id, ATTEMPT, IdentitySubject.LEGAL_REP, VerificationRoute.ID_CARD, CertificationMethod.LEGAL_REP);
    }

    private VerifyEnterpriseInfo enterpriseInfo(LegalRepresentative legalRep) {
        return new VerifyEnterpriseInfo(id, ATTEMPT, "测试贸易有限公司", uscc, uscc.orgCode(), legalRep);
    }

    private CertificationStepFailed failed(CertificationStep step, VerificationRoute route, FailureReason reason,
                                           boolean counts) {
        return new CertificationStepFailed(id, ATTEMPT, CertificationMethod.LEGAL_REP, step, route, reason, counts);
    }

    @Test
    void the_administrator_opens_an_attempt_and_starting_again_answers_the_same_one() {
        fixture.given(imported(EnterpriseOrigin.LEGACY_INSPECTION))
                .when(new StartLegalRepCertification(id, ATTEMPT, adminId))
                .expectEvents(started())
                .expectResultMessagePayload(new StepResult(ATTEMPT, 1, null));
        // A failed IC card check since: the enterprise's version moved on, the attempt's did not.
        fixture.given(imported(EnterpriseOrigin.LEGACY_INSPECTION), started(),
                        new IcCardCertificationAttempted(id, "card-attempt", "01", "CN=E-Port CA", CardType.OPERATOR,
                                FailureReason.SIGNATURE_INVALID))
                .when(new StartLegalRepCertification(id, "attempt-2", adminId))
                .expectNoEvents()
                .expectResultMessagePayload(new StepResult(ATTEMPT, Versions.NOTHING_CHANGED, null));
    }

    @Test
    void an_enterprise_that_logs_in_with_card_media_is_not_in_scope() {
        fixture.given(imported(EnterpriseOrigin.CARD_LOGIN))
                .when(new StartLegalRepCertification(id, ATTEMPT, adminId))
                .expectNoEvents()
                .expectExceptionMessage(startsWith("NOT_APPLICABLE"));
    }

    @Test
    void step_one_passes_when_the_registry_holds_the_enterprise_and_its_legal_representative() {
        fixture.given(imported(EnterpriseOrigin.LEGACY_INSPECTION), started())
                .when(enterpriseInfo(LEGAL_REP))
                .expectEvents(step1())
                .expectResultMessagePayload(new StepResult(ATTEMPT, 2, null));
    }

    @Test
    void step_one_with_another_legal_representative_fails_with_the_advice_to_use_another_method() {
        LegalRepresentative someoneElse = new LegalRepresentative("王五", DocumentType.RESIDENT_ID_CARD,
                "110101199003070011");
        fixture.given(imported(EnterpriseOrigin.LEGACY_INSPECTION), started())
                .when(enterpriseInfo(someoneElse))
                .expectEvents(failed(CertificationStep.ENTERPRISE_INFO, VerificationRoute.REGISTRY,
                        FailureReason.REGISTRY_MISMATCH, true))
                .expectResultMessagePayload(new StepResult(ATTEMPT, 2, FailureReason.REGISTRY_MISMATCH));
    }

    @Test
    void step_one_with_other_enterprise_data_than_the_accounts_fails_before_asking_the_registry() {
        registryRecord = null;
        fixture.given(imported(EnterpriseOrigin.LEGACY_INSPECTION), started())
                .when(new VerifyEnterpriseInfo(id, ATTEMPT, "别的公司", uscc, uscc.orgCode(), LEGAL_REP))
                .expectEvents(failed(CertificationStep.ENTERPRISE_INFO, VerificationRoute.REGISTRY,
                        FailureReason.ENTERPRISE_INFO_MISMATCH, true));
    }

    @Test
    void step_two_before_step_one_is_out_of_order_and_only_its_refusal_is_recorded() {
        fixture.given(imported(EnterpriseOrigin.LEGACY_INSPECTION), started())
                .when(new VerifyIdentityByIdCard(id, ATTEMPT, IdentitySubject.LEGAL_REP, "张三",
                        "11010519491231002X", LEGAL_REP_CARD))
                .expectEvents(new CertificationStepRefused(id, ATTEMPT, CertificationMethod.LEGAL_REP,
                        "VerifyIdentityByIdCard", "STEP_OUT_OF_ORDER"))
                .expectResultMessagePayload(new Refused(CertificationRejections.STEP_OUT_OF_ORDER));
        verifyNoInteractions(ctid);
    }

    @Test
    void a_step_of_an_attempt_the_enterprise_does_not_have_is_refused_and_recorded() {
        fixture.given(imported(EnterpriseOrigin.LEGACY_INSPECTION), started())
                .when(new VerifyIdentityByIdCard(id, "someone-elses", IdentitySubject.LEGAL_REP, "张三",
                        "11010519491231002X", LEGAL_REP_CARD))
                .expectEvents(new CertificationStepRefused(id, "someone-elses", null, "VerifyIdentityByIdCard",
                        "NOT_FOUND"))
                .expectResultMessagePayload(new Refused(CertificationRejections.ATTEMPT_NOT_FOUND));
    }

    @Test
    void the_legal_representative_passes_by_id_card_when_ctid_confirms_all_four_elements() {
        when(ctid.verify("张三", "11010519491231002X", LEGAL_REP_CARD)).thenReturn(Verdict.MATCH);
        fixture.given(imported(EnterpriseOrigin.LEGACY_INSPECTION), started(), step1())
                .when(new VerifyIdentityByIdCard(id, ATTEMPT, IdentitySubject.LEGAL_REP, "张三",
                        "11010519491231002X", LEGAL_REP_CARD))
                .expectEvents(step2());
    }

    @Test
    void a_card_missing_from_ctid_fails_with_the_hint_to_use_the_ctid_app() {
        when(ctid.verify(anyString(), anyString(), any())).thenReturn(Verdict.NOT_IN_CTID);
        fixture.given(imported(EnterpriseOrigin.LEGACY_INSPECTION), started(), step1())
                .when(new VerifyIdentityByIdCard(id, ATTEMPT, IdentitySubject.LEGAL_REP, "张三",
                        "11010519491231002X", LEGAL_REP_CARD))
                .expectEvents(failed(CertificationStep.LEGAL_REP_IDENTITY, VerificationRoute.ID_CARD, FailureReason.NOT_IN_CTID,
                        true));
    }

    @Test
    void ctid_being_down_is_recorded_but_not_counted_against_the_user() {
        when(ctid.verify(anyString(), anyString(), any())).thenThrow(new ProviderUnavailableException("CTID", "x"));
        fixture.given(imported(EnterpriseOrigin.LEGACY_INSPECTION), started(), step1())
                .when(new VerifyIdentityByIdCard(id, ATTEMPT, IdentitySubject.LEGAL_REP, "张三",
                        "11010519491231002X", LEGAL_REP_CARD))
                .expectEvents(failed(CertificationStep.LEGAL_REP_IDENTITY, VerificationRoute.ID_CARD,
                        FailureReason.IDENTITY_SERVICE_UNAVAILABLE, false));
    }

    @Test
    void a_legal_representative_with_a_passport_is_sent_to_the_bank_card_route() {
        LegalRepresentative withPassport = new LegalRepresentative("张三", DocumentType.PRC_PASSPORT, "E12345678");
        fixture.given(imported(EnterpriseOrigin.LEGACY_INSPECTION), started(),
                        new EnterpriseInfoVerified(id, ATTEMPT, withPassport))
                .when(new VerifyIdentityByIdCard(id, ATTEMPT, IdentitySubject.LEGAL_REP, "张三", "E12345678",
                        LEGAL_REP_CARD))
                .expectEvents(new CertificationStepRefused(id, ATTEMPT, CertificationMethod.LEGAL_REP,
                        "VerifyIdentityByIdCard", "NOT_APPLICABLE"))
                .expectResultMessagePayloadMatching(new org.hamcrest.CustomTypeSafeMatcher<Refused>("a hint to switch") {
                    @Override
                    protected boolean matchesSafely(Refused refused) {
                        return "SWITCH_TO_BANK_CARD".equals(refused.rejection().hint());
                    }
                });
    }

    @Test
    void the_sms_code_goes_to_the_bank_reserved_phone_and_only_its_masked_form_is_recorded() {
        var given = fixture.given(imported(EnterpriseOrigin.LEGACY_INSPECTION), started(), step1());
        Instant now = given.currentTime();
        when(smsCodes.issue(eq(ATTEMPT), eq(IdentitySubject.LEGAL_REP), eq("13812345678"), eq("6222021234567890123"),
                any())).thenReturn(new SmsCodes.Issue(new SmsCodes.Issued("123456", now.plusSeconds(300),
                now.plusSeconds(60)), null));
        given.when(new SendBankCardSmsCode(id, ATTEMPT, IdentitySubject.LEGAL_REP, "6222021234567890123",
                        "13812345678"))
                .expectEvents(new SmsCodeSent(id, ATTEMPT, IdentitySubject.LEGAL_REP, "138****5678",
                        now.plusSeconds(300)));
        verify(sms).send(eq("13812345678"), org.mockito.ArgumentMatchers.contains("123456"));
    }

    @Test
    void the_legal_representative_passes_by_bank_card_with_the_right_code_and_four_elements() {
        when(smsCodes.check(eq(ATTEMPT), eq(IdentitySubject.LEGAL_REP), eq("13812345678"), eq("6222021234567890123"),
                eq("123456"), any())).thenReturn(SmsCodes.Check.OK);
        when(bankCards.verify("张三", DocumentType.RESIDENT_ID_CARD, "11010519491231002X", "6222021234567890123",
                "13812345678")).thenReturn(true);
        fixture.given(imported(EnterpriseOrigin.LEGACY_INSPECTION), started(), step1())
                .when(new VerifyIdentityByBankCard(id, ATTEMPT, IdentitySubject.LEGAL_REP, "6222021234567890123",
                        "13812345678", "123456"))
                .expectEvents(new IdentityVerified(id, ATTEMPT, IdentitySubject.LEGAL_REP, VerificationRoute.BANK_CARD, CertificationMethod.LEGAL_REP));
    }

    @Test
    void a_wrong_sms_code_fails_the_step_without_asking_the_bank() {
        when(smsCodes.check(anyString(), any(), anyString(), anyString(), anyString(), any()))
                .thenReturn(SmsCodes.Check.INVALID);
        fixture.given(imported(EnterpriseOrigin.LEGACY_INSPECTION), started(), step1())
                .when(new VerifyIdentityByBankCard(id, ATTEMPT, IdentitySubject.LEGAL_REP, "6222021234567890123",
                        "13812345678", "000000"))
                .expectEvents(failed(CertificationStep.LEGAL_REP_IDENTITY, VerificationRoute.BANK_CARD,
                        FailureReason.SMS_CODE_INVALID, true));
        org.mockito.Mockito.verifyNoInteractions(bankCards);
    }

    @Test
    void the_administrators_identity_completes_the_attempt_at_level_medium_and_marks_the_owner_verified() {
        when(ctid.verify("李四", "110101199003070011", new IdValidity("20200101", "20400101")))
                .thenReturn(Verdict.MATCH);
        fixture.given(imported(EnterpriseOrigin.LEGACY_INSPECTION), started(), step1(), step2())
                .when(new VerifyIdentityByIdCard(id, ATTEMPT, IdentitySubject.ADMINISTRATOR, "李四",
                        "110101199003070011", new IdValidity("20200101", "20400101")))
                .expectEvents(new IdentityVerified(id, ATTEMPT, IdentitySubject.ADMINISTRATOR,
                                VerificationRoute.ID_CARD, CertificationMethod.LEGAL_REP),
                        new CertificationPassed(id, ATTEMPT, CertificationMethod.LEGAL_REP, SecurityLevel.MEDIUM,
                                true, adminId));
        verify(administrators).confirmIdentity(adminId, CertificationMethod.LEGAL_REP);
    }

    @Test
    void someone_other_than_the_account_owner_cannot_pass_step_three() {
        fixture.given(imported(EnterpriseOrigin.LEGACY_INSPECTION), started(), step1(), step2())
                .when(new VerifyIdentityByIdCard(id, ATTEMPT, IdentitySubject.ADMINISTRATOR, "张三",
                        "11010519491231002X", LEGAL_REP_CARD))
                .expectEvents(failed(CertificationStep.ADMINISTRATOR_IDENTITY, VerificationRoute.ID_CARD,
                        FailureReason.IDENTITY_NOT_OF_THIS_STEP, true));
        org.mockito.Mockito.verifyNoInteractions(ctid);
    }

    @Test
    void the_third_counted_failure_ends_the_attempt() {
        when(ctid.verify(anyString(), anyString(), any())).thenReturn(Verdict.MISMATCH);
        CertificationStepFailed mismatch = failed(CertificationStep.LEGAL_REP_IDENTITY, VerificationRoute.ID_CARD,
                FailureReason.IDENTITY_MISMATCH, true);
        fixture.given(imported(EnterpriseOrigin.LEGACY_INSPECTION), started(), step1(), mismatch, mismatch)
                .when(new VerifyIdentityByIdCard(id, ATTEMPT, IdentitySubject.LEGAL_REP, "张三",
                        "11010519491231002X", LEGAL_REP_CARD))
                .expectEvents(mismatch, new CertificationAttemptFailed(id, ATTEMPT, CertificationMethod.LEGAL_REP,
                        FailureReason.TOO_MANY_ATTEMPTS));
    }

    @Test
    void a_person_over_the_daily_allowance_of_checks_is_not_checked() {
        when(quota.tryConsume(anyString(), any())).thenReturn(false);
        fixture.given(imported(EnterpriseOrigin.LEGACY_INSPECTION), started(), step1())
                .when(new VerifyIdentityByIdCard(id, ATTEMPT, IdentitySubject.LEGAL_REP, "张三",
                        "11010519491231002X", LEGAL_REP_CARD))
                .expectEvents(failed(CertificationStep.LEGAL_REP_IDENTITY, VerificationRoute.ID_CARD,
                        FailureReason.TOO_MANY_ATTEMPTS, false));
        org.mockito.Mockito.verifyNoInteractions(ctid);
    }

    @Test
    void an_attempt_left_idle_expires_through_its_deadline() {
        fixture.given(imported(EnterpriseOrigin.LEGACY_INSPECTION))
                .andGivenCommands(new StartLegalRepCertification(id, ATTEMPT, adminId))
                .whenTimeElapses(Duration.ofMinutes(31))
                .expectDeadlinesMet(new Enterprise.IdleCheck(ATTEMPT, Duration.ofMinutes(30)))
                .expectEvents(new CertificationAttemptExpired(id, ATTEMPT, CertificationMethod.LEGAL_REP));
    }

    @Test
    void a_deadline_set_before_the_latest_activity_leaves_the_attempt_alive() {
        var given = fixture.given(imported(EnterpriseOrigin.LEGACY_INSPECTION), started());
        Instant lastActivity = given.currentTime().plus(Duration.ofMinutes(20));
        // The start's deadline fires 30 minutes after the start, 10 minutes after step one was submitted.
        given.andGivenCurrentTime(lastActivity)
                .andGivenCommands(enterpriseInfo(LEGAL_REP))
                .whenInvoking(id.value(), enterprise -> enterprise.onIdle(
                        new Enterprise.IdleCheck(ATTEMPT, Duration.ofMinutes(30)), lastActivity.plus(Duration.ofMinutes(10))))
                .expectNoEvents();
    }

    @Test
    void the_deadline_set_by_the_last_activity_expires_the_attempt() {
        var given = fixture.given(imported(EnterpriseOrigin.LEGACY_INSPECTION), started());
        given.andGivenCurrentTime(given.currentTime().plus(Duration.ofMinutes(20)))
                .andGivenCommands(enterpriseInfo(LEGAL_REP))
                .whenTimeElapses(Duration.ofMinutes(31))
                .expectEvents(new CertificationAttemptExpired(id, ATTEMPT, CertificationMethod.LEGAL_REP));
    }

    @Test
    void a_step_after_the_idle_timeout_finds_the_attempt_expired() {
        var given = fixture.given(imported(EnterpriseOrigin.LEGACY_INSPECTION), started());
        given.andGivenCurrentTime(given.currentTime().plus(Duration.ofMinutes(45)))
                .when(enterpriseInfo(LEGAL_REP))
                .expectEvents(new CertificationAttemptExpired(id, ATTEMPT, CertificationMethod.LEGAL_REP))
                .expectResultMessagePayload(new StepResult(ATTEMPT, 2, FailureReason.ATTEMPT_EXPIRED));
    }

    @Test
    void a_passed_method_cannot_be_started_again() {
        fixture.given(imported(EnterpriseOrigin.LEGACY_INSPECTION), started(),
                        new CertificationPassed(id, ATTEMPT, CertificationMethod.LEGAL_REP, SecurityLevel.MEDIUM,
                                true, adminId))
                .when(new StartLegalRepCertification(id, "attempt-2", adminId))
                .expectEvents(new CertificationStepRefused(id, "attempt-2", CertificationMethod.LEGAL_REP,
                        "StartLegalRepCertification", "NOT_APPLICABLE"))
                .expectResultMessagePayload(new Refused(CertificationRejections.ALREADY_PASSED));
    }
}
