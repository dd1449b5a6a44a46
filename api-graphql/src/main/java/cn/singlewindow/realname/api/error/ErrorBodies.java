package cn.singlewindow.realname.api.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
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

    @RequestMapping(path = "${server.error.path:/error}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ContractErrorBody> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Asked for directly, not forwarded with an error: there is nothing at this path.
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.NOT_FOUND;
        if (status.is5xxServerError()) {
            log.error("Request {} failed", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(ContractErrorBody.of(status));
    }

}
