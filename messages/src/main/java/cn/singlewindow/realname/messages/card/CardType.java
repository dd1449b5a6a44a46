package cn.singlewindow.realname.messages.card;

/** China E-Port card media: the enterprise's legal-person card or an operator card (manual §2.5.1). */
public enum CardType {
    LEGAL_PERSON,
    OPERATOR
}
