package cn.singlewindow.realname.messages.enterprise;

/** The enterprise's information as staff corrected it, and the correction case whose evidence justified it. */
public record EnterpriseInfoCorrected(EnterpriseId enterpriseId, String caseId, String name, Uscc uscc,
                                      OrgCode orgCode) implements EnterpriseEvent {
}
