package cn.singlewindow.realname.messages.account;

import cn.singlewindow.realname.messages.common.Password;

/** Manual §2.1, user name and password (the captcha is checked before this is sent). Answers a {@link LoginOutcome}. */
public record AuthenticateAccount(String username, Password password) {
}
