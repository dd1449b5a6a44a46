package cn.singlewindow.realname.messages.account;

import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The administrator of {@code enterpriseId} approves or rejects a request waiting on the applicant's account. */
public record DecideOperatorUpgrade(@TargetAggregateIdentifier AccountId accountId, String requestId,
                                    EnterpriseId enterpriseId, boolean approve, String reason) {
}
