package cn.singlewindow.realname.messages.account;

import cn.singlewindow.realname.messages.enterprise.EnterpriseEvent;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

public record OperatorUpgradeRejected(String requestId, AccountId accountId, EnterpriseId enterpriseId,
                                      String reason) implements EnterpriseEvent {
}
