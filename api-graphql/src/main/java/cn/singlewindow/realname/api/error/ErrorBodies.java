package cn.singlewindow.realname.api.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every error the container answers outside GraphQL (a body that cannot be read, a path that does not exist, a method
 * not allowed, {@code GET /error} itself) gets the contract's shape: {@code errors[].message} in English and
 * {@code extensions.code} and {@code messageZh}. Replaces Spring Boot's error controller and its page.
 */
@RestController
class ErrorBodies implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorBodies.class);

    record Body(List<Error> errors) {
    }

    record Error(String message, Map<String, String> extensions) {
    }

    @RequestMapping(path = "${server.error.path:/error}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Body> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Asked for directly, not forwarded with an error: there is nothing at this path.
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.NOT_FOUND;
        if (status.is5xxServerError()) {
            log.error("Request {} failed", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body(status));
    }

    /** The contract's error body for a status. */
    static Body body(HttpStatus status) {
        String[] texts = texts(status);
        return new Body(List.of(new Error(texts[1], Map.of("code", texts[0], "messageZh", texts[2]))));
    }

    /** Code, English and Chinese for a status. */
    private static String[] texts(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> new String[] {"VALIDATION_FAILED", "The request could not be read.",
                    "请求格式不正确，请检查提交的字段和取值。"};
            case UNAUTHORIZED -> new String[] {"UNAUTHENTICATED", "Log in first.", "请先登录。"};
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
