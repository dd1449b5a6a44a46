package cn.singlewindow.realname.messages.enterprise;

public record EnterpriseInfoChanged(EnterpriseId enterpriseId, String name, Uscc uscc, OrgCode orgCode)
        implements EnterpriseEvent {
}
