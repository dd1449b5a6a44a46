package cn.singlewindow.realname.api.limits;

import cn.singlewindow.realname.api.error.RefusedRequests;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * No text a person types holds control characters (other than tab and line breaks); PostgreSQL refuses NUL
 * outright. A request carrying one, in a variable or escaped in the document, is refused as a whole with
 * VALIDATION_FAILED before anything runs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ControlCharacters implements WebGraphQlInterceptor {

    private static final Pattern RAW = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    // The same characters written as GraphQL string escapes in the document (\\u0000 to \\u001F, except tab, LF, CR).
    private static final Pattern ESCAPED = Pattern.compile("\\\\u00(0[0-8bBcCeEfF]|1[0-9a-fA-F])|\\\\u007[fF]");

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String document = request.getDocument();
        // Most documents hold no backslash at all: the escape pattern need not search them.
        if (RAW.matcher(document).find() || (document.indexOf('\\') >= 0 && ESCAPED.matcher(document).find())
                || holdsControlCharacter(request.getVariables())) {
            return Mono.just(RefusedRequests.refuse(request, "VALIDATION_FAILED",
                    "Text must not contain control characters.", "输入内容不能包含控制字符。"));
        }
        return chain.next(request);
    }

    private static boolean holdsControlCharacter(Object value) {
        if (value instanceof String text) {
            return RAW.matcher(text).find();
        }
        if (value instanceof Map<?, ?> map) {
            return map.keySet().stream().anyMatch(ControlCharacters::holdsControlCharacter)
                    || map.values().stream().anyMatch(ControlCharacters::holdsControlCharacter);
        }
        if (value instanceof Collection<?> values) {
            return values.stream().anyMatch(ControlCharacters::holdsControlCharacter);
        }
        return false;
    }
}
