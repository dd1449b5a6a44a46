package cn.singlewindow.realname.command.enterprise;

import static org.hamcrest.Matchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.ArgumentMatchers.any;

import cn.singlewindow.realname.command.certification.AdministratorDirectory;
import cn.singlewindow.realname.messages.certification.FailureReason;
import cn.singlewindow.realname.command.certification.CertificationPolicy;
import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.account.AccountOwner;
import cn.singlewindow.realname.messages.account.DocumentType;
import cn.singlewindow.realname.messages.card.CardCheck;
import cn.singlewindow.realname.messages.card.CardType;
import cn.singlewindow.realname.messages.card.CertifyByIcCard;
import cn.singlewindow.realname.messages.card.IcCardCertificationAttempted;
import cn.singlewindow.realname.messages.certification.CertificationMethod;
import cn.singlewindow.realname.messages.certification.CertificationPassed;
import cn.singlewindow.realname.messages.certification.CertificationStepRefused;
import cn.singlewindow.realname.messages.common.Refused;
import cn.singlewindow.realname.messages.certification.SecurityLevel;
import cn.singlewindow.realname.messages.certification.StepResult;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import cn.singlewindow.realname.messages.enterprise.EnterpriseOrigin;
import cn.singlewindow.realname.messages.enterprise.LegacyEnterpriseImported;
import cn.singlewindow.realname.messages.enterprise.LegalRepresentative;
import cn.singlewindow.realname.messages.enterprise.Uscc;
import cn.singlewindow.realname.messages.testing.SampleCodes;
import java.time.Duration;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Manual §2.5.1: the enterprise's own card (legal-person or operator) passes the method at level HIGH. */
class IcCardCertificationTest {

    private static final AccountOwner ADMIN = new AccountOwner("李四", DocumentType.RESIDENT_ID_CARD,
            "110101199003070011", "20200101", "20400101");

    private final EnterpriseId id = EnterpriseId.create();
    private final AccountId adminId = AccountId.create();
    private final Uscc uscc = Uscc.of(SampleCodes.randomUscc());
    private final AdministratorDirectory administrators = mock(AdministratorDirectory.class);
    private FixtureConfiguration<Enterprise> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Enterprise.class);
        fixture.registerInjectableResource(administrators);
        fixture.registerInjectableResource(new CertificationPolicy(Duration.ofMinutes(30), 5, 10,
                SecurityLevel.MEDIUM, SecurityLevel.HIGH, SecurityLevel.HIGH));
        when(administrators.ownerOf(adminId, id)).thenReturn(ADMIN);
    }

    private LegacyEnterpriseImported imported() {
        return new LegacyEnterpriseImported(id, "测试贸易有限公司", uscc, uscc.orgCode(),
                new LegalRepresentative("张三", DocumentType.RESIDENT_ID_CARD, "11010519491231002X"),
                EnterpriseOrigin.LOCAL_SYSTEM, adminId);
    }

    private CardCheck card(String orgCode, String holderId, FailureReason failure) {
        return new CardCheck("5f3a", "CN=China E-Port CA", CardType.OPERATOR, "测试贸易有限公司", orgCode, holderId,
                failure);
    }

    @Test
    void the_account_owners_own_card_passes_at_level_high_and_verifies_both_aspects() {
        fixture.given(imported())
                .when(new CertifyByIcCard(id, "a-1", adminId, card(uscc.orgCode().value(), ADMIN.documentNumber(),
                        null)))
                .expectEvents(new IcCardCertificationAttempted(id, "a-1", "5f3a", "CN=China E-Port CA",
                                CardType.OPERATOR, null),
                        new CertificationPassed(id, "a-1", CertificationMethod.IC_CARD, SecurityLevel.HIGH, true,
                                adminId))
                .expectResultMessagePayload(new StepResult("a-1", 2, null));
        verify(administrators).confirmIdentity(adminId, CertificationMethod.IC_CARD);
    }

    @Test
    void a_legal_person_card_held_by_someone_else_verifies_the_enterprise_but_not_the_owner() {
        fixture.given(imported())
                .when(new CertifyByIcCard(id, "a-1", adminId, card(uscc.orgCode().value(), "11010519491231002X",
                        null)))
                .expectEvents(new IcCardCertificationAttempted(id, "a-1", "5f3a", "CN=China E-Port CA",
                                CardType.OPERATOR, null),
                        new CertificationPassed(id, "a-1", CertificationMethod.IC_CARD, SecurityLevel.HIGH, true,
                                null));
        verify(administrators, never()).confirmIdentity(any(), any());
    }

    @Test
    void another_enterprises_card_is_recorded_as_a_mismatch() {
        String otherOrgCode = SampleCodes.orgCodeFor(SampleCodes.randomOrgBody());
        fixture.given(imported())
                .when(new CertifyByIcCard(id, "a-1", adminId, card(otherOrgCode, ADMIN.documentNumber(), null)))
                .expectEvents(new IcCardCertificationAttempted(id, "a-1", "5f3a", "CN=China E-Port CA",
                        CardType.OPERATOR, FailureReason.CARD_ENTERPRISE_MISMATCH))
                .expectResultMessagePayload(new StepResult("a-1", 1, FailureReason.CARD_ENTERPRISE_MISMATCH));
    }

    @Test
    void a_card_the_bridge_refused_is_recorded_with_its_certificate_and_reason() {
        fixture.given(imported())
                .when(new CertifyByIcCard(id, "a-1", adminId,
                        CardCheck.failed("5f3a", "CN=Elsewhere", FailureReason.CERTIFICATE_UNTRUSTED)))
                .expectEvents(new IcCardCertificationAttempted(id, "a-1", "5f3a", "CN=Elsewhere", null,
                        FailureReason.CERTIFICATE_UNTRUSTED));
    }

    @Test
    void once_passed_the_card_method_is_not_started_again() {
        fixture.given(imported(), new CertificationPassed(id, "a-1", CertificationMethod.IC_CARD,
                        SecurityLevel.HIGH, true, adminId))
                .when(new CertifyByIcCard(id, "a-2", adminId, card(uscc.orgCode().value(), ADMIN.documentNumber(),
                        null)))
                .expectEvents(new CertificationStepRefused(id, "a-2", CertificationMethod.IC_CARD, "CertifyByIcCard",
                        "NOT_APPLICABLE"))
                .expectResultMessagePayload(new Refused(CertificationRejections.ALREADY_PASSED));
    }
}
