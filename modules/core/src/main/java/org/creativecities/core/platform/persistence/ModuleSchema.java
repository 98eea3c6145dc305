package org.creativecities.core.platform.persistence;

/**
 * Extension point for a bounded context packed beside the core (works, media, search): the schema it owns.
 *
 * <p>A context implements this as an application-scoped CDI bean. At start-up, after the core's own migrations,
 * {@link Migrations} brings each context's schema up to date with Flyway, from the context's own migration
 * folder and into its own history table, so versions never clash across contexts. A context's tables may refer
 * to the core's (accounts, cities, rooms), never the reverse. Contexts run in the order of {@link #order()}.
 */
public interface ModuleSchema {

    /** A short name (lower case, letters only), used in the log and in the history table's name. */
    String name();

    /** The classpath folder of the context's migrations, e.g. {@code db/works}. */
    String location();

    /** Lower runs first; a context whose tables refer to another's runs after it. */
    default int order() {
        return 100;
    }

    /** The Flyway history table: one per context. */
    default String historyTable() {
        return "flyway_history_" + name();
    }
}
