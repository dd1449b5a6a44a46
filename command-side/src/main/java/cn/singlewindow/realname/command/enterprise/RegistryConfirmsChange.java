package cn.singlewindow.realname.command.enterprise;

import cn.singlewindow.realname.command.enterprise.registry.EnterpriseRegistry;
import cn.singlewindow.realname.command.enterprise.registry.RegisteredEnterprise;
import cn.singlewindow.realname.messages.common.Rejection;
import cn.singlewindow.realname.messages.enterprise.OrgCode;
import cn.singlewindow.realname.messages.enterprise.Uscc;
import java.util.Optional;

/**
 * Manual §2.3 (3): the new information must be what the national registry holds for an active enterprise; if it is
 * not, the user checks it at the national enterprise credit information system, or asks staff to correct it with
 * evidence.
 */
final class RegistryConfirmsChange {

    private RegistryConfirmsChange() {
    }

    static Optional<Rejection> refusal(EnterpriseRegistry registry, String name, Uscc uscc, OrgCode orgCode) {
        boolean matches = registry.lookUp(uscc)
                .filter(RegisteredEnterprise::active)
                .filter(record -> record.hasName(name) && orgCode.equals(record.orgCode()))
                .isPresent();
        return matches ? Optional.empty() : Optional.of(EnterpriseRejections.REGISTRY_MISMATCH);
    }
}
