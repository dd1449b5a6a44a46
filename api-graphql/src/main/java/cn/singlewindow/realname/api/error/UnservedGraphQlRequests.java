package cn.singlewindow.realname.api.error;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.webmvc.GraphQlRequestPredicates;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Requests at the GraphQL path that are neither a GraphQL POST nor a server-sent-events subscription: Spring Boot's
 * route answers them 415 or 405 with an empty body; here they get the contract's error body, with the same status
 * and headers. Ahead of Boot's route, and matching only what it would have refused.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class UnservedGraphQlRequests {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> contractErrorsAtGraphQlPath(@Value("${spring.graphql.http.path:/graphql}") String path) {
        RequestPredicate served = GraphQlRequestPredicates.graphQlHttp(path)
                .or(GraphQlRequestPredicates.graphQlSse(path));
        return RouterFunctions.route(RequestPredicates.path(path).and(served.negate()), request -> {
            if (request.method() == HttpMethod.POST) {
                return ServerResponse.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).contentType(MediaType.APPLICATION_JSON)
                        .header("Accept", MediaType.APPLICATION_JSON_VALUE, "application/graphql")
                        .body(ContractErrorBody.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE));
            }
            return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED).contentType(MediaType.APPLICATION_JSON)
                    .allow(HttpMethod.POST).body(ContractErrorBody.of(HttpStatus.METHOD_NOT_ALLOWED));
        });
    }
}
