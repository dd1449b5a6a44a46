package cn.singlewindow.realname.api.error;

import cn.singlewindow.realname.messages.common.Rejection;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The contract's shape for an error answered outside a GraphQL execution: {@code errors[].message} in English,
 * {@code extensions.code} and {@code messageZh}, by HTTP status.
 */
public record ContractErrorBody(List<Error> errors) {

    public record Error(String message, Map<String, String> extensions) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ContractErrorBody of(HttpStatus status) {
        String[] texts = texts(status);
        return new ContractErrorBody(List.of(new Error(texts[1], Map.of("code", texts[0], "messageZh", texts[2]))));
    }

    /** A refusal outside GraphQL, with its code, texts, hint and field as a GraphQL error would carry them. */
    public static ContractErrorBody of(Rejection rejection) {
        Map<String, String> extensions = new java.util.LinkedHashMap<>();
        extensions.put("code", rejection.code());
        extensions.put("messageZh", rejection.messageZh());
        if (rejection.hint() != null) {
            extensions.put("hint", rejection.hint());
        }
        if (rejection.field() != null) {
            extensions.put("field", rejection.field());
        }
        return new ContractErrorBody(List.of(new Error(rejection.message(), extensions)));
    }

    /** Writes the body for the status onto a response that has not been written yet. */
    public static void write(HttpServletResponse response, HttpStatus status) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), of(status));
    }

    /** Code, English and Chinese for a status. */
    private static String[] texts(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> new String[] {"VALIDATION_FAILED", "The request could not be read.",
                    "请求格式不正确，请检查提交的字段和取值。"};
            case UNAUTHORIZED -> new String[] {"UNAUTHENTICATED",
                    "Log in first: no token, or one whose session has ended or expired.", "请先登录（登录已失效或已退出）。"};
            case FORBIDDEN -> new String[] {"FORBIDDEN", "You may not do this.", "您无权执行此操作。"};
            case NOT_FOUND -> new String[] {"NOT_FOUND", "There is nothing here.", "请求的资源不存在。"};
            case METHOD_NOT_ALLOWED -> new String[] {"METHOD_NOT_ALLOWED", "This method is not allowed here.",
                    "不支持该请求方法。"};
            case NOT_ACCEPTABLE, UNSUPPORTED_MEDIA_TYPE -> new String[] {"UNSUPPORTED_MEDIA_TYPE",
                    "This content type is not served here.", "不支持该内容类型。"};
            case PAYLOAD_TOO_LARGE -> new String[] {"REQUEST_TOO_LARGE", "The request is too large.", "请求过大。"};
            case TOO_MANY_REQUESTS -> new String[] {"TOO_MANY_ATTEMPTS", "Too many requests; try again later.",
                    "请求过于频繁，请稍后再试。"};
            case SERVICE_UNAVAILABLE -> new String[] {"SERVICE_BUSY", "The service is busy; try again shortly.",
                    "系统繁忙，请稍后再试。"};
            default -> status.is5xxServerError()
                    ? new String[] {"INTERNAL_ERROR", "The service failed to answer.", "系统繁忙，请稍后再试。"}
                    : new String[] {"VALIDATION_FAILED", "The request was refused.", "请求格式不正确，请检查提交的字段和取值。"};
        };
    }
}
