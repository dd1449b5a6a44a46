package cn.singlewindow.realname.messages.account;

/** Answers an {@link AccountView}, or nothing. */
public record FindAccount(AccountId accountId) {
}
