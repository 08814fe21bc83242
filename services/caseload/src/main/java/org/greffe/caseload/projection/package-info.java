/**
 * The caseload projection: a pooled streaming event processor that folds each batch of events into case records
 * and writes them back in one batched statement per table, in the transaction that stores its token.
 */
package org.greffe.caseload.projection;
