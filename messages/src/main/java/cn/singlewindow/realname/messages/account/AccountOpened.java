package cn.singlewindow.realname.messages.account;

import cn.singlewindow.realname.messages.enterprise.EnterpriseEvent;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

/**
 * An account exists. Credentials are deliberately not part of the history: they live in the command side's
 * credential table, written in the same transaction.
 */
public record AccountOpened(AccountId accountId, EnterpriseId enterpriseId, String username, AccountRole role,
                            AccountOwner owner) implements EnterpriseEvent {
}
