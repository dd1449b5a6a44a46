package cn.singlewindow.realname.messages.account;

/** Answers an {@link OperatorUpgradeRequestView}, or nothing. */
public record FindOperatorUpgradeRequest(String requestId) {
}
