package org.creativecities.core.platform.cluster;

import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The nodes this one runs with, and the little they share: topics to tell the others something at once, and maps of
 * short strings. Implemented by {@link LocalCluster} (one node) and {@link HazelcastCluster} (Payara Micro's
 * clustering). Obtain it by injection; it is produced once per application ({@link Clusters}).
 *
 * <p>Topics are best effort: a message may be lost, reordered or delivered late, and is never delivered to the node
 * that published it. Use them as hints that make a node look at the database sooner, never as the record.
 */
public interface Cluster {

    /** This node's id in the cluster, unique among the running nodes. */
    String nodeId();

    /** Whether other nodes may exist (false with {@code ccc.cluster.mode=none}). */
    boolean clustered();

    /** The ids of the nodes in the cluster now, this one included. */
    Set<String> nodes();

    /**
     * Sends a short message to the other nodes' listeners of the topic; returns at once, never throws for a
     * delivery problem.
     */
    void publish(String topic, String message);

    /**
     * Calls the listener with every message of the topic that another node publishes, on a thread of the cluster:
     * the listener must return quickly (hand work to an executor).
     */
    void subscribe(String topic, Consumer<String> listener);

    /** Calls the listener with the id of every node that leaves the cluster (stopped, crashed, cut off). */
    void onNodeLeft(Consumer<String> listener);

    /** The map of that name, shared by every node. */
    SharedMap map(String name);

    /** The sets of that name, shared by every node. */
    SharedSets sets(String name);

    /**
     * Sets of short strings, one per key, shared by every node; adding and removing a value are atomic. The values
     * stay until removed: a value that a node owns names the node, so that the others can remove it when the node
     * leaves ({@link #onNodeLeft}).
     */
    interface SharedSets {

        void add(String key, String value);

        void remove(String key, String value);

        /** The values of the key now (a copy). */
        java.util.Set<String> get(String key);

        /** The keys that have values now (a copy). */
        java.util.Set<String> keys();
    }

    /**
     * A map of short strings shared by every node, with a time to live per entry. {@link #take} is atomic across
     * the cluster: of two nodes taking one key at once, one gets the value.
     */
    interface SharedMap {

        /** Puts the value, replacing any, for {@code ttl}. */
        void put(String key, String value, Duration ttl);

        /** The value, if there is one that has not expired. */
        java.util.Optional<String> get(String key);

        /** Removes the key and returns its value, if it had one that had not expired; once only across nodes. */
        java.util.Optional<String> take(String key);

        /** Removes the key, if it is there. */
        void remove(String key);

        /**
         * Replaces the key's value atomically across the cluster: {@code change} gets the value now (null if there
         * is none, or it expired) and returns the new one, which then lives {@code ttl.apply(newValue)} from now;
         * null removes the key, and an unchanged value is not written again (it keeps its time to live). Of two
         * nodes changing one key at once, each change sees the other's result: {@code change} may be called more
         * than once, and only its last call's result is kept.
         *
         * @return the new value, or null if removed
         */
        String update(String key, java.util.function.UnaryOperator<String> change,
                      java.util.function.Function<String, Duration> ttl);
    }
}
