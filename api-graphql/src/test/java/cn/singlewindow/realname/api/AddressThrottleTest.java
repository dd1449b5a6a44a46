package cn.singlewindow.realname.api;

import static cn.singlewindow.realname.api.EnterpriseLifecycleTest.code;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Refused logins from one client address, across user names, throttle that address. A service of its own (limit
 * 3) so that it cannot throttle the address the other tests share.
 */
@TestPropertySource(properties = "realname.login.max-failures-per-address=3")
class AddressThrottleTest extends SeparateService {

    @Test
    void guessing_across_user_names_from_one_address_is_stopped() {
        GraphQlApi api = new GraphQlApi(port);
        api.login("nobody-1", "Wrong-passw0rd").errors().satisfy(code("BAD_CREDENTIALS"));
        api.login("nobody-2", "Wrong-passw0rd").errors().satisfy(code("BAD_CREDENTIALS"));
        api.login(GraphQlApi.OPERATIONS_USER, "Wrong-passw0rd").errors().satisfy(code("BAD_CREDENTIALS"));
        api.login(GraphQlApi.OPERATIONS_USER, GraphQlApi.OPERATIONS_PASSWORD)
                .errors().satisfy(code("TOO_MANY_ATTEMPTS"));
    }
}
