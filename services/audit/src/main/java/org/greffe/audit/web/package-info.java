/** The audit HTTP API (v1). */
package org.greffe.audit.web;
