package cn.singlewindow.realname.api.common;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A span per GraphQL operation, named after it, under the HTTP request's span, when traces are on. Named under
 * {@code realname.}: observations named {@code graphql...} are switched off with Spring GraphQL's (application.yml). Spring GraphQL's
 * own instrumentation is not installed (a span per field costs a tenth of a read, see application.yml); the span is
 * handed to the data fetchers through the Reactor context, so the commands they send are its children.
 */
@Component
class OperationSpans implements WebGraphQlInterceptor {

    private final Traces traces;

    OperationSpans(Traces traces) {
        this.traces = traces;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!traces.on()) {
            return chain.next(request);
        }
        ObservationRegistry registry = traces.registry();
        String name = request.getOperationName() == null || request.getOperationName().isBlank()
                ? "anonymous" : request.getOperationName();
        Observation span = Observation.createNotStarted("realname.graphql.operation", registry)
                .contextualName(Traces.spanName("graphql", name))
                .lowCardinalityKeyValue("graphql.operation.name", name)
                .parentObservation(registry.getCurrentObservation())
                .start();
        return chain.next(request)
                .doOnNext(response -> span.lowCardinalityKeyValue("graphql.outcome",
                        response.getErrors().isEmpty() ? "SUCCESS" : "ERROR"))
                .doOnError(span::error)
                .doFinally(signal -> span.stop())
                .contextWrite(context -> context.put(ObservationThreadLocalAccessor.KEY, span));
    }
}
