/** Caseload figures shared by the read API and the application's meters. */
package org.greffe.caseload.application;
