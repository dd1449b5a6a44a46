package cn.singlewindow.realname.command.enterprise;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.singlewindow.realname.command.certification.AdministratorDirectory;
import cn.singlewindow.realname.messages.certification.FailureReason;
import cn.singlewindow.realname.command.certification.CertificationPolicy;
import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.account.AccountOwner;
import cn.singlewindow.realname.messages.account.DocumentType;
import cn.singlewindow.realname.messages.card.Bank;
import cn.singlewindow.realname.messages.card.BankUkeyCallbackRejected;
import cn.singlewindow.realname.messages.card.BankUkeyCertificationStarted;
import cn.singlewindow.realname.messages.card.BankUkeyResultReceived;
import cn.singlewindow.realname.messages.card.RecordBankUkeyResult;
import cn.singlewindow.realname.messages.card.StartBankUkeyCertification;
import cn.singlewindow.realname.messages.certification.CertificationAttemptExpired;
import cn.singlewindow.realname.messages.certification.CertificationMethod;
import cn.singlewindow.realname.messages.certification.CertificationPassed;
import cn.singlewindow.realname.messages.certification.SecurityLevel;
import cn.singlewindow.realname.messages.certification.StepResult;
import cn.singlewindow.realname.messages.common.Versions;
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

/** Manual §2.5.6: one bank attempt waits at a time; each answer finishes its own attempt; unanswered ones expire. */
class BankUkeyCertificationTest {

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

    private BankUkeyCertificationStarted started(String attemptId, Bank bank) {
        return new BankUkeyCertificationStarted(id, attemptId, adminId, bank);
    }

    @Test
    void starting_again_through_the_same_bank_answers_the_attempt_already_open() {
        fixture.given(imported(), started("b-1", Bank.CCB))
                .when(new StartBankUkeyCertification(id, "b-2", adminId, Bank.CCB))
                .expectNoEvents()
                .expectResultMessagePayload(new StepResult("b-1", Versions.NOTHING_CHANGED, null));
    }

    @Test
    void starting_through_another_bank_closes_the_open_attempt_first() {
        fixture.given(imported(), started("b-1", Bank.CCB))
                .when(new StartBankUkeyCertification(id, "b-2", adminId, Bank.ABC))
                .expectEvents(new CertificationAttemptExpired(id, "b-1", CertificationMethod.BANK_UKEY),
                        started("b-2", Bank.ABC));
    }

    @Test
    void an_attempt_the_bank_never_answers_expires_and_a_late_answer_is_kept_as_rejected() {
        fixture.given(imported())
                .andGivenCommands(new StartBankUkeyCertification(id, "b-1", adminId, Bank.CMBC))
                .whenTimeElapses(Duration.ofMinutes(31))
                .expectEvents(new CertificationAttemptExpired(id, "b-1", CertificationMethod.BANK_UKEY));
        fixture.given(imported(), started("b-1", Bank.CMBC),
                        new CertificationAttemptExpired(id, "b-1", CertificationMethod.BANK_UKEY))
                .when(new RecordBankUkeyResult(id, "b-1", Bank.CMBC, null, false))
                .expectEvents(new BankUkeyCallbackRejected(id, "b-1", Bank.CMBC, FailureReason.ATTEMPT_CLOSED));
    }

    @Test
    void the_banks_answer_finishes_its_attempt_and_passes_the_method() {
        fixture.given(imported(), started("b-1", Bank.CCB))
                .when(new RecordBankUkeyResult(id, "b-1", Bank.CCB, null, false))
                .expectEvents(new BankUkeyResultReceived(id, "b-1", Bank.CCB, null),
                        new CertificationPassed(id, "b-1", CertificationMethod.BANK_UKEY, SecurityLevel.HIGH, true,
                                null));
    }
}
