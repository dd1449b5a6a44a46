package cn.singlewindow.realname.messages.correction;

import cn.singlewindow.realname.messages.account.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The administrator hands the case, with at least one file of evidence, to staff. */
public record SubmitCorrectionCase(@TargetAggregateIdentifier String caseId, AccountId administratorId) {
}
