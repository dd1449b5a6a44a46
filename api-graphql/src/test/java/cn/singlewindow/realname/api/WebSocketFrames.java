package cn.singlewindow.realname.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Opens a graphql-transport-ws connection, sends what it is given, and answers the status the server closed with. */
final class WebSocketFrames {

    private WebSocketFrames() {
    }

    static int closeStatusAfter(HttpClient http, int port, Consumer<WebSocket> send) throws Exception {
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket socket = http.newWebSocketBuilder().subprotocols("graphql-transport-ws")
                .buildAsync(URI.create("ws://localhost:" + port + "/graphql-ws"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closed.complete(statusCode);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        send.accept(socket);
        return closed.get(10, TimeUnit.SECONDS);
    }
}
