package cn.singlewindow.realname.messages.certification;

/**
 * The three ways of manual §2.5, and the owner's identity checked on its own: what an enterprise needs when a method
 * verified its information but not its account owner (a bank UKey, an IC card held by someone else).
 */
public enum CertificationMethod {
    IC_CARD,
    LEGAL_REP,
    BANK_UKEY,
    OWNER_IDENTITY;

    /** One of the manual's three methods, each shown on the overview; the owner's identity check is not one. */
    public boolean isMethodOfManual() {
        return this != OWNER_IDENTITY;
    }
}
