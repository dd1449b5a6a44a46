package cn.singlewindow.realname.messages.certification;

/** The steps of the legal representative method (manual §2.5.3); other methods have one step. */
public enum CertificationStep {
    ENTERPRISE_INFO,
    LEGAL_REP_IDENTITY,
    ADMINISTRATOR_IDENTITY,
    DONE
}
