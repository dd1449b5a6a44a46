package cn.singlewindow.realname.messages.certification;

import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

/** Answers a {@link CertificationOverview}; as a subscription query, each change of it. */
public record FindCertificationOverview(EnterpriseId enterpriseId) {
}
