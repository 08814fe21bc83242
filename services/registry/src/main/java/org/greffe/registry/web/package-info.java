/**
 * The registry's HTTP command API (v1), the CSV docket upload, and their RFC 7807 error answers. Requests are
 * validated here for shape; the rules of the case lifecycle are the aggregate's.
 */
package org.greffe.registry.web;
