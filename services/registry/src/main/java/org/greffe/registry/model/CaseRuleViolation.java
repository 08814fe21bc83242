package org.greffe.registry.model;

/** A command broke a rule of the case lifecycle; nothing was recorded. */
public class CaseRuleViolation extends Rejection {

    private final Rule rule;
    private final String detail;

    public CaseRuleViolation(Rule rule, String detail) {
        this(rule, detail, null);
    }

    /**
     * @param rule    the rule broken
     * @param detail  how, in English; the message is the rule's statement and this
     * @param wording the detail as a code and arguments, to be said in another language
     */
    public CaseRuleViolation(Rule rule, String detail, Wording wording) {
        super(rule.statement() + ": " + detail, wording);
        this.rule = rule;
        this.detail = detail;
    }

    /** How the rule was broken, in English, without the rule's statement. */
    public String detail() {
        return detail;
    }

    /** The rule that was broken. */
    public Rule rule() {
        return rule;
    }
}
