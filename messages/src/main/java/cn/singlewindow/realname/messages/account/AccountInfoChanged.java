package cn.singlewindow.realname.messages.account;

import cn.singlewindow.realname.messages.enterprise.EnterpriseEvent;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

public record AccountInfoChanged(AccountId accountId, EnterpriseId enterpriseId, AccountOwner owner)
        implements EnterpriseEvent {
}
