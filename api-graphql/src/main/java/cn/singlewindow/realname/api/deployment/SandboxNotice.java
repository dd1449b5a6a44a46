package cn.singlewindow.realname.api.deployment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A sandbox says so at every start, where operators look: it must never be mistaken for a deployment. */
@Component
@Profile(DeploymentSettings.SANDBOX)
class SandboxNotice {

    private static final Logger log = LoggerFactory.getLogger(SandboxNotice.class);

    @EventListener(ApplicationStartedEvent.class)
    void announce() {
        log.warn("SANDBOX: simulated registry, CTID, bank-card check, SMS gateway, banks and E-Port CA; sandbox"
                + " operations and a default operations password. Not for production: give the service a database"
                + " (spring.datasource.url, profile postgres) and its providers' settings (docs/operations.md).");
    }
}
