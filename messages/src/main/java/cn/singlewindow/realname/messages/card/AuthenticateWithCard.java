package cn.singlewindow.realname.messages.card;

/** Manual §2.1, card media: log in the account bound to the verified card. Answers a LoginOutcome. */
public record AuthenticateWithCard(CardCheck check) {
}
