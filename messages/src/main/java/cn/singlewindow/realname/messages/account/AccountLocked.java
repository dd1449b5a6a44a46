package cn.singlewindow.realname.messages.account;

import cn.singlewindow.realname.messages.enterprise.EnterpriseEvent;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import java.time.Instant;

/** Too many refused logins: the account's user name is locked until then (attempts meanwhile do not extend it). */
public record AccountLocked(AccountId accountId, EnterpriseId enterpriseId, Instant lockedUntil)
        implements EnterpriseEvent {
}
