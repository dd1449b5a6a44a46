package cn.singlewindow.realname.messages.enterprise;

import java.util.Set;

/** Batch form of {@link FindEnterprise}, for nested fields without N+1 queries. */
public record FindEnterprises(Set<EnterpriseId> enterpriseIds) {
}
