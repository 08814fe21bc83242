package org.greffe.app.security;

/** The three roles of Greffe. A user may hold several. */
public enum Role {

    /** Court clerks: record what happens to cases, import dockets, read case-level data. */
    CLERK,

    /** Justice-sector advocates: aggregate caseload figures only, small cells suppressed. */
    ADVOCATE,

    /** Auditors: every read, the audit operations (history, replay, verify, export, rebuild, access log); no writes. */
    AUDITOR;

    /** The Spring Security authority of the role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
