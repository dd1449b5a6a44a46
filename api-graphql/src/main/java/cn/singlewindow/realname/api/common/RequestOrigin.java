package cn.singlewindow.realname.api.common;

import java.net.InetSocketAddress;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Puts where a request came from into the GraphQL context: the client address and a correlation id (the
 * caller's {@code X-Correlation-Id} when it is a sane token, a new one otherwise). The id is echoed back.
 */
@Component
public class RequestOrigin implements WebGraphQlInterceptor {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    static final String CLIENT_ADDRESS = "realname.clientAddress";
    static final String CORRELATION_ID = "realname.correlationId";
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** The client address the request came from, as recorded in its context. */
    public static String clientAddress(graphql.GraphQLContext context) {
        return context.getOrDefault(CLIENT_ADDRESS, "unknown");
    }

    /** The caller's correlation id when it is a sane token, a new one otherwise. */
    public static String correlationId(String given) {
        return given != null && SANE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Object given = request.getAttributes().get(CorrelationIds.ATTRIBUTE);
        String correlationId = given != null ? given.toString()
                : correlationId(request.getHeaders().getFirst(CORRELATION_HEADER));
        InetSocketAddress remote = request.getRemoteAddress();
        String clientAddress = remote == null ? "unknown" : remote.getAddress() == null
                ? remote.getHostString() : remote.getAddress().getHostAddress();
        request.configureExecutionInput((input, builder) -> builder
                .graphQLContext(context -> context.put(CLIENT_ADDRESS, clientAddress)
                        .put(CORRELATION_ID, correlationId))
                .build());
        return chain.next(request).doOnNext(response ->
                response.getResponseHeaders().set(CORRELATION_HEADER, correlationId));
    }
}
