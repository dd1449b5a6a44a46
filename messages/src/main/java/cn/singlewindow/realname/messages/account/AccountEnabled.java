package cn.singlewindow.realname.messages.account;

import cn.singlewindow.realname.messages.enterprise.EnterpriseEvent;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

/** OPERATIONS enabled the account again. */
public record AccountEnabled(AccountId accountId, EnterpriseId enterpriseId, String reason) implements EnterpriseEvent {
}
