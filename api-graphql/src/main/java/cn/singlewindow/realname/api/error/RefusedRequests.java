package cn.singlewindow.realname.api.error;

import graphql.ExecutionResultImpl;
import graphql.GraphqlErrorBuilder;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;

/** The answer to a request refused by an interceptor before it runs: one typed error (API.md, "Errors"). */
public final class RefusedRequests {

    private RefusedRequests() {
    }

    public static WebGraphQlResponse refuse(WebGraphQlRequest request, String code, String message,
                                            String messageZh) {
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(),
                ExecutionResultImpl.newExecutionResult().addError(GraphqlErrorBuilder.newError()
                        .message(message).extensions(Map.of("code", code, "messageZh", messageZh)).build()).build()));
    }
}
