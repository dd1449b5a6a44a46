package cn.singlewindow.realname.messages.account;

import cn.singlewindow.realname.messages.enterprise.EnterpriseEvent;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

public record LoginRejected(AccountId accountId, EnterpriseId enterpriseId, String reasonCode)
        implements EnterpriseEvent {
}
