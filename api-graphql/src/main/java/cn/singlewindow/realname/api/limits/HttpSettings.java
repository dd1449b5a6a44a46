package cn.singlewindow.realname.api.limits;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What one node takes on at once, and from whom (docs/operations.md, "Abuse limits").
 *
 * @param concurrentRequests GraphQL mutations running at once (0: twice the processors, at least 4); queries whose
 *                           document is already parsed are not counted
 * @param queueTimeout how long a mutation waits for its turn before it is refused with SERVICE_BUSY
 * @param maxWaiting mutations that may wait for their turn
 * @param maxRequestBytes the largest GraphQL request body
 * @param anonymous what callers without a session may ask for
 */
@Validated
@ConfigurationProperties("realname.http")
public record HttpSettings(@DefaultValue("0") @Min(0) int concurrentRequests,
                           @DefaultValue("30s") @NotNull Duration queueTimeout,
                           @DefaultValue("100") @Min(0) int maxWaiting,
                           @DefaultValue("65536") @Min(1024) int maxRequestBytes,
                           @DefaultValue @Valid Anonymous anonymous) {

    /**
     * @param maxRootFields root fields one anonymous operation may ask for (aliases and fragments counted)
     * @param perAddressPerMinute anonymous operations one client address may send a minute on a node
     */
    public record Anonymous(@DefaultValue("2") @Min(1) int maxRootFields,
                            @DefaultValue("120") @Min(1) int perAddressPerMinute) {
    }
}
