package cn.singlewindow.realname.api.limits;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A subscription needs a stream to answer on: the WebSocket ({@code /graphql-ws}) or server-sent events (a POST that
 * accepts {@code text/event-stream}). Sent as a plain POST, it is refused with a typed error before it runs, where it
 * would otherwise answer 200 with a serialized publisher.
 */
@Component
class SubscriptionTransport extends SimplePerformantInstrumentation implements WebGraphQlInterceptor {

    static final String STREAMED = SubscriptionTransport.class.getName() + ".streamed";

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        List<String> accept = request.getHeaders().getOrEmpty("Accept");
        boolean streamed = request instanceof WebSocketGraphQlRequest
                || accept.stream().anyMatch(value -> value.contains(MediaType.TEXT_EVENT_STREAM_VALUE));
        if (streamed) {
            request.configureExecutionInput((input, builder) ->
                    builder.graphQLContext(context -> context.put(STREAMED, true)).build());
        }
        return chain.next(request);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        var execution = parameters.getExecutionContext();
        if (execution.getOperationDefinition().getOperation() == OperationDefinition.Operation.SUBSCRIPTION
                && !Boolean.TRUE.equals(execution.getGraphQLContext().get(STREAMED))) {
            throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                    .message("Subscriptions run over the WebSocket at /graphql-ws, or as server-sent events"
                            + " (Accept: text/event-stream), not as a plain POST.")
                    .extensions(Map.of("code", "VALIDATION_FAILED", "messageZh",
                            "订阅须通过 WebSocket（/graphql-ws）或服务器推送事件（Accept: text/event-stream）发起。"))
                    .build()));
        }
        return SimpleInstrumentationContext.noOp();
    }
}
