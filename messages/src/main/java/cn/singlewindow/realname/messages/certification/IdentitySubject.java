package cn.singlewindow.realname.messages.certification;

/** Whose identity a step verifies: the legal representative's (step 2) or the administrator's (step 3). */
public enum IdentitySubject {
    LEGAL_REP,
    ADMINISTRATOR;

    public CertificationStep step() {
        return this == LEGAL_REP ? CertificationStep.LEGAL_REP_IDENTITY : CertificationStep.ADMINISTRATOR_IDENTITY;
    }
}
