package cn.singlewindow.realname.api.limits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.graphql.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * Frames on {@code /graphql-ws} that are not graphql-transport-ws messages (text that is not a JSON object, an
 * unknown type, a subscribe without a document, binary frames) close the connection with 4400 "Invalid message", the
 * protocol's own code, and one WARN line: Spring's handler would fail on them with 1011 and a stack trace.
 */
@Configuration(proxyBeanMethods = false)
// Not in the command-line tools, which run without a web server.
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WebSocketMessages {

    private static final Logger log = LoggerFactory.getLogger(WebSocketMessages.class);
    static final CloseStatus INVALID_MESSAGE = new CloseStatus(4400, "Invalid message");
    /** The messages a client sends (graphql-transport-ws). */
    private static final Set<String> CLIENT_TYPES = Set.of("connection_init", "ping", "pong", "subscribe",
            "complete");

    @Bean
    GraphQlWebSocketHandler graphQlWebSocketHandler(WebGraphQlHandler handler, GraphQlProperties properties,
                                                    ObjectMapper json) {
        return new GraphQlWebSocketHandler(handler, new MappingJackson2HttpMessageConverter(json),
                properties.getWebsocket().getConnectionInitTimeout(), properties.getWebsocket().getKeepAlive()) {

            @Override
            protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
                String problem = problemOf(json, message.getPayload());
                if (problem != null) {
                    refuse(session, problem);
                    return;
                }
                super.handleTextMessage(session, message);
            }

            @Override
            protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
                refuse(session, "a binary frame");
            }
        };
    }

    /** What is wrong with the text as a client's graphql-transport-ws message; null when nothing is. */
    static String problemOf(ObjectMapper json, String text) {
        JsonNode message;
        try {
            message = json.readTree(text);
        } catch (IOException notJson) {
            return "text that is not JSON";
        }
        if (message == null || !message.isObject()) {
            return "JSON that is not an object";
        }
        JsonNode type = message.get("type");
        if (type == null || !type.isTextual() || !CLIENT_TYPES.contains(type.asText())) {
            return "an unknown message type";
        }
        // Absent and null are alike: clients send "id": null with a connection_init.
        JsonNode id = message.path("id");
        JsonNode payload = message.path("payload");
        if (!id.isMissingNode() && !id.isNull() && !id.isTextual()
                || !payload.isMissingNode() && !payload.isNull() && !payload.isObject()) {
            return "a malformed id or payload";
        }
        if (type.asText().equals("subscribe") && (!payload.path("query").isTextual() || !id.isTextual())) {
            return "a subscribe message without an id or a document";
        }
        return null;
    }

    private static void refuse(WebSocketSession session, String problem) {
        log.warn("Closed GraphQL WebSocket {} from {}: the client sent {}", session.getId(),
                session.getRemoteAddress(), problem);
        try {
            session.close(INVALID_MESSAGE);
        } catch (IOException alreadyGone) {
            // The client went first; nothing is left to close.
        }
    }
}
