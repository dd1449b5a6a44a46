package cn.singlewindow.realname.command.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import cn.singlewindow.realname.messages.account.AccountDisabled;
import cn.singlewindow.realname.messages.account.AccountEnabled;
import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.account.PasswordChanged;
import cn.singlewindow.realname.messages.account.SessionEnded;
import cn.singlewindow.realname.messages.account.SetAccountEnabled;
import cn.singlewindow.realname.messages.account.AccountInfoChanged;
import cn.singlewindow.realname.messages.account.AccountLocked;
import cn.singlewindow.realname.messages.account.AccountUnlocked;
import cn.singlewindow.realname.messages.account.AccountLoggedIn;
import cn.singlewindow.realname.messages.account.AccountOpened;
import cn.singlewindow.realname.messages.account.AccountOwner;
import cn.singlewindow.realname.messages.account.AccountRole;
import cn.singlewindow.realname.command.enterprise.UsccRegistry;
import cn.singlewindow.realname.messages.account.ChangeAccountInfo;
import cn.singlewindow.realname.messages.account.DecideOperatorUpgrade;
import cn.singlewindow.realname.messages.account.OperatorUpgradeApproved;
import cn.singlewindow.realname.messages.account.OperatorUpgradeRejected;
import cn.singlewindow.realname.messages.account.OperatorUpgradeRequested;
import cn.singlewindow.realname.messages.account.RequestOperatorUpgrade;
import cn.singlewindow.realname.messages.account.LoginRejected;
import cn.singlewindow.realname.messages.account.OwnerIdentityVerified;
import cn.singlewindow.realname.messages.account.UnlockAccount;
import cn.singlewindow.realname.messages.certification.CertificationMethod;
import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.common.Versions;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import java.time.Instant;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A user account: an enterprise's administrator, operator, a personal account, or a staff member. */
@Aggregate(cache = "aggregateCache")
class Account {

    @AggregateIdentifier
    private AccountId accountId;
    private EnterpriseId enterpriseId;
    private AccountRole role;
    private AccountOwner owner;
    private boolean identityVerified;
    private String username;
    private PendingUpgrade pendingUpgrade;
    private boolean disabled;

    protected Account() {
        // for Axon
    }

    Account(AccountId accountId, EnterpriseId enterpriseId, String username, AccountRole role, AccountOwner owner) {
        apply(new AccountOpened(accountId, enterpriseId, username, role, owner));
    }

    /** Manual §2.4. Answers the account's new version, or {@link Versions#NOTHING_CHANGED}. */
    @CommandHandler
    long handle(ChangeAccountInfo command, OwnerDocumentRegistry documents) {
        AccountOwner changed = command.owner();
        if (changed.equals(owner)) {
            return Versions.NOTHING_CHANGED;
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

    /** Manual §三: a personal account asks to join an enterprise; one request waits at a time. */
    @CommandHandler
    void handle(RequestOperatorUpgrade command, UsccRegistry enterprises) {
        if (role != AccountRole.PERSONAL) {
            throw new RejectedException(AccountRejections.NOT_PERSONAL);
        }
        if (pendingUpgrade != null) {
            throw new RejectedException(AccountRejections.UPGRADE_ALREADY_PENDING);
        }
        EnterpriseId target = enterprises.holderOf(command.uscc())
                .orElseThrow(() -> new RejectedException(AccountRejections.ENTERPRISE_NOT_FOUND));
        apply(new OperatorUpgradeRequested(command.requestId(), accountId, target, username, owner));
    }

    /** The enterprise's administrator decides; approval makes this account an OPERATOR of the enterprise. */
    @CommandHandler
    void handle(DecideOperatorUpgrade command, OwnerDocumentRegistry documents, CredentialStore credentials) {
        if (pendingUpgrade == null || !pendingUpgrade.requestId().equals(command.requestId())
                || !pendingUpgrade.enterpriseId().equals(command.enterpriseId())) {
            throw new RejectedException(AccountRejections.REQUEST_NOT_PENDING);
        }
        String reason = command.reason() == null ? null : command.reason().strip();
        if (reason != null && reason.length() > 200 || !command.approve() && (reason == null || reason.isEmpty())) {
            throw new RejectedException(AccountRejections.REASON_REQUIRED);
        }
        if (!command.approve()) {
            apply(new OperatorUpgradeRejected(command.requestId(), accountId, command.enterpriseId(), reason));
            return;
        }
        documents.claim(command.enterpriseId(), owner.documentNumber(), accountId);
        credentials.joinEnterprise(accountId, command.enterpriseId(), AccountRole.OPERATOR);
        apply(new OperatorUpgradeApproved(command.requestId(), accountId, command.enterpriseId(), reason));
    }

    /** OPERATIONS lifts the login lock of the account's user name. */
    @CommandHandler
    long handle(UnlockAccount command, LoginLockout lockout) {
        lockout.clear(username);
        apply(new AccountUnlocked(accountId, enterpriseId));
        return getVersion();
    }

    /** OPERATIONS disables the account (its sessions end, it cannot log in) or enables it again, with a reason. */
    @CommandHandler
    long handle(SetAccountEnabled command, SessionCuts sessions) {
        String reason = command.reason() == null ? "" : command.reason().strip();
        if (reason.isEmpty() || reason.length() > 200) {
            throw new RejectedException(AccountRejections.STATUS_REASON_REQUIRED);
        }
        if (command.enabled() != disabled) {
            return Versions.NOTHING_CHANGED;
        }
        apply(command.enabled() ? new AccountEnabled(accountId, enterpriseId, reason)
                : new AccountDisabled(accountId, enterpriseId, reason));
        sessions.disabled(accountId, !command.enabled(), GenericEventMessage.clock.instant());
        return getVersion();
    }

    boolean disabled() {
        return disabled;
    }

    String username() {
        return username;
    }

    void recordSessionEnded() {
        apply(new SessionEnded(accountId, enterpriseId));
    }

    void recordPasswordChanged() {
        apply(new PasswordChanged(accountId, enterpriseId));
    }

    void confirmIdentity(CertificationMethod method) {
        if (!identityVerified) {
            apply(new OwnerIdentityVerified(accountId, enterpriseId, method));
        }
    }

    AccountRole role() {
        return role;
    }

    EnterpriseId enterpriseId() {
        return enterpriseId;
    }

    AccountOwner owner() {
        return owner;
    }

    void recordLogin(String method) {
        apply(new AccountLoggedIn(accountId, enterpriseId, method));
    }

    void recordRejectedLogin(String reasonCode, String method, String certificateSerial) {
        apply(new LoginRejected(accountId, enterpriseId, reasonCode, method, certificateSerial));
    }

    void recordLocked(Instant until) {
        apply(new AccountLocked(accountId, enterpriseId, until));
    }

    @EventSourcingHandler
    void on(AccountOpened event) {
        accountId = event.accountId();
        enterpriseId = event.enterpriseId();
        role = event.role();
        owner = event.owner();
        username = event.username();
    }

    @EventSourcingHandler
    void on(OperatorUpgradeRequested event) {
        pendingUpgrade = new PendingUpgrade(event.requestId(), event.enterpriseId());
    }

    @EventSourcingHandler
    void on(OperatorUpgradeApproved event) {
        pendingUpgrade = null;
        role = AccountRole.OPERATOR;
        enterpriseId = event.enterpriseId();
    }

    @EventSourcingHandler
    void on(OperatorUpgradeRejected event) {
        pendingUpgrade = null;
    }

    private record PendingUpgrade(String requestId, EnterpriseId enterpriseId) {
    }

    @EventSourcingHandler
    void on(AccountInfoChanged event) {
        owner = event.owner();
    }

    @EventSourcingHandler
    void on(OwnerIdentityVerified event) {
        identityVerified = true;
    }

    @EventSourcingHandler
    void on(AccountDisabled event) {
        disabled = true;
    }

    @EventSourcingHandler
    void on(AccountEnabled event) {
        disabled = false;
    }
}
