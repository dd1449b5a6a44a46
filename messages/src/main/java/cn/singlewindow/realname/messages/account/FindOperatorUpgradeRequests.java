package cn.singlewindow.realname.messages.account;

import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

/** Every request to join the enterprise, newest first. */
public record FindOperatorUpgradeRequests(EnterpriseId enterpriseId) {
}
