package cn.singlewindow.realname.command.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.account.AccountInfoChanged;
import cn.singlewindow.realname.messages.account.AccountLoggedIn;
import cn.singlewindow.realname.messages.account.AccountOpened;
import cn.singlewindow.realname.messages.account.AccountOwner;
import cn.singlewindow.realname.messages.account.AccountRole;
import cn.singlewindow.realname.messages.account.ChangeAccountInfo;
import cn.singlewindow.realname.messages.account.DocumentType;
import cn.singlewindow.realname.messages.account.OwnerIdentityVerified;
import cn.singlewindow.realname.messages.certification.CertificationMethod;
import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.common.Versions;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountTest {

    private static final AccountOwner LI_SI = new AccountOwner("李四", DocumentType.RESIDENT_ID_CARD,
            "110101199003070011", "20200101", "20400101");
    private static final AccountOwner WANG_WU = new AccountOwner("王五", DocumentType.RESIDENT_ID_CARD,
            "11010519491231002X", "20150101", "00000000");

    private final AccountId id = AccountId.create();
    private final EnterpriseId enterprise = EnterpriseId.create();
    private final InMemoryOwnerDocuments documents = new InMemoryOwnerDocuments();
    private FixtureConfiguration<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
        fixture.registerInjectableResource(documents);
        documents.claim(enterprise, LI_SI.documentNumber(), id);
    }

    private AccountOpened opened() {
        return new AccountOpened(id, enterprise, "admin01", AccountRole.ADMINISTRATOR, LI_SI);
    }

    @Test
    void an_owner_changes_their_account_information_and_the_document_claim_moves() {
        fixture.given(opened())
                .when(new ChangeAccountInfo(id, WANG_WU))
                .expectEvents(new AccountInfoChanged(id, enterprise, WANG_WU))
                .expectResultMessagePayload(1L);
        assertThat(documents.holderOf(enterprise, WANG_WU.documentNumber())).isEqualTo(id);
        assertThat(documents.holderOf(enterprise, LI_SI.documentNumber())).isNull();
    }

    @Test
    void a_document_number_another_account_of_the_enterprise_holds_is_refused() {
        documents.claim(enterprise, WANG_WU.documentNumber(), AccountId.create());
        fixture.given(opened())
                .when(new ChangeAccountInfo(id, WANG_WU))
                .expectNoEvents()
                .expectException(RejectedException.class)
                .expectExceptionMessage(startsWith("DUPLICATE_DOCUMENT_NUMBER"));
    }

    @Test
    void the_same_document_number_in_another_enterprise_is_allowed() {
        documents.claim(EnterpriseId.create(), WANG_WU.documentNumber(), AccountId.create());
        fixture.given(opened())
                .when(new ChangeAccountInfo(id, WANG_WU))
                .expectEvents(new AccountInfoChanged(id, enterprise, WANG_WU));
    }

    @Test
    void the_same_information_again_changes_nothing_and_says_so() {
        // Not the aggregate's version: after a login that is an event the account's read model does not show.
        fixture.given(opened(), new AccountLoggedIn(id, enterprise, "PASSWORD"))
                .when(new ChangeAccountInfo(id, LI_SI))
                .expectNoEvents()
                .expectResultMessagePayload(Versions.NOTHING_CHANGED);
    }

    @Test
    void a_verified_owner_can_no_longer_be_replaced() {
        fixture.given(opened(), new OwnerIdentityVerified(id, enterprise, CertificationMethod.LEGAL_REP))
                .when(new ChangeAccountInfo(id, WANG_WU))
                .expectNoEvents()
                .expectExceptionMessage(startsWith("IDENTITY_LOCKED"));
    }

    @Test
    void a_verified_owner_may_still_renew_the_validity_dates() {
        AccountOwner renewed = new AccountOwner("李四", DocumentType.RESIDENT_ID_CARD, "110101199003070011",
                "20240101", "20440101");
        fixture.given(opened(), new OwnerIdentityVerified(id, enterprise, CertificationMethod.LEGAL_REP))
                .when(new ChangeAccountInfo(id, renewed))
                .expectEvents(new AccountInfoChanged(id, enterprise, renewed));
    }

    public static final class InMemoryOwnerDocuments implements OwnerDocumentRegistry {

        private final Map<String, AccountId> holders = new HashMap<>();

        @Override
        public void claim(EnterpriseId enterpriseId, String documentNumber, AccountId accountId) {
            if (holders.putIfAbsent(enterpriseId + "/" + documentNumber, accountId) != null) {
                throw new RejectedException(AccountRejections.DUPLICATE_DOCUMENT_NUMBER);
            }
        }

        @Override
        public java.util.Optional<AccountId> accountOf(EnterpriseId enterpriseId, String documentNumber) {
            return java.util.Optional.ofNullable(holders.get(enterpriseId + "/" + documentNumber));
        }

        @Override
        public void release(EnterpriseId enterpriseId, String documentNumber, AccountId accountId) {
            holders.remove(enterpriseId + "/" + documentNumber, accountId);
        }

        @Override
        public void forget(String documentNumber) {
            holders.keySet().removeIf(key -> key.endsWith("/" + documentNumber));
        }

        AccountId holderOf(EnterpriseId enterpriseId, String documentNumber) {
            return holders.get(enterpriseId + "/" + documentNumber);
        }
    }
}
