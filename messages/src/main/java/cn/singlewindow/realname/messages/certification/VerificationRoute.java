package cn.singlewindow.realname.messages.certification;

/** How a step was checked. */
public enum VerificationRoute {
    REGISTRY,
    ID_CARD,
    BANK_CARD
}
