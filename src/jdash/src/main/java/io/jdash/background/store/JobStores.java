package io.jdash.background.store;

import io.jdash.config.JDashConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Chooses the {@link JobStore} and its {@link NodeBeats}: the database behind {@value JDashConfig#DEFAULT_DATASOURCE}
 * (created by {@code server-config/configure-jdash-persistence.cli}; another name with {@code -Djdash.datasource=…}),
 * or, on a server without it, memory, with a warning that jobs will not survive a restart.
 */
@ApplicationScoped
public class JobStores {

    private static final Logger LOG = Logger.getLogger(JobStores.class.getName());

    @Produces
    @ApplicationScoped
    JobStore jobStore() {
        Optional<DataSource> dataSource = dataSource();
        if (dataSource.isEmpty()) {
            LOG.warning("no datasource " + JDashConfig.current().datasource() + ": job records are kept in memory and"
                    + " lost with the server (run server-config/configure-jdash-persistence.cli to keep them)");
            return new MemoryJobStore(BootId.current());
        }
        LOG.info("job records are kept in " + JDashConfig.current().datasource());
        try {
            return new JdbcJobStore(dataSource.get(), BootId.current());
        } catch (JobStoreFailure unreadable) {
            LOG.log(Level.SEVERE, "the job database " + JDashConfig.current().datasource() + " cannot be read or"
                    + " written: " + rootMessage(unreadable) + ". No background job can run until it can; see"
                    + " docs/operations.md, \"When the job database is damaged\"", unreadable);
            throw unreadable;
        }
    }

    /** Dependent (a final value class, not proxied): each user gets its own; they share the table and the file. */
    @Produces
    StoreMark storeMark() {
        JDashConfig config = JDashConfig.current();
        return dataSource().map(source -> new StoreMark(source,
                config.dataDirectory().resolve("jdash").resolve("job-store.mark"), config.nodeName()))
                .orElse(StoreMark.NONE);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    @Produces
    @ApplicationScoped
    NodeBeats nodeBeats() {
        return dataSource().<NodeBeats>map(JdbcNodeBeats::new).orElse(NodeBeats.NONE);
    }

    private static Optional<DataSource> dataSource() {
        try {
            return Optional.of((DataSource) new InitialContext().lookup(JDashConfig.current().datasource()));
        } catch (NamingException | ClassCastException absent) {
            return Optional.empty();
        }
    }
}
