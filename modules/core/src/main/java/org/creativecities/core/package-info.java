/**
 * The Creative Cities Commons core: a Jakarta EE application deployed on Payara Micro.
 *
 * <p>Each sub-package is one bounded context ({@code identity}, {@code city}, {@code membership},
 * later {@code space}, {@code live}, {@code plugin}) plus {@code platform}, the cross-cutting plumbing
 * they all stand on. Contexts depend on one another in one direction only
 * ({@code platform <- identity <- city <- membership}); where an earlier context needs facts owned by a
 * later one, it declares a small interface that the later context implements.
 */
package org.creativecities.core;
