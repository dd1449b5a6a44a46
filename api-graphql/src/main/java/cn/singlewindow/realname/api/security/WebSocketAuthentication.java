package cn.singlewindow.realname.api.security;

import java.util.Map;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Subscriptions authenticate once per WebSocket: the graphql-transport-ws {@code connection_init} payload carries
 * {@code Authorization: Bearer <token>}, as HTTP requests do in a header. A bad token closes the connection; a
 * missing one leaves it anonymous, and each subscription decides what an anonymous caller may see.
 */
@Component
class WebSocketAuthentication implements WebSocketGraphQlInterceptor {

    private static final String BEARER = "Bearer ";

    private final JwtDecoder jwtDecoder;

    WebSocketAuthentication(JwtDecoder jwtDecoder) {
        this.jwtDecoder = jwtDecoder;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        Object authorization = payload.get("Authorization");
        if (authorization instanceof String header && header.startsWith(BEARER)) {
            try {
                session.getAttributes().put(Actor.CONTEXT_KEY,
                        Actor.of(jwtDecoder.decode(header.substring(BEARER.length()))));
            } catch (JwtException invalid) {
                return Mono.error(new IllegalStateException("invalid token"));
            }
        }
        return Mono.empty();
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (request instanceof WebSocketGraphQlRequest socketRequest) {
            Object actor = socketRequest.getSessionInfo().getAttributes().get(Actor.CONTEXT_KEY);
            if (actor != null) {
                request.configureExecutionInput((input, builder) ->
                        builder.graphQLContext(context -> context.put(Actor.CONTEXT_KEY, actor)).build());
            }
        }
        return chain.next(request);
    }
}
