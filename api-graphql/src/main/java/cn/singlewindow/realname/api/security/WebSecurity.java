package cn.singlewindow.realname.api.security;

import cn.singlewindow.realname.eventstore.privacy.Secrets;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.crypto.SecretKey;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.http.HttpStatus;
import cn.singlewindow.realname.api.error.ContractErrorBody;
import cn.singlewindow.realname.command.account.SessionRevocations;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.core.env.Environment;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Stateless bearer tokens. The GraphQL endpoint itself is open (logging in happens there); each operation
 * states who may call it with {@code @PreAuthorize} below the controller mapping.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class WebSecurity {

    @Bean
    // Not in the command-line tools, which serve no HTTP.
    @ConditionalOnWebApplication
    SecurityFilterChain securityFilterChain(HttpSecurity http, SecuritySettings settings, Environment environment)
            throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        // A management port of its own (management.server.port) is reached only from the
                        // operators' network: everything there is open, metrics included.
                        .requestMatchers(onManagementPort(environment)).permitAll()
                        .requestMatchers("/graphql", "/graphql-ws", "/graphiql/**", "/actuator/health/**",
                                "/actuator/info", "/error").permitAll()
                        // On the service's own port metrics are for a role; they name operations and their rates.
                        .requestMatchers("/actuator/prometheus").hasRole(settings.metricsRole())
                        // The bank's callback arrives through the user's browser, signed by the bank, not by us.
                        .requestMatchers("/bank-ukey/**", "/sandbox/bank/**").permitAll()
                        // The dashboard page is static; its data comes through /graphql with the user's token.
                        .requestMatchers("/dashboard", "/dashboard/**", "/webjars/**").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server.bearerTokenResolver(new BearerTokens())
                        .authenticationEntryPoint(unauthenticated())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(roles())))
                .build();
    }

    /** Requests that arrived on a management port separate from the service's (known once it listens). */
    private static RequestMatcher onManagementPort(Environment environment) {
        if (ManagementPortType.get(environment) != ManagementPortType.DIFFERENT) {
            return request -> false;
        }
        return request -> {
            String port = environment.getProperty("local.management.port");
            return port != null && request.getLocalPort() == Integer.parseInt(port);
        };
    }

    /** {@code requestMatchers("/graphql")} and the like as path patterns, without asking Spring MVC's handlers. */
    @Bean
    PathPatternRequestMatcherBuilderFactoryBean pathPatterns() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    @Bean
    static WithoutHandlerLookup withoutHandlerLookup() {
        return new WithoutHandlerLookup();
    }

    /** The strict firewall (Spring Security's default), with its header rules checked by {@link HeaderCharacters}. */
    @Bean
    WebSecurityCustomizer strictFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::validName);
        firewall.setAllowedHeaderValues(HeaderCharacters::validValue);
        return web -> web.httpFirewall(firewall);
    }

    /**
     * A token refused (bad, expired, or its session ended): 401 with the standard WWW-Authenticate header, and the
     * contract's body with code UNAUTHENTICATED.
     */
    private static AuthenticationEntryPoint unauthenticated() {
        BearerTokenAuthenticationEntryPoint standard = new BearerTokenAuthenticationEntryPoint();
        return (request, response, refused) -> {
            standard.commence(request, response, refused);
            ContractErrorBody.write(response, HttpStatus.UNAUTHORIZED);
        };
    }

    private static JwtAuthenticationConverter roles() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt ->
                List.of(new SimpleGrantedAuthority("ROLE_" + jwt.getClaimAsString(Actor.CLAIM_ROLE))));
        return converter;
    }

    /**
     * Spring Security wraps every filter, authentication and authorization in an observation even when they are
     * switched off (management.observations.enable.spring.security=false): this stops the wrapping itself.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecretKey tokenKey(SecuritySettings settings, Secrets secrets) {
        return TokenSecret.resolve(settings.tokenSecret(), secrets);
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey tokenKey) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(tokenKey));
    }

    @Bean
    JwtDecoder jwtDecoder(SecretKey tokenKey, SessionRevocations sessions) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(tokenKey).macAlgorithm(MacAlgorithm.HS256).build();
        OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefaultWithIssuer(SessionTokens.ISSUER);
        decoder.setJwtValidator(validator);
        return new VerifiedTokens(decoder, validator, sessions, 10_000, Duration.ofMinutes(10));
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
