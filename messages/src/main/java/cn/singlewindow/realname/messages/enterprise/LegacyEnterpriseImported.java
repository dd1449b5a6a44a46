package cn.singlewindow.realname.messages.enterprise;

import cn.singlewindow.realname.messages.account.AccountId;

public record LegacyEnterpriseImported(EnterpriseId enterpriseId, String name, Uscc uscc, OrgCode orgCode,
                                       LegalRepresentative legalRepresentative, EnterpriseOrigin origin,
                                       AccountId administratorId) implements EnterpriseEvent {
}
