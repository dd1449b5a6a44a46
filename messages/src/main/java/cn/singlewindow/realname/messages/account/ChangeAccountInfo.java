package cn.singlewindow.realname.messages.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Manual §2.4. Answers the account's new version. */
public record ChangeAccountInfo(@TargetAggregateIdentifier AccountId accountId, AccountOwner owner) {
}
