package cn.singlewindow.realname.messages.enterprise;

/** Answers an {@link EnterpriseView}, or nothing when the enterprise is unknown. */
public record FindEnterprise(EnterpriseId enterpriseId) {
}
