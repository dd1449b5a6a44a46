package cn.singlewindow.realname.api.common;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every HTTP request its correlation id (the caller's {@code X-Correlation-Id} when it is a sane token, a new
 * one otherwise) before anything else runs: echoed in the answer, recorded with the request's commands, and in the
 * logging context under {@value #LOG_KEY}, so that every line logged while serving the request carries it, on the
 * threads GraphQL continues on too (context propagation restores it there).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationIds extends OncePerRequestFilter {

    public static final String LOG_KEY = "correlationId";
    static final String ATTRIBUTE = CorrelationIds.class.getName();

    public CorrelationIds() {
        ContextRegistry.getInstance().registerThreadLocalAccessor(new Slf4jThreadLocalAccessor(LOG_KEY));
    }

    /** The request's correlation id; a request that did not pass the filter gets one from its header. */
    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id != null ? id.toString() : RequestOrigin.correlationId(
                request.getHeader(RequestOrigin.CORRELATION_HEADER));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = of(request);
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(RequestOrigin.CORRELATION_HEADER, id);
        MDC.put(LOG_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(LOG_KEY);
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        // GraphQL answers on an async dispatch: the lines logged there belong to the request too.
        return false;
    }
}
