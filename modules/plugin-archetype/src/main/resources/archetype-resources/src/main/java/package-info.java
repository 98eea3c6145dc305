/**
 * The ${pluginId} plugin: a poll room kind ({@link ${package}.PollRoom}, its state machine {@link ${package}.Poll})
 * and a greeting route ({@link ${package}.GreetingRoutes}), started by {@link ${package}.PollPlugin}.
 */
package ${package};
