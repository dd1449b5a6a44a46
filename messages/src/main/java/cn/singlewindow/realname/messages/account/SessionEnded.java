package cn.singlewindow.realname.messages.account;

import cn.singlewindow.realname.messages.enterprise.EnterpriseEvent;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

/** The account's user logged out (manual §2.1 安全退出): that session ended. */
public record SessionEnded(AccountId accountId, EnterpriseId enterpriseId) implements EnterpriseEvent {
}
