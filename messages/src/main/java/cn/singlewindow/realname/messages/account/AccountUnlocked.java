package cn.singlewindow.realname.messages.account;

import cn.singlewindow.realname.messages.enterprise.EnterpriseEvent;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

/** OPERATIONS lifted the account's login lock (who did it is in the event's metadata). */
public record AccountUnlocked(AccountId accountId, EnterpriseId enterpriseId) implements EnterpriseEvent {
}
