package cn.singlewindow.realname.messages.account;

import cn.singlewindow.realname.messages.common.Password;

/** The account's own user changes its password; every session of the account but this one ends. */
public record ChangePassword(AccountId accountId, String sessionId, Password currentPassword, Password newPassword) {
}
