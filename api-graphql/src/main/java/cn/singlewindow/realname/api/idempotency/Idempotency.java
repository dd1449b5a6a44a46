package cn.singlewindow.realname.api.idempotency;

import cn.singlewindow.realname.api.error.RefusedRequests;
import cn.singlewindow.realname.api.security.Actor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import graphql.ExecutionResult;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A mutation sent with an {@code Idempotency-Key} header runs once per caller and key: a repeat (a client retrying
 * after a lost answer) gets the stored answer of the first, with {@code Idempotent-Replayed: true}, and changes
 * nothing. The key is claimed in the database before the mutation runs, so this holds across nodes and for
 * repeats sent at the same moment (they wait for the first answer). A key reused for another request is refused.
 * If the first request never finished (its node died), repeats are told so rather than run it a second time.
 */
@Component
// Outermost but for the concurrency limit: what it stores is the answer exactly as the client got it (error codes
// included), and a request refused as busy has claimed no key.
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class Idempotency implements WebGraphQlInterceptor {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern SANE_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(10);
    private static final Duration KEPT = Duration.ofHours(24);

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    Idempotency(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String key = request.getHeaders().getFirst(HEADER);
        if (key == null || !isMutation(request.getDocument())) {
            return chain.next(request);
        }
        if (!SANE_KEY.matcher(key).matches()) {
            return Mono.just(RefusedRequests.refuse(request, "VALIDATION_FAILED",
                    "Idempotency-Key must be 1 to 128 letters, digits, '.', '_', ':' or '-'.",
                    "Idempotency-Key 须为1至128个字母、数字或 . _ : - 字符。"));
        }
        String caller = Actor.current().map(actor -> actor.accountId().value())
                .orElse("anonymous@" + Optional.ofNullable(request.getRemoteAddress())
                        .map(address -> address.getHostString()).orElse("unknown"));
        String hash = hash(request);
        int claimed = jdbc.update("INSERT INTO idempotent_request (caller, idempotency_key, request_hash)"
                + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING", caller, key, hash);
        if (claimed == 1) {
            return chain.next(request)
                    .doOnNext(response -> store(caller, key, response))
                    // Nothing to replay: a repeat may try again.
                    .doOnError(failure -> release(caller, key));
        }
        return Mono.fromCallable(() -> replay(request, caller, key, hash))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private WebGraphQlResponse replay(WebGraphQlRequest request, String caller, String key, String hash)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT_FOR_FIRST.toNanos();
        while (true) {
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT request_hash, response FROM"
                    + " idempotent_request WHERE caller = ? AND idempotency_key = ?", caller, key);
            if (rows.isEmpty()) {
                // The first request failed and let the key go: this one is not a repeat of anything stored.
                return RefusedRequests.refuse(request, "REQUEST_IN_PROGRESS", "The first request with this Idempotency-Key did"
                        + " not finish; send it again.", "使用该 Idempotency-Key 的首次请求未完成，请重新发送。");
            }
            if (!hash.equals(rows.get(0).get("request_hash"))) {
                return RefusedRequests.refuse(request, "IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was used for another"
                        + " request; use a new key for a new request.", "该 Idempotency-Key 已用于其他请求，新请求请使用新的键。");
            }
            Object stored = rows.get(0).get("response");
            if (stored != null) {
                WebGraphQlResponse response = new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(
                        request.toExecutionInput(), new StoredResult(read((String) stored))));
                response.getResponseHeaders().set(REPLAYED_HEADER, "true");
                return response;
            }
            if (System.nanoTime() > deadline) {
                return RefusedRequests.refuse(request, "REQUEST_IN_PROGRESS", "The first request with this Idempotency-Key has"
                                + " not answered yet (or its node stopped); check the outcome before sending a new"
                                + " request.", "使用该 Idempotency-Key 的首次请求尚未完成，请先查询结果，再决定是否重新提交。");
            }
            Thread.sleep(50);
        }
    }

    private void store(String caller, String key, WebGraphQlResponse response) {
        try {
            jdbc.update("UPDATE idempotent_request SET response = ? WHERE caller = ? AND idempotency_key = ?",
                    json.writeValueAsString(response.toMap()), caller, key);
        } catch (JsonProcessingException e) {
            release(caller, key);
            throw new IllegalStateException("cannot store the answer of an idempotent request", e);
        }
    }

    private void release(String caller, String key) {
        jdbc.update("DELETE FROM idempotent_request WHERE caller = ? AND idempotency_key = ? AND response IS NULL",
                caller, key);
    }

    /** Keys are kept for a day, then forgotten. */
    @Bean
    static RecurringTask<Void> forgetOldIdempotencyKeys(JdbcTemplate jdbc) {
        return Tasks.recurring("forget-old-idempotency-keys", FixedDelay.ofHours(1))
                .execute((instance, context) -> jdbc.update("DELETE FROM idempotent_request WHERE created_at"
                        + " < now() - make_interval(secs => ?)", (double) KEPT.toSeconds()));
    }

    private static boolean isMutation(String document) {
        try {
            Document parsed = Parser.parse(document);
            return parsed.getDefinitionsOfType(OperationDefinition.class).stream()
                    .anyMatch(operation -> operation.getOperation() == OperationDefinition.Operation.MUTATION);
        } catch (InvalidSyntaxException malformed) {
            // GraphQL itself will refuse it; nothing to remember.
            return false;
        }
    }

    private String hash(WebGraphQlRequest request) {
        try {
            Map<String, Object> identity = new LinkedHashMap<>();
            identity.put("document", request.getDocument());
            identity.put("operationName", request.getOperationName());
            identity.put("variables", request.getVariables());
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    json.writeValueAsString(identity).getBytes(StandardCharsets.UTF_8)));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> read(String stored) {
        try {
            return json.readValue(stored, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answer is unreadable", e);
        }
    }

    /** An answer given before, served as it was. */
    private record StoredResult(Map<String, Object> specification) implements ExecutionResult {
        @Override
        public List<graphql.GraphQLError> getErrors() {
            return List.of();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getData() {
            return (T) specification.get("data");
        }

        @Override
        public boolean isDataPresent() {
            return specification.containsKey("data");
        }

        @Override
        public Map<Object, Object> getExtensions() {
            return null;
        }

        @Override
        public Map<String, Object> toSpecification() {
            return specification;
        }
    }
}
