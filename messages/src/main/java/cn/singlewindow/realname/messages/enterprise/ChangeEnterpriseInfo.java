package cn.singlewindow.realname.messages.enterprise;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Manual §2.3. Answers with the enterprise's new version, so a caller can wait for its projection. */
public record ChangeEnterpriseInfo(@TargetAggregateIdentifier EnterpriseId enterpriseId, String name, Uscc uscc,
                                   OrgCode orgCode) {
}
