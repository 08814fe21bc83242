package org.greffe.app.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a refused database as its one sentence, without a stack trace. */
public class DatabaseRefusedFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseRefused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseRefused cause) {
        return new FailureAnalysis(cause.getMessage(), null, cause);
    }
}
