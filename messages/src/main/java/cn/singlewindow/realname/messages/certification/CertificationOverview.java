package cn.singlewindow.realname.messages.certification;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Manual §2.5: two aspects (enterprise information, owner identity), the state of each of the manual's three methods,
 * and what remains before the enterprise is certified ({@link CertificationRequirements}).
 */
public record CertificationOverview(boolean certified, SecurityLevel securityLevel, boolean enterpriseInfoVerified,
                                    boolean ownerIdentityVerified, List<MethodStatus> methods,
                                    List<CertificationRequirements.Requirement> remaining) {

    /**
     * The overview of the methods' states: every method of the manual listed (NOT_STARTED when absent), the level the
     * highest of the passed methods', and certified as {@link CertificationRequirements} says.
     */
    public static CertificationOverview of(Map<CertificationMethod, MethodStatus> byMethod,
                                           boolean enterpriseInfoVerified, boolean ownerIdentityVerified) {
        List<MethodStatus> methods = new ArrayList<>();
        Set<CertificationMethod> passed = EnumSet.noneOf(CertificationMethod.class);
        for (CertificationMethod method : CertificationMethod.values()) {
            MethodStatus status = byMethod.getOrDefault(method, MethodStatus.notStarted(method));
            if (status.status() == MethodState.PASSED) {
                passed.add(method);
            }
            if (method.isMethodOfManual()) {
                methods.add(status);
            }
        }
        SecurityLevel level = methods.stream().filter(m -> m.status() == MethodState.PASSED)
                .map(MethodStatus::securityLevel).max(Comparator.naturalOrder()).orElse(SecurityLevel.NONE);
        CertificationRequirements requirements = new CertificationRequirements(enterpriseInfoVerified,
                ownerIdentityVerified, passed);
        return new CertificationOverview(requirements.certified(), level, enterpriseInfoVerified,
                ownerIdentityVerified, methods, requirements.remaining());
    }
}
