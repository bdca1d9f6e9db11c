package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

/**
 * One job of {@link NoOpApp} as a page load runs it on its {@code _dash-ws} socket: the background request of the
 * manager's button, and its answer (sent when the job ends), checked to be "ok" with the job's result.
 */
final class NoOpRequest {

    /** The request as sent and its answer as heard. */
    record Answered(RendererSocket.Sent sent, TestSocket.Received answer) {
        /** From just before the request went out to the answer's arrival. */
        long micros() {
            return (answer.atNanos() - sent.atNanos()) / 1000;
        }
    }

    private NoOpRequest() {
    }

    /** Clicks {@code manager}'s button ({@code "jms"} or {@code "local"}) for the {@code clicks}th time. */
    static Answered run(RendererSocket renderer, String manager, int clicks, Duration timeout) throws Exception {
        RendererSocket.Sent sent = renderer.requestTimed(manager + "-out.children",
                new Object[][] {{manager, "n_clicks", clicks}}, new Object[0][]);
        TestSocket.Received answer = renderer.answer(sent.requestId(), timeout);
        assertEquals("ok", RendererSocket.status(answer), answer.json().toString());
        assertEquals(clicks, RendererSocket.response(answer).getJsonObject(manager + "-out").getInt("children"),
                answer.json().toString());
        return new Answered(sent, answer);
    }
}
