package cn.singlewindow.realname.messages.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** OPERATIONS disables an account (it cannot log in, and its sessions end) or enables it again, with a reason. */
public record SetAccountEnabled(@TargetAggregateIdentifier AccountId accountId, boolean enabled, String reason) {
}
