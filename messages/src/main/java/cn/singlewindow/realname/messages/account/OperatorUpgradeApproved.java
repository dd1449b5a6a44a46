package cn.singlewindow.realname.messages.account;

import cn.singlewindow.realname.messages.enterprise.EnterpriseEvent;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

/** The applicant is now an OPERATOR of the enterprise. */
public record OperatorUpgradeApproved(String requestId, AccountId accountId, EnterpriseId enterpriseId,
                                      String reason) implements EnterpriseEvent {
}
