package cn.singlewindow.realname.api.error;

import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.common.Rejection;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Maps every refusal to a typed GraphQL error: English {@code message}, and {@code code}, {@code messageZh},
 * {@code hint} and {@code field} in the extensions (API.md, "Errors"). Anything unforeseen stays an
 * INTERNAL_ERROR whose details go to the log only.
 */
@ControllerAdvice
class GraphQlErrors {

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);
    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    @GraphQlExceptionHandler
    GraphQLError rejected(RejectedException rejected, DataFetchingEnvironment env) {
        return toError(rejected.rejection(), env);
    }

    @GraphQlExceptionHandler
    GraphQLError commandFailed(CommandExecutionException failed, DataFetchingEnvironment env) {
        Optional<Object> details = failed.getDetails();
        if (details.isPresent() && details.get() instanceof Rejection rejection) {
            return toError(rejection, env);
        }
        Throwable cause = failed.getCause();
        return cause != null && cause != failed ? translate(cause, env) : internal(failed, env);
    }

    @GraphQlExceptionHandler
    GraphQLError concurrent(ConcurrencyException conflict, DataFetchingEnvironment env) {
        return toError(ApiRejections.CONCURRENT_MODIFICATION, env);
    }

    @GraphQlExceptionHandler
    GraphQLError notFound(AggregateNotFoundException missing, DataFetchingEnvironment env) {
        return toError(ApiRejections.NOT_FOUND, env);
    }

    @GraphQlExceptionHandler
    GraphQLError denied(AccessDeniedException denied, DataFetchingEnvironment env) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean anonymous = authentication == null || TRUST.isAnonymous(authentication);
        return toError(anonymous ? ApiRejections.UNAUTHENTICATED : ApiRejections.FORBIDDEN, env);
    }

    /** Futures wrap what the command side threw; answer for the cause. */
    @GraphQlExceptionHandler
    GraphQLError wrapped(CompletionException wrapped, DataFetchingEnvironment env) {
        return translate(wrapped.getCause(), env);
    }

    @GraphQlExceptionHandler
    GraphQLError wrapped(ExecutionException wrapped, DataFetchingEnvironment env) {
        return translate(wrapped.getCause(), env);
    }

    private GraphQLError translate(Throwable cause, DataFetchingEnvironment env) {
        if (cause instanceof RejectedException rejected) {
            return rejected(rejected, env);
        }
        if (cause instanceof CommandExecutionException failed) {
            return commandFailed(failed, env);
        }
        if (cause instanceof ConcurrencyException conflict) {
            return concurrent(conflict, env);
        }
        if (cause instanceof AggregateNotFoundException missing) {
            return notFound(missing, env);
        }
        if (cause instanceof AccessDeniedException accessDenied) {
            return denied(accessDenied, env);
        }
        if (cause instanceof CompletionException || cause instanceof ExecutionException) {
            return translate(cause.getCause(), env);
        }
        return internal(cause, env);
    }

    private static GraphQLError internal(Throwable unexpected, DataFetchingEnvironment env) {
        log.error("Unexpected failure in {}", env.getExecutionStepInfo().getPath(), unexpected);
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", "INTERNAL_ERROR");
        extensions.put("messageZh", "系统繁忙，请稍后再试。");
        return GraphqlErrorBuilder.newError(env)
                .errorType(ErrorType.INTERNAL_ERROR)
                .message("Internal error; it has been logged.")
                .extensions(extensions)
                .build();
    }

    static GraphQLError toError(Rejection rejection, DataFetchingEnvironment env) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", rejection.code());
        extensions.put("messageZh", rejection.messageZh());
        if (rejection.hint() != null) {
            extensions.put("hint", rejection.hint());
        }
        if (rejection.field() != null) {
            extensions.put("field", rejection.field());
        }
        return GraphqlErrorBuilder.newError(env)
                .errorType(classify(rejection.code()))
                .message(rejection.message())
                .extensions(extensions)
                .build();
    }

    private static ErrorType classify(String code) {
        return switch (code) {
            case "UNAUTHENTICATED" -> ErrorType.UNAUTHORIZED;
            case "FORBIDDEN" -> ErrorType.FORBIDDEN;
            case "NOT_FOUND" -> ErrorType.NOT_FOUND;
            default -> ErrorType.BAD_REQUEST;
        };
    }
}
