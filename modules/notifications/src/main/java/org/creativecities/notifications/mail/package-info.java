/**
 * Email for the notification centre, over Jakarta Mail (Payara's): the SMTP server an administrator sets at run
 * time ({@code /api/admin/mail}), immediate mail for the kinds a person chose, the daily or weekly digest (an hourly
 * timer, or on demand), and one-click unsubscribe (RFC 8058) with signed links. With no server set, nothing is
 * mailed and in-app notifications are kept as always.
 */
package org.creativecities.notifications.mail;
