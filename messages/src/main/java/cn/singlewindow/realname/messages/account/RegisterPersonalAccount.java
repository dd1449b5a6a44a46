package cn.singlewindow.realname.messages.account;

import cn.singlewindow.realname.messages.common.Password;

/** A person signs up on their own; such a PERSONAL account may later ask to join an enterprise (manual §三). */
public record RegisterPersonalAccount(AccountId accountId, String username, Password password, AccountOwner owner) {
}
