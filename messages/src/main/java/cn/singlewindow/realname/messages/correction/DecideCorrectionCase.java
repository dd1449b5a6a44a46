package cn.singlewindow.realname.messages.correction;

import cn.singlewindow.realname.messages.account.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** OPERATIONS approves (the enterprise's information was corrected with the case's id) or rejects, with a reason. */
public record DecideCorrectionCase(@TargetAggregateIdentifier String caseId, boolean approve, String reason,
                                   AccountId decidedBy) {
}
