/** What the services share about the database itself: telling an outage from any other failure. */
package org.greffe.platform.database;
