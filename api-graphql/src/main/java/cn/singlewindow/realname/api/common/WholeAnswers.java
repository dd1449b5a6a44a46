package cn.singlewindow.realname.api.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

/**
 * GraphQL answers are sent whole, with their length: Spring's JSON writer flushes the body as it finishes it, so
 * Tomcat sent each answer chunked, in two writes (the answer, then the chunk that ends it), and each client parsed
 * both. Kept until the request is done (on its async dispatch when the answer waited for a projection) and then sent
 * in one. Server-sent events (subscriptions over HTTP) stream as before.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class WholeAnswers extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return !GraphQlPosts.isGraphQlPost(request)
                || (accept != null && accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE));
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletResponse kept = isAsyncDispatch(request) ? response : new ContentCachingResponseWrapper(response);
        // Not on an exception: a half-written answer stays unsent, and the container's error answer goes out instead.
        chain.doFilter(request, kept);
        ContentCachingResponseWrapper whole = WebUtils.getNativeResponse(kept, ContentCachingResponseWrapper.class);
        if (!isAsyncStarted(request) && whole != null) {
            whole.copyBodyToResponse();
        }
    }
}
