package cn.singlewindow.realname.api;

import java.nio.file.Path;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real application on its embedded PostgreSQL and a real HTTP port. Every subclass shares one running
 * service (Spring caches the context), whose data lives in a fresh temporary directory.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // Tests need no graceful shutdown: the JVM exits as soon as the suite ends.
        "server.shutdown=immediate", "spring.lifecycle.timeout-per-shutdown-phase=5s",
        "db-scheduler.shutdown-max-wait=1s",
        // Every test's requests come from 127.0.0.1: the per-address allowance of anonymous operations is a test's
        // own subject (AnonymousLimitsTest), not a limit on the suite.
        "realname.http.anonymous.per-address-per-minute=1000000",
        // Likewise the refused logins per address (AddressThrottleTest's subject): every test's come from 127.0.0.1.
        "realname.login.max-failures-per-address=1000000"})
// Boot's tests turn metrics export off by default; ours look at the service as it runs, /actuator/prometheus included.
@AutoConfigureObservability
public abstract class RunningService {

    private static final Path DATA_DIR = TestDirectories.create("realname-test-");

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("realname.data-dir", DATA_DIR::toString);
    }

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected EventStore eventStore;

    protected GraphQlApi api() {
        return new GraphQlApi(port);
    }

    /** How many events the store holds, counted through Axon's event store. */
    protected long storedEvents() throws InterruptedException {
        try (var events = eventStore.openStream(null)) {
            long count = 0;
            while (events.hasNextAvailable(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                events.nextAvailable();
                count++;
            }
            return count;
        }
    }

    /** How many events the aggregate's stream holds, on whichever engine stores them. */
    protected long eventsOf(String aggregateId) {
        return eventStore.readEvents(aggregateId, 0).asStream().count();
    }
}
