package org.creativecities.core.platform.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.creativecities.core.platform.AppConfig;

/**
 * Produces the application's {@link Cluster} once: {@link LocalCluster} with {@code ccc.cluster.mode=none} (Payara
 * then starts no Hazelcast), otherwise {@link HazelcastCluster} over Payara's member ({@code payara/Hazelcast}).
 * A clustered node without that member does not start.
 */
@ApplicationScoped
public class Clusters {

    /** Payara's JNDI name of its Hazelcast member. */
    static final String HAZELCAST_JNDI = "payara/Hazelcast";

    private static final Logger LOG = Logger.getLogger(Clusters.class.getName());

    @Inject
    private AppConfig config;

    @Produces
    @ApplicationScoped
    Cluster cluster() {
        String mode = config.value("ccc.cluster.mode").trim();
        if (mode.isEmpty() || "none".equals(mode)) {
            return new LocalCluster(Clock.systemUTC());
        }
        Object member;
        try {
            member = new InitialContext().lookup(HAZELCAST_JNDI);
        } catch (NamingException e) {
            throw new IllegalStateException("ccc.cluster.mode=" + mode + " but Payara's Hazelcast member ("
                    + HAZELCAST_JNDI + ") is not there", e);
        }
        HazelcastCluster cluster = new HazelcastCluster((com.hazelcast.core.HazelcastInstance) member);
        LOG.info(() -> "This node is " + cluster.nodeId() + " in a cluster of " + cluster.nodes().size());
        return cluster;
    }
}
