/**
 * The integrity of appends: the keys kept outside the database, the event store that records a keyed authentication
 * code with every event it appends, and the check of those codes the audit service's sealer and verification rely
 * on.
 */
package org.greffe.app.integrity;
