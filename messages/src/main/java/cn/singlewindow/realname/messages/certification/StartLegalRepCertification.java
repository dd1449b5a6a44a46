package cn.singlewindow.realname.messages.certification;

import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens an attempt, or answers the one already open. Answers a {@link StepResult}. */
public record StartLegalRepCertification(@TargetAggregateIdentifier EnterpriseId enterpriseId, String attemptId, AccountId administratorId) {
}
