package cn.singlewindow.realname.eventstore.storage;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where events are stored when Axon Server is not used (docs/architecture.md, "Event-store engines").
 *
 * @param engine postgres: the PostgreSQL event store; memory: Axon's in-memory engine, events lost
 *               at exit (tests and trials only)
 */
@Validated
@ConfigurationProperties("realname.event-store")
public record EventStoreSettings(@DefaultValue("postgres") @NotNull Engine engine) {

    public enum Engine { POSTGRES, MEMORY }
}
