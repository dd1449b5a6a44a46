package cn.singlewindow.realname.messages.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** OPERATIONS lifts the login lock of the account's user name. Answers the account's new version. */
public record UnlockAccount(@TargetAggregateIdentifier AccountId accountId) {
}
