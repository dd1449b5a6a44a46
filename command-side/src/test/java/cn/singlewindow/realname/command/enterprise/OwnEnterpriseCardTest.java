package cn.singlewindow.realname.command.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.messages.account.AccountOwner;
import cn.singlewindow.realname.messages.account.DocumentType;
import cn.singlewindow.realname.messages.card.CardCheck;
import cn.singlewindow.realname.messages.card.CardType;
import cn.singlewindow.realname.messages.certification.FailureReason;
import cn.singlewindow.realname.messages.enterprise.Uscc;
import cn.singlewindow.realname.messages.testing.SampleCodes;
import org.junit.jupiter.api.Test;

class OwnEnterpriseCardTest {

    private final Uscc uscc = Uscc.of(SampleCodes.randomUscc());
    private final AccountOwner owner = new AccountOwner("李四", DocumentType.RESIDENT_ID_CARD, "110101199003070011",
            "20200101", "20400101");

    private CardCheck card(String orgCode, String holder) {
        return new CardCheck("5f3a", "CN=China E-Port CA", CardType.OPERATOR, "测试贸易有限公司", orgCode, holder, null);
    }

    @Test
    void a_trusted_card_of_this_enterprise_certifies_it() {
        assertThat(OwnEnterpriseCard.failure(card(uscc.orgCode().value(), "11010519491231002X"), uscc.orgCode()))
                .isNull();
    }

    @Test
    void another_enterprises_card_and_an_untrusted_card_do_not() {
        Uscc other = Uscc.of(SampleCodes.randomUscc());
        assertThat(OwnEnterpriseCard.failure(card(other.orgCode().value(), null), uscc.orgCode()))
                .isEqualTo(FailureReason.CARD_ENTERPRISE_MISMATCH);
        assertThat(OwnEnterpriseCard.failure(CardCheck.failed("5f3a", "CN=Elsewhere",
                FailureReason.CERTIFICATE_UNTRUSTED), uscc.orgCode())).isEqualTo(FailureReason.CERTIFICATE_UNTRUSTED);
    }

    @Test
    void the_owners_identity_counts_only_when_the_owner_holds_the_card() {
        assertThat(OwnEnterpriseCard.heldByOwner(card(uscc.orgCode().value(), "110101199003070011"), owner)).isTrue();
        assertThat(OwnEnterpriseCard.heldByOwner(card(uscc.orgCode().value(), "11010519491231002X"), owner)).isFalse();
        assertThat(OwnEnterpriseCard.heldByOwner(card(uscc.orgCode().value(), null), owner)).isFalse();
        assertThat(OwnEnterpriseCard.heldByOwner(card(uscc.orgCode().value(), "110101199003070011"), null)).isFalse();
    }
}
