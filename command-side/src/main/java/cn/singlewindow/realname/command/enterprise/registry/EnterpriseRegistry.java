package cn.singlewindow.realname.command.enterprise.registry;

import cn.singlewindow.realname.messages.enterprise.Uscc;
import java.util.Optional;

/**
 * Port to the national enterprise credit information system (SAMR). Adapters: {@code SandboxEnterpriseRegistry}
 * (fixture data, sandbox profile) and {@code HttpEnterpriseRegistry} (docs/providers.md).
 */
public interface EnterpriseRegistry {

    /**
     * The record registered under the code, or empty when there is none.
     *
     * @throws RegistryUnavailableException when the registry cannot answer now
     */
    Optional<RegisteredEnterprise> lookUp(Uscc uscc);
}
