/**
 * Hooks and events: <em>before</em> hooks ({@link org.creativecities.plugin.api.hook.JoinHook},
 * {@link org.creativecities.plugin.api.hook.MessageHook}) answer with a
 * {@link org.creativecities.plugin.api.hook.HookResult}; <em>after</em> events
 * ({@link org.creativecities.plugin.api.hook.CommonsEvent}) reach an
 * {@link org.creativecities.plugin.api.hook.EventListener}.
 */
package org.creativecities.plugin.api.hook;
