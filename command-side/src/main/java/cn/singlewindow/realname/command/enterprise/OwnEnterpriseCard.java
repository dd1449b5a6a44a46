package cn.singlewindow.realname.command.enterprise;

import cn.singlewindow.realname.messages.account.AccountOwner;
import cn.singlewindow.realname.messages.card.CardCheck;
import cn.singlewindow.realname.messages.certification.FailureReason;
import cn.singlewindow.realname.messages.enterprise.OrgCode;

/**
 * Manual §2.5.1: the card must be the enterprise's own, legal-person or operator card, which the card bridge has found
 * trusted and signing. It verifies the enterprise's information; the owner's identity too when the card's holder is
 * the account owner.
 */
final class OwnEnterpriseCard {

    private OwnEnterpriseCard() {
    }

    /** Why the card does not certify this enterprise, or null when it does. */
    static FailureReason failure(CardCheck check, OrgCode enterprise) {
        if (!check.passed()) {
            return check.failureCode();
        }
        return enterprise.value().equals(check.orgCode()) ? null : FailureReason.CARD_ENTERPRISE_MISMATCH;
    }

    static boolean heldByOwner(CardCheck check, AccountOwner owner) {
        return owner != null && check.holderIdNumber() != null && check.holderIdNumber().equals(owner.documentNumber());
    }
}
