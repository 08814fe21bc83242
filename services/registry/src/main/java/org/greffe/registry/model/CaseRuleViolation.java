package org.greffe.registry.model;

/** A command broke a rule of the case lifecycle; nothing was recorded. */
public class CaseRuleViolation extends Rejection {

    private final Rule rule;

    public CaseRuleViolation(Rule rule, String detail) {
        super(rule.statement() + ": " + detail);
        this.rule = rule;
    }

    /** The rule that was broken. */
    public Rule rule() {
        return rule;
    }
}
