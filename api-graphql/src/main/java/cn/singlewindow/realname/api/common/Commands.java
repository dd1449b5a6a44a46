package cn.singlewindow.realname.api.common;

import cn.singlewindow.realname.api.security.Actor;
import cn.singlewindow.realname.messages.common.AuditMetadata;
import cn.singlewindow.realname.messages.common.Refused;
import cn.singlewindow.realname.messages.common.RejectedException;
import graphql.GraphQLContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/** Sends a command with who sent it, from where, through which channel and in which request. */
@Component
public class Commands {

    public static final String CHANNEL_GRAPHQL = "GRAPHQL";
    private static final String ANONYMOUS = "anonymous";

    private final CommandGateway gateway;
    private final ObservationRegistry observations;

    Commands(CommandGateway gateway, Traces traces) {
        this.gateway = gateway;
        this.observations = traces.registry();
    }

    /**
     * The audit metadata of the current request. Take it on the request's own thread, before any future
     * callback, where the caller's security context is no longer at hand.
     */
    public MetaData origin(GraphQLContext context) {
        String actor = Actor.current(context).map(a -> a.accountId().value()).orElse(ANONYMOUS);
        return MetaData.with(AuditMetadata.ACTOR, actor)
                .and(AuditMetadata.CLIENT_ADDRESS, context.getOrDefault(RequestOrigin.CLIENT_ADDRESS, "unknown"))
                .and(AuditMetadata.CHANNEL, CHANNEL_GRAPHQL)
                .and(AuditMetadata.CORRELATION_ID, context.getOrDefault(RequestOrigin.CORRELATION_ID, "none"));
    }

    /** The audit metadata of an HTTP request outside GraphQL (file uploads), through the channel named. */
    public MetaData origin(jakarta.servlet.http.HttpServletRequest request, String channel) {
        String actor = Actor.current().map(a -> a.accountId().value()).orElse(ANONYMOUS);
        return MetaData.with(AuditMetadata.ACTOR, actor)
                .and(AuditMetadata.CLIENT_ADDRESS, request.getRemoteAddr())
                .and(AuditMetadata.CHANNEL, channel)
                .and(AuditMetadata.CORRELATION_ID, CorrelationIds.of(request));
    }

    /** The command's result; a refusal the handler recorded and answered ({@link Refused}) completes as refused. */
    public <R> CompletableFuture<R> send(Object command, MetaData origin) {
        CompletableFuture<Object> sent = observations.isNoop() ? gateway.send(command, origin)
                : traced(command, origin);
        return sent.thenApply(result -> {
            if (result instanceof Refused refused) {
                throw new RejectedException(refused.rejection());
            }
            @SuppressWarnings("unchecked")
            R typed = (R) result;
            return typed;
        });
    }

    /**
     * The command sent within a span of its own: the handler runs on this thread, so the providers' HTTP calls it
     * makes are the span's children.
     */
    private CompletableFuture<Object> traced(Object command, MetaData origin) {
        Observation span = Observation.createNotStarted("realname.command", observations)
                .contextualName(Traces.spanName("command", command.getClass().getSimpleName()))
                .lowCardinalityKeyValue("command", command.getClass().getSimpleName())
                .start();
        CompletableFuture<Object> sent;
        try (Observation.Scope scope = span.openScope()) {
            sent = gateway.send(command, origin);
        }
        return sent.whenComplete((result, failure) -> {
            if (failure != null) {
                span.error(failure);
            }
            span.stop();
        });
    }

    public <R> CompletableFuture<R> send(Object command, GraphQLContext context) {
        return send(command, origin(context));
    }
}
