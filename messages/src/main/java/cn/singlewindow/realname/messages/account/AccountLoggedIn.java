package cn.singlewindow.realname.messages.account;

import cn.singlewindow.realname.messages.enterprise.EnterpriseEvent;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

public record AccountLoggedIn(AccountId accountId, EnterpriseId enterpriseId, String method)
        implements EnterpriseEvent {
}
