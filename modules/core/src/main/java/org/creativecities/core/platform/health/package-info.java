/** MicroProfile Health checks for the platform itself; other contexts add their own. */
package org.creativecities.core.platform.health;
