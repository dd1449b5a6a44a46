package cn.singlewindow.realname.messages.card;

import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Manual §2.5.1 with the card bridge's verdict on the evidence. Answers a StepResult. */
public record CertifyByIcCard(@TargetAggregateIdentifier EnterpriseId enterpriseId, String attemptId,
                              AccountId administratorId, CardCheck check) {
}
