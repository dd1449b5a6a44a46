package cn.singlewindow.realname.command.account;

import static org.hamcrest.Matchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import cn.singlewindow.realname.command.enterprise.InMemoryUsccRegistry;
import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.account.AccountOpened;
import cn.singlewindow.realname.messages.account.AccountOwner;
import cn.singlewindow.realname.messages.account.AccountRole;
import cn.singlewindow.realname.messages.account.DecideOperatorUpgrade;
import cn.singlewindow.realname.messages.account.DocumentType;
import cn.singlewindow.realname.messages.account.OperatorUpgradeApproved;
import cn.singlewindow.realname.messages.account.OperatorUpgradeRejected;
import cn.singlewindow.realname.messages.account.OperatorUpgradeRequested;
import cn.singlewindow.realname.messages.account.RequestOperatorUpgrade;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import cn.singlewindow.realname.messages.enterprise.Uscc;
import cn.singlewindow.realname.messages.testing.SampleCodes;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Manual §三: a personal account becomes an enterprise operator with the administrator's approval. */
class OperatorUpgradeTest {

    private static final AccountOwner ZHAO_LIU = new AccountOwner("赵六", DocumentType.RESIDENT_ID_CARD,
            "11010519491231002X", "20150101", "00000000");

    private final AccountId applicant = AccountId.create();
    private final EnterpriseId enterprise = EnterpriseId.create();
    private final Uscc uscc = Uscc.of(SampleCodes.randomUscc());
    private final InMemoryUsccRegistry enterprises = new InMemoryUsccRegistry();
    private final AccountTest.InMemoryOwnerDocuments documents = new AccountTest.InMemoryOwnerDocuments();
    private final CredentialStore credentials = mock(CredentialStore.class);
    private FixtureConfiguration<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
        fixture.registerInjectableResource(enterprises);
        fixture.registerInjectableResource(documents);
        fixture.registerInjectableResource(credentials);
        enterprises.claim(uscc, enterprise);
    }

    private AccountOpened personal() {
        return new AccountOpened(applicant, null, "zhaoliu", AccountRole.PERSONAL, ZHAO_LIU);
    }

    private OperatorUpgradeRequested requested() {
        return new OperatorUpgradeRequested("r-1", applicant, enterprise, "zhaoliu", ZHAO_LIU);
    }

    @Test
    void a_personal_account_asks_to_join_the_enterprise_with_that_uscc() {
        fixture.given(personal())
                .when(new RequestOperatorUpgrade(applicant, "r-1", uscc))
                .expectEvents(requested());
    }

    @Test
    void an_unknown_uscc_is_refused() {
        fixture.given(personal())
                .when(new RequestOperatorUpgrade(applicant, "r-1", Uscc.of(SampleCodes.randomUscc())))
                .expectNoEvents()
                .expectExceptionMessage(startsWith("ENTERPRISE_NOT_FOUND"));
    }

    @Test
    void only_one_request_waits_at_a_time() {
        fixture.given(personal(), requested())
                .when(new RequestOperatorUpgrade(applicant, "r-2", uscc))
                .expectNoEvents()
                .expectExceptionMessage(startsWith("UPGRADE_ALREADY_PENDING"));
    }

    @Test
    void an_enterprise_account_cannot_ask() {
        fixture.given(new AccountOpened(applicant, enterprise, "admin9", AccountRole.ADMINISTRATOR, ZHAO_LIU))
                .when(new RequestOperatorUpgrade(applicant, "r-1", uscc))
                .expectNoEvents()
                .expectExceptionMessage(startsWith("NOT_APPLICABLE"));
    }

    @Test
    void approval_makes_the_applicant_an_operator_of_the_enterprise() {
        fixture.given(personal(), requested())
                .when(new DecideOperatorUpgrade(applicant, "r-1", enterprise, true, null))
                .expectEvents(new OperatorUpgradeApproved("r-1", applicant, enterprise, null));
        verify(credentials).joinEnterprise(applicant, enterprise, AccountRole.OPERATOR);
    }

    @Test
    void approval_is_refused_when_another_account_of_the_enterprise_has_the_same_owner_document() {
        documents.claim(enterprise, ZHAO_LIU.documentNumber(), AccountId.create());
        fixture.given(personal(), requested())
                .when(new DecideOperatorUpgrade(applicant, "r-1", enterprise, true, null))
                .expectNoEvents()
                .expectExceptionMessage(startsWith("DUPLICATE_DOCUMENT_NUMBER"));
        verify(credentials, never()).joinEnterprise(applicant, enterprise, AccountRole.OPERATOR);
    }

    @Test
    void a_rejection_needs_a_reason() {
        fixture.given(personal(), requested())
                .when(new DecideOperatorUpgrade(applicant, "r-1", enterprise, false, " "))
                .expectNoEvents()
                .expectExceptionMessage(startsWith("VALIDATION_FAILED"));
    }

    @Test
    void a_rejected_applicant_may_ask_again() {
        fixture.given(personal(), requested(), new OperatorUpgradeRejected("r-1", applicant, enterprise, "不认识"))
                .when(new RequestOperatorUpgrade(applicant, "r-2", uscc))
                .expectEvents(new OperatorUpgradeRequested("r-2", applicant, enterprise, "zhaoliu", ZHAO_LIU));
    }

    @Test
    void another_enterprise_cannot_decide_a_request_it_did_not_receive() {
        fixture.given(personal(), requested())
                .when(new DecideOperatorUpgrade(applicant, "r-1", EnterpriseId.create(), true, null))
                .expectNoEvents()
                .expectExceptionMessage(startsWith("REQUEST_NOT_PENDING"));
    }

    @Test
    void a_decided_request_cannot_be_decided_again() {
        fixture.given(personal(), requested(), new OperatorUpgradeApproved("r-1", applicant, enterprise, null))
                .when(new DecideOperatorUpgrade(applicant, "r-1", enterprise, false, "改主意了"))
                .expectNoEvents()
                .expectExceptionMessage(startsWith("REQUEST_NOT_PENDING"));
    }
}
