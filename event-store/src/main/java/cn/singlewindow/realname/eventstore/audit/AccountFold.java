package cn.singlewindow.realname.eventstore.audit;

import cn.singlewindow.realname.messages.account.AccountDisabled;
import cn.singlewindow.realname.messages.account.AccountEnabled;
import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.account.AccountInfoChanged;
import cn.singlewindow.realname.messages.account.AccountOpened;
import cn.singlewindow.realname.messages.account.AccountOwner;
import cn.singlewindow.realname.messages.account.AccountRole;
import cn.singlewindow.realname.messages.account.AccountView;
import cn.singlewindow.realname.messages.account.OperatorUpgradeApproved;
import cn.singlewindow.realname.messages.account.OwnerIdentityVerified;
import cn.singlewindow.realname.messages.common.Masking;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

/** An account's stream folded, event by event, into the account as the read side shows it (numbers masked). */
final class AccountFold {

    private AccountOpened opened;
    private EnterpriseId enterpriseId;
    private AccountRole role;
    private AccountOwner owner;
    private boolean identityVerified;
    private boolean enabled = true;
    private long version;

    void apply(Object event, long sequence) {
        version = sequence;
        if (event instanceof AccountOpened e) {
            opened = e;
            enterpriseId = e.enterpriseId();
            role = e.role();
            owner = e.owner();
        } else if (event instanceof AccountInfoChanged e) {
            owner = e.owner();
        } else if (event instanceof OwnerIdentityVerified) {
            identityVerified = true;
        } else if (event instanceof OperatorUpgradeApproved e) {
            role = AccountRole.OPERATOR;
            enterpriseId = e.enterpriseId();
        } else if (event instanceof AccountDisabled) {
            enabled = false;
        } else if (event instanceof AccountEnabled) {
            enabled = true;
        }
    }

    /** The account then, if it existed and belonged to the enterprise. */
    AccountView view(AccountId id, EnterpriseId of) {
        if (opened == null || !of.equals(enterpriseId)) {
            return null;
        }
        return new AccountView(id, enterpriseId, opened.username(), role, owner == null ? null : owner.name(),
                owner == null ? null : owner.documentType(),
                owner == null ? null : Masking.documentNumber(owner.documentNumber()),
                owner == null ? null : owner.idValidFrom(), owner == null ? null : owner.idValidTo(),
                identityVerified, enabled, version);
    }
}
