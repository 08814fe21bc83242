/**
 * The integrity of appends: the keys kept outside the database, the event store that records a keyed authentication
 * code with every event it appends, the check of those codes the audit service's sealer and verification rely on,
 * and the health of the audit chain.
 */
package org.greffe.app.integrity;
