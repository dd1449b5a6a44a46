package cn.singlewindow.realname.messages.enterprise;

import cn.singlewindow.realname.messages.common.Refusal;

/**
 * A change of the enterprise's information was refused (more than two fields at once, information locked, not what
 * the registry holds): what was asked for, and why; the enterprise is as it was.
 */
public record EnterpriseInfoChangeRefused(EnterpriseId enterpriseId, String name, Uscc uscc, OrgCode orgCode,
                                          String reasonCode) implements EnterpriseEvent, Refusal {
}
