package cn.singlewindow.realname.command.enterprise;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.singlewindow.realname.command.certification.AdministratorDirectory;
import cn.singlewindow.realname.command.certification.CertificationPolicy;
import cn.singlewindow.realname.command.certification.IdentityCheckQuota;
import cn.singlewindow.realname.command.certification.SmsCodes;
import cn.singlewindow.realname.command.certification.providers.BankCardVerifier;
import cn.singlewindow.realname.command.certification.providers.IdentityAuthority;
import cn.singlewindow.realname.command.certification.providers.IdentityAuthority.Verdict;
import cn.singlewindow.realname.command.certification.providers.ProviderUnavailableException;
import cn.singlewindow.realname.command.certification.providers.SmsGateway;
import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.account.AccountOwner;
import cn.singlewindow.realname.messages.account.DocumentType;
import cn.singlewindow.realname.messages.account.IdValidity;
import cn.singlewindow.realname.messages.card.Bank;
import cn.singlewindow.realname.messages.card.BankUkeyCertificationStarted;
import cn.singlewindow.realname.messages.certification.CertificationMethod;
import cn.singlewindow.realname.messages.certification.CertificationPassed;
import cn.singlewindow.realname.messages.certification.CertificationStepRefused;
import cn.singlewindow.realname.messages.certification.IdentitySubject;
import cn.singlewindow.realname.messages.certification.IdentityVerified;
import cn.singlewindow.realname.messages.certification.OwnerIdentityVerificationStarted;
import cn.singlewindow.realname.messages.certification.SecurityLevel;
import cn.singlewindow.realname.messages.certification.SendBankCardSmsCode;
import cn.singlewindow.realname.messages.certification.SmsCodeRefused;
import cn.singlewindow.realname.messages.certification.StartOwnerIdentityVerification;
import cn.singlewindow.realname.messages.certification.StepResult;
import cn.singlewindow.realname.messages.certification.VerificationRoute;
import cn.singlewindow.realname.messages.certification.VerifyIdentityByIdCard;
import cn.singlewindow.realname.messages.common.Refused;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import cn.singlewindow.realname.messages.enterprise.EnterpriseOrigin;
import cn.singlewindow.realname.messages.enterprise.LegacyEnterpriseImported;
import cn.singlewindow.realname.messages.enterprise.LegalRepresentative;
import cn.singlewindow.realname.messages.enterprise.Uscc;
import cn.singlewindow.realname.messages.testing.SampleCodes;
import java.time.Duration;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The owner's identity on its own, for an enterprise a method certified without its owner: no dead end after a bank
 * UKey. And the refusals on the way, each recorded.
 */
class OwnerIdentityVerificationTest {

    private static final String ATTEMPT = "owner-1";
    private static final AccountOwner ADMIN = new AccountOwner("李四", DocumentType.RESIDENT_ID_CARD,
            "110101199003070011", "20200101", "20400101");
    private static final IdValidity ADMIN_CARD = new IdValidity("20200101", "20400101");

    private final EnterpriseId id = EnterpriseId.create();
    private final AccountId adminId = AccountId.create();
    private final Uscc uscc = Uscc.of(SampleCodes.randomUscc());
    private final CertificationPolicy policy = new CertificationPolicy(Duration.ofMinutes(30), 5, 10,
            SecurityLevel.MEDIUM, SecurityLevel.HIGH, SecurityLevel.HIGH);
    private final IdentityAuthority ctid = mock(IdentityAuthority.class);
    private final SmsGateway sms = mock(SmsGateway.class);
    private final SmsCodes smsCodes = mock(SmsCodes.class);
    private final IdentityCheckQuota quota = mock(IdentityCheckQuota.class);
    private final AdministratorDirectory administrators = mock(AdministratorDirectory.class);
    private FixtureConfiguration<Enterprise> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Enterprise.class);
        for (Object resource : new Object[] {ctid, sms, smsCodes, quota, administrators, policy,
                mock(BankCardVerifier.class), (cn.singlewindow.realname.command.enterprise.registry.EnterpriseRegistry)
                code -> Optional.empty(), new InMemoryUsccRegistry()}) {
            fixture.registerInjectableResource(resource);
        }
        when(quota.tryConsume(anyString(), any())).thenReturn(true);
        when(administrators.ownerOf(adminId, id)).thenReturn(ADMIN);
    }

    private LegacyEnterpriseImported imported() {
        return new LegacyEnterpriseImported(id, "测试贸易有限公司", uscc, uscc.orgCode(),
                new LegalRepresentative("张三", DocumentType.RESIDENT_ID_CARD, "11010519491231002X"),
                EnterpriseOrigin.LEGACY_INSPECTION, adminId);
    }

    private CertificationPassed bankPassed() {
        return new CertificationPassed(id, "bank-1", CertificationMethod.BANK_UKEY, SecurityLevel.HIGH, true, null);
    }

    private OwnerIdentityVerificationStarted started() {
        return new OwnerIdentityVerificationStarted(id, ATTEMPT, adminId, ADMIN);
    }

    @Test
    void after_a_bank_ukey_the_owners_identity_has_an_attempt_of_its_own_at_the_owners_step() {
        fixture.given(imported(), new BankUkeyCertificationStarted(id, "bank-1", adminId, Bank.CCB), bankPassed())
                .when(new StartOwnerIdentityVerification(id, ATTEMPT, adminId))
                .expectEvents(started())
                .expectResultMessagePayload(new StepResult(ATTEMPT, 3, null));
    }

    @Test
    void the_owner_verified_by_id_card_completes_it_without_a_level_of_its_own() {
        when(ctid.verify("李四", "110101199003070011", ADMIN_CARD)).thenReturn(Verdict.MATCH);
        fixture.given(imported(), bankPassed(), started())
                .when(new VerifyIdentityByIdCard(id, ATTEMPT, IdentitySubject.ADMINISTRATOR, "李四",
                        "110101199003070011", ADMIN_CARD))
                .expectEvents(new IdentityVerified(id, ATTEMPT, IdentitySubject.ADMINISTRATOR,
                                VerificationRoute.ID_CARD, CertificationMethod.OWNER_IDENTITY),
                        new CertificationPassed(id, ATTEMPT, CertificationMethod.OWNER_IDENTITY, SecurityLevel.NONE,
                                false, adminId));
        verify(administrators).confirmIdentity(adminId, CertificationMethod.OWNER_IDENTITY);
    }

    @Test
    void the_legal_representatives_step_is_not_part_of_it() {
        fixture.given(imported(), bankPassed(), started())
                .when(new VerifyIdentityByIdCard(id, ATTEMPT, IdentitySubject.LEGAL_REP, "张三", "11010519491231002X",
                        ADMIN_CARD))
                .expectEvents(new CertificationStepRefused(id, ATTEMPT, CertificationMethod.OWNER_IDENTITY,
                        "VerifyIdentityByIdCard", "STEP_OUT_OF_ORDER"))
                .expectResultMessagePayload(new Refused(CertificationRejections.STEP_OUT_OF_ORDER));
    }

    @Test
    void an_owner_verified_already_is_not_verified_again() {
        fixture.given(imported(), bankPassed(), started(), new CertificationPassed(id, ATTEMPT,
                        CertificationMethod.OWNER_IDENTITY, SecurityLevel.NONE, false, adminId))
                .when(new StartOwnerIdentityVerification(id, "owner-2", adminId))
                .expectEvents(new CertificationStepRefused(id, "owner-2", CertificationMethod.OWNER_IDENTITY,
                        "StartOwnerIdentityVerification", "NOT_APPLICABLE"))
                .expectResultMessagePayload(new Refused(CertificationRejections.OWNER_ALREADY_VERIFIED));
    }

    @Test
    void a_code_asked_for_too_soon_is_refused_and_the_refusal_recorded_with_the_phone_masked() {
        when(smsCodes.issue(eq(ATTEMPT), eq(IdentitySubject.ADMINISTRATOR), eq("13812345678"),
                eq("6222021234567890123"), any())).thenReturn(new SmsCodes.Issue(null,
                SmsCodes.Refusal.RESEND_TOO_SOON));
        fixture.given(imported(), bankPassed(), started())
                .when(new SendBankCardSmsCode(id, ATTEMPT, IdentitySubject.ADMINISTRATOR, "6222021234567890123",
                        "13812345678"))
                .expectEvents(new SmsCodeRefused(id, ATTEMPT, IdentitySubject.ADMINISTRATOR, "138****5678",
                        "TOO_MANY_ATTEMPTS"))
                .expectResultMessagePayload(new Refused(CertificationRejections.SMS_RESEND_TOO_SOON));
    }

    @Test
    void a_code_the_gateway_would_not_take_is_withdrawn_and_the_refusal_recorded() {
        when(smsCodes.issue(eq(ATTEMPT), eq(IdentitySubject.ADMINISTRATOR), eq("13812345678"),
                eq("6222021234567890123"), any())).thenReturn(new SmsCodes.Issue(new SmsCodes.Issued("123456",
                java.time.Instant.now().plusSeconds(300), java.time.Instant.now().plusSeconds(60)), null));
        doThrow(new ProviderUnavailableException("SMS gateway", "down")).when(sms).send(anyString(), anyString());
        fixture.given(imported(), bankPassed(), started())
                .when(new SendBankCardSmsCode(id, ATTEMPT, IdentitySubject.ADMINISTRATOR, "6222021234567890123",
                        "13812345678"))
                .expectEvents(new SmsCodeRefused(id, ATTEMPT, IdentitySubject.ADMINISTRATOR, "138****5678",
                        "SMS_UNAVAILABLE"))
                .expectResultMessagePayload(new Refused(CertificationRejections.SMS_UNAVAILABLE));
        verify(smsCodes).withdraw(eq(ATTEMPT), eq(IdentitySubject.ADMINISTRATOR), eq("13812345678"), any());
    }
}
