package cn.singlewindow.realname.api.error;

import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Errors graphql-java raises before any of our code runs (a malformed document, an unknown field, an argument of
 * the wrong type) get the same typed shape as our refusals (API.md, "Errors"): code VALIDATION_FAILED and a
 * Chinese message. Errors that already carry a code are left as they are.
 */
@Component
class ErrorCodes implements WebGraphQlInterceptor {

    static final String VALIDATION_FAILED_ZH = "请求格式不正确，请检查提交的字段和取值。";
    static final String INTERNAL_ERROR_ZH = "系统繁忙，请稍后再试。";
    static final String QUERY_TOO_COMPLEX_ZH = "查询过于复杂（嵌套过深或字段过多），请拆分后重试。";

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            List<GraphQLError> errors = response.getExecutionResult().getErrors();
            if (errors.stream().allMatch(ErrorCodes::hasCode)) {
                return response;
            }
            List<GraphQLError> typed = errors.stream().map(ErrorCodes::typed).toList();
            return response.transform(builder -> builder.errors(typed));
        });
    }

    private static boolean hasCode(GraphQLError error) {
        return error.getExtensions() != null && error.getExtensions().containsKey("code");
    }

    private static GraphQLError typed(GraphQLError error) {
        if (hasCode(error)) {
            return error;
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (error.getExtensions() != null) {
            extensions.putAll(error.getExtensions());
        }
        if (error.getErrorType() == org.springframework.graphql.execution.ErrorType.INTERNAL_ERROR) {
            // An exception no handler resolved: say so, rather than blame the request.
            extensions.put("code", "INTERNAL_ERROR");
            extensions.put("messageZh", INTERNAL_ERROR_ZH);
        } else if (error.getErrorType() == ErrorType.ExecutionAborted) {
            // A depth or complexity limit (QueryLimits) stopped the document before it ran.
            extensions.put("code", "QUERY_TOO_COMPLEX");
            extensions.put("messageZh", QUERY_TOO_COMPLEX_ZH);
        } else {
            extensions.put("code", "VALIDATION_FAILED");
            extensions.put("messageZh", VALIDATION_FAILED_ZH);
        }
        return GraphqlErrorBuilder.newError()
                .message(error.getMessage())
                .locations(error.getLocations())
                .path(error.getPath())
                .errorType(error.getErrorType())
                .extensions(extensions)
                .build();
    }
}
