package cn.singlewindow.realname.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.web.FilterChainProxy;

/**
 * The service's security filter chain is Spring Security's own, without the wrapper that looked up Spring MVC's
 * handler for every request (WithoutHandlerLookup), and its path-pattern matchers still decide who may pass.
 */
class SecurityChainTest extends RunningService {

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    @Qualifier("springSecurityFilterChain")
    private Filter securityFilterChain;

    @Test
    void the_chain_is_spring_securitys_own() {
        // Spring MVC's integration wraps it in a class of its own; Spring Security's own chain is a FilterChainProxy.
        assertThat(securityFilterChain).isInstanceOf(FilterChainProxy.class);
        assertThat(securityFilterChain.getClass().getName()).doesNotContain("WebMvcSecurityConfiguration");
    }

    @Test
    void open_paths_answer_and_the_rest_wants_a_token() throws Exception {
        assertThat(get("/actuator/health/liveness")).isEqualTo(200);
        assertThat(get("/actuator/health/readiness")).isEqualTo(200);
        assertThat(get("/dashboard")).isNotIn(401, 403);
        assertThat(get("/actuator/env")).isEqualTo(401);
        assertThat(get("/graphql/../actuator/env")).isIn(400, 401);
        assertThat(get("/anything-else")).isEqualTo(401);
    }

    private int get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
