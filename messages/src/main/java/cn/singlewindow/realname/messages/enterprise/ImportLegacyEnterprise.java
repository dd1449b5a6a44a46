package cn.singlewindow.realname.messages.enterprise;

import cn.singlewindow.realname.messages.account.NewAccount;

/** Bring an enterprise migrated from a legacy system into the Single Window, with its administrator account. */
public record ImportLegacyEnterprise(EnterpriseId enterpriseId, String name, Uscc uscc, OrgCode orgCode,
                                     LegalRepresentative legalRepresentative, EnterpriseOrigin origin,
                                     NewAccount administrator) {
}
