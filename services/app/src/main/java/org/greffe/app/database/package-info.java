/**
 * Least privilege and durability in the database: migrations run as an owner role, Greffe as a runtime role that may
 * only insert into and read the append-only tables, on a server that makes every acknowledged commit durable; Greffe
 * checks both at start and refuses real data otherwise.
 */
package org.greffe.app.database;
