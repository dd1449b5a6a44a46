package cn.singlewindow.realname.messages.account;

import cn.singlewindow.realname.messages.enterprise.EnterpriseEvent;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

public record OperatorUpgradeRequested(String requestId, AccountId accountId, EnterpriseId enterpriseId,
                                       String username, AccountOwner applicant) implements EnterpriseEvent {
}
