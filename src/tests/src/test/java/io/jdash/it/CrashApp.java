package io.jdash.it;

import io.jdash.app.DashApp;
import io.jdash.background.BackgroundContext;
import io.jdash.callback.CallbackArgs;
import io.jdash.callback.CallbackRegistry;
import io.jdash.callback.Input;
import io.jdash.callback.Output;
import io.jdash.callback.State;
import io.jdash.layout.Component;
import io.jdash.layout.Dcc;
import io.jdash.layout.Html;
import io.jdash.background.defaults.Managers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The test-only app {@link CrashRecoveryIT} kills its server under. Its jobs write "start TAG" and "end TAG"
 * lines to {@code crash-ledger.txt} in the server's data directory, which outlives the JVM, so the test can
 * count how often each job's code ran across the crash.
 * <ul>
 *   <li>{@code once-out.children} on worker queue 3: input {@code once.value} the tag, state
 *       {@code once-sleep.value} the millis it sleeps; an ordinary (not idempotent) job.</li>
 *   <li>{@code again-out.children} on worker queue 4: the same, declared {@code idempotent()}.</li>
 *   <li>{@code local-out.children} on the local manager: the same; its queue lives in memory.</li>
 * </ul>
 */
@ApplicationScoped
public class CrashApp implements DashApp {

    @Inject
    Managers managers;

    static final String LEDGER = "crash-ledger.txt";

    @Override
    public String slug() {
        return "crash";
    }

    @Override
    public String title() {
        return "Crash recovery (test)";
    }

    @Override
    public Component layout() {
        return Html.Div(
                Dcc.Input().id("once"), Dcc.Input().id("once-sleep"), Html.Div().id("once-out"),
                Dcc.Input().id("again"), Dcc.Input().id("again-sleep"), Html.Div().id("again-out"),
                Dcc.Input().id("local"), Dcc.Input().id("local-sleep"), Html.Div().id("local-out"));
    }

    @Override
    public void callbacks(CallbackRegistry app) {
        app.callback(new Output("once-out", "children"), new Input("once", "value"), new State("once-sleep", "value"))
                .preventInitialCall()
                .background()
                .queue("BackgroundCallbacks3")
                .keepPreviousJob()
                .handle(CrashApp::work);
        app.callback(new Output("again-out", "children"), new Input("again", "value"), new State("again-sleep", "value"))
                .preventInitialCall()
                .background()
                .queue("BackgroundCallbacks4")
                .keepPreviousJob()
                .idempotent()
                .handle(CrashApp::work);
        app.callback(new Output("local-out", "children"), new Input("local", "value"), new State("local-sleep", "value"))
                .preventInitialCall()
                .background()
                .manager(managers.local())
                .keepPreviousJob()
                .handle(CrashApp::work);
    }

    private static Object work(BackgroundContext job, CallbackArgs args) {
        String tag = args.string(0);
        write("start " + tag);
        job.sleep(((Number) args.get(1)).longValue());
        write("end " + tag);
        return "done " + tag;
    }

    private static synchronized void write(String line) {
        Path ledger = Path.of(System.getProperty("jboss.server.data.dir"), LEDGER);
        try {
            Files.writeString(ledger, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
