package org.greffe.events;

/** The conflict-related sexual violence offence a case is about, as the UN reports classify them. */
public enum OffenceCategory {
    RAPE,
    SEXUAL_SLAVERY,
    FORCED_MARRIAGE,
    FORCED_PREGNANCY,
    SEXUAL_MUTILATION,
    FORCED_PROSTITUTION,
    OTHER_SEXUAL_VIOLENCE
}
