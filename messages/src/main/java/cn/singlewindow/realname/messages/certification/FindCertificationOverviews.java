package cn.singlewindow.realname.messages.certification;

import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import java.util.Set;

/** Batch form for nested fields: answers {@link EnterpriseCertification}s. */
public record FindCertificationOverviews(Set<EnterpriseId> enterpriseIds) {
}
