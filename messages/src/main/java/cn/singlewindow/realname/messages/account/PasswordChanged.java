package cn.singlewindow.realname.messages.account;

import cn.singlewindow.realname.messages.enterprise.EnterpriseEvent;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

/** The account's password was changed by its user; its other sessions ended. The password is not in the history. */
public record PasswordChanged(AccountId accountId, EnterpriseId enterpriseId) implements EnterpriseEvent {
}
