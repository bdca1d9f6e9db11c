package io.jdash.background.store;

import io.jdash.config.JDashConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Chooses the {@link JobStore}: the database behind {@value JDashConfig#DEFAULT_DATASOURCE} (created by
 * {@code server-config/configure-jdash-persistence.cli}; another name with {@code -Djdash.datasource=…}), or,
 * on a server without it, memory, with a warning that jobs will not survive a restart.
 */
@ApplicationScoped
public class JobStores {

    private static final Logger LOG = Logger.getLogger(JobStores.class.getName());

    @Produces
    @ApplicationScoped
    JobStore jobStore() {
        String name = JDashConfig.current().datasource();
        DataSource dataSource;
        try {
            dataSource = (DataSource) new InitialContext().lookup(name);
        } catch (NamingException | ClassCastException absent) {
            LOG.warning("no datasource " + name + ": job records are kept in memory and lost with the server"
                    + " (run server-config/configure-jdash-persistence.cli to keep them)");
            return new MemoryJobStore(BootId.current());
        }
        LOG.info("job records are kept in " + name);
        return new JdbcJobStore(dataSource, BootId.current());
    }
}
