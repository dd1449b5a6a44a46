package cn.singlewindow.realname.messages.account;

import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import java.util.Set;

/** Every account of the given enterprises in one round trip, for the nested {@code Enterprise.accounts}. */
public record FindAccountsOfEnterprises(Set<EnterpriseId> enterpriseIds) {
}
