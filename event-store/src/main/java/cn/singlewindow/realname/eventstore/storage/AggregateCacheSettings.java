package cn.singlewindow.realname.eventstore.storage;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Aggregates kept in memory between commands, so a command does not read its aggregate's events again.
 *
 * @param aggregateCacheSize aggregates kept (also the audit chain's last hashes remembered)
 * @param aggregateCacheIdle how long an aggregate is kept after its last command
 */
@Validated
@ConfigurationProperties("realname.axon")
public record AggregateCacheSettings(@DefaultValue("10000") @Min(1) long aggregateCacheSize,
                                     @DefaultValue("10m") @NotNull Duration aggregateCacheIdle) {
}
