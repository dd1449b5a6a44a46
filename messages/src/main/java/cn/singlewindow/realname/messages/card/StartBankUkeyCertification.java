package cn.singlewindow.realname.messages.card;

import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens a bank UKey attempt; the browser then goes to the bank. Answers a StepResult. */
public record StartBankUkeyCertification(@TargetAggregateIdentifier EnterpriseId enterpriseId, String attemptId,
                                         AccountId administratorId, Bank bank) {
}
