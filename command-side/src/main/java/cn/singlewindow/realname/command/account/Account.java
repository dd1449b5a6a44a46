package cn.singlewindow.realname.command.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.account.AccountLoggedIn;
import cn.singlewindow.realname.messages.account.AccountOpened;
import cn.singlewindow.realname.messages.account.AccountOwner;
import cn.singlewindow.realname.messages.account.AccountRole;
import cn.singlewindow.realname.messages.account.LoginRejected;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
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

    protected Account() {
        // for Axon
    }

    Account(AccountId accountId, EnterpriseId enterpriseId, String username, AccountRole role, AccountOwner owner) {
        apply(new AccountOpened(accountId, enterpriseId, username, role, owner));
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
}
