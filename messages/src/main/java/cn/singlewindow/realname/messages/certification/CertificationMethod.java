package cn.singlewindow.realname.messages.certification;

/** The three ways of manual §2.5. */
public enum CertificationMethod {
    IC_CARD,
    LEGAL_REP,
    BANK_UKEY
}
