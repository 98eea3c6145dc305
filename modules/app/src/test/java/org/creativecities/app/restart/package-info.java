/**
 * Restart safety, proven once for everything: every scenario is prepared on one server, the server is killed
 * (SIGKILL, as in a crash) and started again on the same H2 file, and each scenario's check runs.
 */
package org.creativecities.app.restart;
