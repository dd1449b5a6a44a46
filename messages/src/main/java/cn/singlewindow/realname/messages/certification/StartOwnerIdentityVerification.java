package cn.singlewindow.realname.messages.certification;

import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Opens an attempt that verifies the account owner's identity alone (as step 3 of the legal-representative method
 * does), or answers the one already open. Answers a {@link StepResult}.
 */
public record StartOwnerIdentityVerification(@TargetAggregateIdentifier EnterpriseId enterpriseId, String attemptId,
                                             AccountId administratorId) {
}
