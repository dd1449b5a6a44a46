package cn.singlewindow.realname.messages.account;

import cn.singlewindow.realname.messages.enterprise.EnterpriseEvent;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

/** OPERATIONS disabled the account: it cannot log in, and its sessions ended. */
public record AccountDisabled(AccountId accountId, EnterpriseId enterpriseId, String reason) implements EnterpriseEvent {
}
