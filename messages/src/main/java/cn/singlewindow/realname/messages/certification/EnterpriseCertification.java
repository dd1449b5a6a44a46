package cn.singlewindow.realname.messages.certification;

import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

/** One enterprise's overview, keyed for batch answers. */
public record EnterpriseCertification(EnterpriseId enterpriseId, CertificationOverview overview) {
}
