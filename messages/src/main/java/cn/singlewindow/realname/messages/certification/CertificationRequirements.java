package cn.singlewindow.realname.messages.certification;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What "certified" means, in the one place both sides read it (manual §2.5: "实名认证需要完成两个方面的认证"): the
 * enterprise's information and its account owner's identity, each verified by a passed method. Every method verifies
 * the enterprise's information; the owner's identity is verified by the legal-representative method (its step 3), by an
 * IC card whose holder is the owner, or by the owner's identity check on its own. A bank UKey certifies the enterprise
 * only: the bank knows the corporate account, not who owns the Single Window account. So "认证结束" at the end of the
 * bank's flow (§2.5.6) ends that method; the enterprise is certified once the owner's identity is verified too, and
 * {@link #remaining()} says so, with the ways left to do it.
 */
public record CertificationRequirements(boolean enterpriseInfoVerified, boolean ownerIdentityVerified,
                                        Set<CertificationMethod> passed) {

    /** The two aspects of manual §2.5. */
    public enum Aspect { ENTERPRISE_INFO, OWNER_IDENTITY }

    /** An aspect still to verify, and the operations of the contract that can verify it now. */
    public record Requirement(Aspect aspect, List<String> ways) {
    }

    public static final CertificationRequirements NONE = new CertificationRequirements(false, false,
            EnumSet.noneOf(CertificationMethod.class));

    public CertificationRequirements {
        Set<CertificationMethod> copy = EnumSet.noneOf(CertificationMethod.class);
        copy.addAll(passed);
        passed = Collections.unmodifiableSet(copy);
    }

    public boolean certified() {
        return enterpriseInfoVerified && ownerIdentityVerified();
    }

    /** After a method passed. */
    public CertificationRequirements after(CertificationPassed event) {
        Set<CertificationMethod> now = EnumSet.of(event.method());
        now.addAll(passed);
        return new CertificationRequirements(enterpriseInfoVerified || event.enterpriseInfoVerified(),
                ownerIdentityVerified || event.ownerIdentityVerifiedFor() != null, now);
    }

    /** What is left before the enterprise is certified: empty once it is. */
    public List<Requirement> remaining() {
        List<Requirement> remaining = new ArrayList<>();
        if (!enterpriseInfoVerified) {
            List<String> ways = new ArrayList<>();
            wayUnlessPassed(ways, CertificationMethod.IC_CARD, "certifyByIcCard");
            wayUnlessPassed(ways, CertificationMethod.BANK_UKEY, "startBankUkeyCertification");
            wayUnlessPassed(ways, CertificationMethod.LEGAL_REP, "startLegalRepCertification");
            remaining.add(new Requirement(Aspect.ENTERPRISE_INFO, List.copyOf(ways)));
        }
        if (!ownerIdentityVerified) {
            List<String> ways = new ArrayList<>();
            ways.add("startOwnerIdentityVerification");
            wayUnlessPassed(ways, CertificationMethod.IC_CARD, "certifyByIcCard");
            remaining.add(new Requirement(Aspect.OWNER_IDENTITY, List.copyOf(ways)));
        }
        return List.copyOf(remaining);
    }

    private void wayUnlessPassed(List<String> ways, CertificationMethod method, String operation) {
        if (!passed.contains(method)) {
            ways.add(operation);
        }
    }
}
