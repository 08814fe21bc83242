/** What every module marks for the access log: endpoints whose every call is recorded before it is served. */
package org.greffe.platform.access;
