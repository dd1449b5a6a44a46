package cn.singlewindow.realname.api.limits;

import cn.singlewindow.realname.api.common.GraphQlPosts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.util.unit.DataSize;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the limit (64 KiB by default; the largest legitimate request, an import, is under
 * 2 KiB) with 413 and a GraphQL-shaped error, before anything parses them: by the declared length, or else by
 * reading at most one byte more than the limit first (a chunked body). A GraphQL body that is not a JSON object
 * gets a typed 400. An upload of evidence to a correction case has a limit of its own (a file of up to 2 MiB; the
 * multipart parser holds to {@code spring.servlet.multipart.*} for bodies of undeclared length), and so has a file
 * of migrated enterprises.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

    static final String BODY = "{\"errors\":[{\"message\":\"The request is too large.\",\"extensions\":"
            + "{\"code\":\"REQUEST_TOO_LARGE\",\"messageZh\":\"请求内容过大。\"}}]}";

    static final String NOT_AN_OBJECT = "{\"errors\":[{\"message\":\"The request body must be a JSON object with"
            + " a query.\",\"extensions\":{\"code\":\"VALIDATION_FAILED\",\"messageZh\":\"请求格式不正确，请检查提交的字段和取值。\"}}]}";

    private final int maxBytes;
    private final long maxUploadBytes;

    RequestSizeLimit(HttpSettings settings,
                     @Value("${spring.servlet.multipart.max-request-size:2200KB}") DataSize maxUploadBytes) {
        int maxBytes = settings.maxRequestBytes();
        this.maxBytes = maxBytes;
        this.maxUploadBytes = maxUploadBytes.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (isLegacyImport(request)) {
            // A file of migrated enterprises: its own limit (realname.legacy-import.max-file-size), counted as it is
            // written to disk (LegacyImports).
            chain.doFilter(request, response);
            return;
        }
        if (declared > (isEvidenceUpload(request) ? maxUploadBytes : maxBytes)) {
            refuse(response);
            return;
        }
        if (!GraphQlPosts.isGraphQlPost(request)) {
            // Other endpoints take forms (the bank callback), which Tomcat parses itself, within
            // server.tomcat.max-http-form-post-size.
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            refuse(response);
            return;
        }
        if (!isJsonObject(body)) {
            // Spring for GraphQL fails with a NullPointerException on a body of "null": answer it here instead.
            respond(response, HttpServletResponse.SC_BAD_REQUEST, NOT_AN_OBJECT);
            return;
        }
        chain.doFilter(new BufferedRequest(request, body), response);
    }

    private static boolean isLegacyImport(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && "/legacy-imports".equals(request.getRequestURI());
    }

    private static boolean isEvidenceUpload(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && EVIDENCE.matcher(request.getRequestURI()).matches();
    }

    private static final java.util.regex.Pattern EVIDENCE = java.util.regex.Pattern.compile(
            "/correction-cases/[^/]{1,64}/evidence");

    private static boolean isJsonObject(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b == '{';
            }
        }
        return false;
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        respond(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, BODY);
    }

    private static void respond(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    /** A chunked request whose body was read here, within the limit. */
    private static final class BufferedRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }
    }
}
