package cn.singlewindow.realname.api.limits;

import cn.singlewindow.realname.api.common.RequestOrigin;
import cn.singlewindow.realname.api.security.Actor;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What a caller who has not logged in may ask at once: each anonymous operation does real work (a captcha drawn
 * and stored, a card challenge, a password hashed), so one request holds at most
 * {@code realname.http.anonymous.max-root-fields} of them (aliases and fragments counted), and one client address
 * gets at most {@code realname.http.anonymous.per-address-per-minute} anonymous operations a minute on a node (a
 * bucket that refills evenly). Past either, the request is refused before anything runs.
 */
@Component
class AnonymousLimits extends SimplePerformantInstrumentation {

    private final int maxRootFields;
    private final int perMinute;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    AnonymousLimits(HttpSettings settings) {
        int maxRootFields = settings.anonymous().maxRootFields();
        int perMinute = settings.anonymous().perAddressPerMinute();
        this.maxRootFields = maxRootFields;
        this.perMinute = perMinute;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        if (Actor.isAuthenticated(execution.getGraphQLContext())) {
            return SimpleInstrumentationContext.noOp();
        }
        int fields = count(execution.getOperationDefinition().getSelectionSet(), execution.getFragmentsByName(), 0);
        if (fields > maxRootFields) {
            throw refused("An anonymous request asks for at most " + maxRootFields + " fields at once.",
                    "未登录时每个请求最多包含" + maxRootFields + "个操作。", "QUERY_TOO_COMPLEX");
        }
        Bucket bucket = buckets.get(RequestOrigin.clientAddress(execution.getGraphQLContext()),
                address -> new Bucket(perMinute));
        if (!bucket.take(fields, perMinute, System.nanoTime())) {
            throw refused("Too many requests from this address; try again in a minute.",
                    "该地址的请求过于频繁，请一分钟后再试。", "TOO_MANY_ATTEMPTS");
        }
        return SimpleInstrumentationContext.noOp();
    }

    /** Root fields of the operation, fragments expanded; more than the limit is enough to know. */
    private int count(SelectionSet selections, Map<String, FragmentDefinition> fragments, int depth) {
        int fields = 0;
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field) {
                fields++;
            } else if (selection instanceof InlineFragment inline && depth < 10) {
                fields += count(inline.getSelectionSet(), fragments, depth + 1);
            } else if (selection instanceof FragmentSpread spread && depth < 10) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                fields += fragment == null ? 1 : count(fragment.getSelectionSet(), fragments, depth + 1);
            }
            if (fields > maxRootFields) {
                return fields;
            }
        }
        return fields;
    }

    private static AbortExecutionException refused(String message, String messageZh, String code) {
        return new AbortExecutionException(List.of(GraphqlErrorBuilder.newError().message(message)
                .extensions(Map.of("code", code, "messageZh", messageZh)).build()));
    }

    /** Tokens refilled evenly, {@code perMinute} a minute, holding at most a minute's worth. */
    static final class Bucket {
        private double tokens;
        private long updatedAt;

        Bucket(int perMinute) {
            this(perMinute, System.nanoTime());
        }

        Bucket(int perMinute, long now) {
            this.tokens = perMinute;
            this.updatedAt = now;
        }

        synchronized boolean take(int wanted, int perMinute, long now) {
            // In floating point: nanoseconds times a large allowance would overflow a long after a few idle minutes.
            tokens = Math.min(perMinute, tokens + (now - updatedAt) / 60e9 * perMinute);
            updatedAt = now;
            if (tokens < wanted) {
                return false;
            }
            tokens -= wanted;
            return true;
        }
    }
}
