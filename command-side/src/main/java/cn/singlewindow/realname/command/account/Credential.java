package cn.singlewindow.realname.command.account;

import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.account.AccountRole;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

/** What logging in needs to know about an account; kept out of the event history on purpose. */
record Credential(AccountId accountId, String username, String passwordHash, AccountRole role,
                  EnterpriseId enterpriseId) {
}
