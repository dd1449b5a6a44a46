package cn.singlewindow.realname.api;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service of its own (with the test's own properties) on its own data directory, for tests whose settings would
 * disturb the shared {@link RunningService}.
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
abstract class SeparateService {

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void ownDataDirectory(DynamicPropertyRegistry registry) {
        String dir = TestDirectories.create("realname-separate-").toString();
        registry.add("realname.data-dir", () -> dir);
    }
}
