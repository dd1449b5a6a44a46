package cn.singlewindow.realname.messages.account;

import cn.singlewindow.realname.messages.common.Password;

/**
 * An account to open together with something else (the administrator of an imported enterprise), with either an
 * initial password or the password hash its legacy system kept.
 */
public record NewAccount(AccountId accountId, String username, Password initialPassword,
                         LegacyPasswordHash legacyPasswordHash, AccountOwner owner) {

    public NewAccount(AccountId accountId, String username, Password initialPassword, AccountOwner owner) {
        this(accountId, username, initialPassword, null, owner);
    }
}
