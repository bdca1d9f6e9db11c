package io.jdash.background.store;

import io.jdash.config.JDashConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Optional;
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
        return new JdbcJobStore(dataSource.get(), BootId.current());
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
