package cn.singlewindow.realname.messages.account;

import cn.singlewindow.realname.messages.common.Password;

/** An account to open together with something else (the administrator of an imported enterprise). */
public record NewAccount(AccountId accountId, String username, Password initialPassword, AccountOwner owner) {
}
