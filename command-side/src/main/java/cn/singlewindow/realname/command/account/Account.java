package cn.singlewindow.realname.command.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.account.AccountInfoChanged;
import cn.singlewindow.realname.messages.account.AccountLoggedIn;
import cn.singlewindow.realname.messages.account.AccountOpened;
import cn.singlewindow.realname.messages.account.AccountOwner;
import cn.singlewindow.realname.messages.account.AccountRole;
import cn.singlewindow.realname.messages.account.ChangeAccountInfo;
import cn.singlewindow.realname.messages.account.LoginRejected;
import cn.singlewindow.realname.messages.account.OwnerIdentityVerified;
import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A user account: an enterprise's administrator, operator, a personal account, or a staff member. */
@Aggregate(cache = "aggregateCache")
public class Account {

    @AggregateIdentifier
    private AccountId accountId;
    private EnterpriseId enterpriseId;
    private AccountRole role;
    private AccountOwner owner;
    private boolean identityVerified;

    protected Account() {
        // for Axon
    }

    Account(AccountId accountId, EnterpriseId enterpriseId, String username, AccountRole role, AccountOwner owner) {
        apply(new AccountOpened(accountId, enterpriseId, username, role, owner));
    }

    /** Manual §2.4. Answers the account's new version. */
    @CommandHandler
    long handle(ChangeAccountInfo command, OwnerDocumentRegistry documents) {
        AccountOwner changed = command.owner();
        if (changed.equals(owner)) {
            return getVersion();
        }
        if (identityVerified && !changed.sameIdentityAs(owner)) {
            throw new RejectedException(AccountRejections.IDENTITY_LOCKED);
        }
        String oldNumber = owner == null ? null : owner.documentNumber();
        if (enterpriseId != null && !changed.documentNumber().equals(oldNumber)) {
            if (oldNumber != null) {
                documents.release(enterpriseId, oldNumber, accountId);
            }
            documents.claim(enterpriseId, changed.documentNumber(), accountId);
        }
        apply(new AccountInfoChanged(accountId, enterpriseId, changed));
        return getVersion();
    }

    void recordLogin(String method) {
        apply(new AccountLoggedIn(accountId, enterpriseId, method));
    }

    void recordRejectedLogin(String reasonCode) {
        apply(new LoginRejected(accountId, enterpriseId, reasonCode));
    }

    @EventSourcingHandler
    void on(AccountOpened event) {
        accountId = event.accountId();
        enterpriseId = event.enterpriseId();
        role = event.role();
        owner = event.owner();
    }

    @EventSourcingHandler
    void on(AccountInfoChanged event) {
        owner = event.owner();
    }

    @EventSourcingHandler
    void on(OwnerIdentityVerified event) {
        identityVerified = true;
    }
}
