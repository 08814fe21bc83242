package org.greffe.platform.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint whose every call is written to the access log before it is served: reads of case-level data
 * and audit operations, in whichever module they are served. A call that cannot be recorded is refused. The audit
 * module's recorder acts on it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RecordedAccess {

    /** What the call reads or does, as the access log names it. */
    String value();
}
