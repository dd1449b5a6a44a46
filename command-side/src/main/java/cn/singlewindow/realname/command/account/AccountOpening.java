package cn.singlewindow.realname.command.account;

import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.account.AccountOwner;
import cn.singlewindow.realname.messages.account.AccountRole;
import cn.singlewindow.realname.messages.account.LegacyPasswordHash;
import cn.singlewindow.realname.messages.common.Password;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

/**
 * Opens an account inside the caller's unit of work: checks the user name and password rules, stores the
 * credential and creates the aggregate, all in one transaction (a rejection rolls back the caller's work too).
 */
public interface AccountOpening {

    void open(AccountId accountId, EnterpriseId enterpriseId, String username, Password password, AccountRole role,
              AccountOwner owner);

    /**
     * Opens a migrated account with a password from its legacy system: the initial password to hash, or the legacy
     * hash of it to keep ({@link CarriedOverPasswordHash}), one of the two.
     */
    void openMigrated(AccountId accountId, EnterpriseId enterpriseId, String username, Password initialPassword,
                      LegacyPasswordHash legacyHash, AccountRole role, AccountOwner owner);

    /** The user name the account was opened with. */
    String usernameOf(AccountId accountId);
}
