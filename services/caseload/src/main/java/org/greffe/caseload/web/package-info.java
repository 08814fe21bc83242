/** The caseload read API (v1): summary of every tribunal, one tribunal's figures, its monthly timeline. */
package org.greffe.caseload.web;
